package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.ManagementSurface;
import io.patchbay.test.RequestLimits;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operational attack surface of config-service with its shipped settings (issue 12): management endpoints closed to
 * tenants, health details for admins only, no tenant data in metric labels, text PostgreSQL cannot store and oversized
 * chunked bodies refused as problems, per-caller rate limits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySurfaceIT implements TestPropertyProvider {
    static final int LIMIT = 60;
    static final String TEAM = "team_surfaceAcme";
    final String owner = Tokens.token("surfaceOwner", TEAM, TeamRole.OWNER);
    final String noTeam = Tokens.token("surfaceLoner", List.of(), false);
    final TestDatabase db = new TestDatabase("config_surface");

    @Inject
    EmbeddedServer server;
    Api api;
    String configuration;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = db.serviceProperties();
        props.put("micronaut.server.port", "-1");
        props.put("patchbay.rate-limit.limit", Integer.toString(LIMIT));
        props.put("patchbay.rate-limit.window", "1h");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"surface\",\"name\":\"Surface\",\"scopes\":[\"read:project\"]}")
                .status()).isEqualTo(201);
        Api.Response created = api.post("/v1/integrations/configurations", owner, "{\"integrationIdOrSlug\":\"surface\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        configuration = created.json().get("id").asText();
    }

    @Test
    void managementEndpointsAreForAdminsAndHealthDetailsToo() {
        ManagementSurface.assertClosed(api, List.of(noTeam, owner), Tokens.admin());
    }

    @Test
    void theAuditTrailNeedsATokenAndIsForOwnersAndAdmins() {
        AuditEntries.assertGuarded(api, Tokens.token("surfaceAuditLoner", List.of(), false), Tokens.admin());
    }

    @Test
    void metricLabelsCarryNoTenantData() {
        assertThat(api.get("/v1/integrations/configuration/" + configuration, owner).status()).isEqualTo(200);
        assertProblem(api.get("/v1/integrations/configuration/icfg_surfaceMissing0000000000", owner), 404, null);
        assertProblem(api.send("PATCH", "/v1/integrations/configuration/" + configuration + "/nope", owner, "{}"), 404, null);
        ManagementSurface.assertNoTenantDataInMetrics(api, List.of(TEAM, "surfaceOwner", configuration, "icfg_surfaceMissing"));
    }

    @Test
    void unpairedSurrogatesAreA400NamingTheField() {
        assertProblem(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"surr\",\"name\":\"Sl\\ud800ack\"}"), 400, "name");
        assertProblem(api.post("/v1/integrations/configurations", owner, "{\"integrationIdOrSlug\":\"surface\",\"projects\":[\"prj_\\udc00\"],"
                + "\"projectSelection\":\"selected\"}"), 400, "projects[0]");
        assertProblem(api.post("/v1/integrations/configuration/" + configuration + "/disable", owner, "{\"reason\":\"\\ud800\"}"), 400, "reason");
        assertProblem(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"slug\":\"surface-\\ud800\"}"), 400, "slug");
        assertProblem(api.get("/v1/integrations/configurations?view=account&integrationIdOrSlug=a%00b", owner), 400, "integrationIdOrSlug");
        assertProblem(api.post("/v1/webhooks", owner, "{\"url\":\"https://h\ud800.example.com/\",\"events\":[\"integration-configuration.removed\"]}"),
                400, "url");
        assertProblem(api.get("/v1/webhooks?projectId=prj_%00", owner), 400, "projectId");
    }

    @Test
    void webhookSecretsAreAnsweredOnceAndNeverAgain() {
        Api.Response created = api.post("/v1/webhooks", owner, "{\"url\":\"https://8.8.8.8/hook\",\"events\":[\"integration-configuration.removed\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().get("id").asText();
        String secret = created.json().get("secret").asText();
        for (String path : List.of("/v1/webhooks", "/v1/webhooks/" + id, "/v1/webhooks/" + id + "/deliveries")) {
            Api.Response read = api.get(path, owner);
            assertThat(read.status()).as(path).isEqualTo(200);
            assertThat(read.raw().body()).as(path).doesNotContain(secret).doesNotContain("\"secret\"");
        }
        assertProblem(api.get("/v1/webhooks/" + id, noTeam), 404, null);
        assertProblem(api.get("/v1/webhooks/hook_nope", owner), 400, "id");
        assertProblem(api.post("/v1/webhooks", owner, "{\"url\":\"https://8.8.8.8/\",\"events\":[\"deployment.created\"]}"), 400, "events[0]");
        assertProblem(api.post("/v1/webhooks", owner, "{\"url\":\"https://8.8.8.8/\",\"events\":\"x\"}"), 400, "events");
        assertProblem(api.post("/v1/webhooks", owner, "{\"events\":[\"integration-configuration.removed\"]}"), 400, "url");
        assertProblem(api.post("/v1/webhooks", owner, "{\"url\":\"https://8.8.8.8/\",\"events\":[\"integration-configuration.removed\"],"
                + "\"secret\":\"mine\"}"), 400, "secret");
        Api.Response app = api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"surface-secret\",\"name\":\"S\"}");
        String clientSecret = app.json().get("clientSecret").asText();
        assertThat(api.get("/v1/integrations/apps", owner).raw().body()).doesNotContain(clientSecret).doesNotContain("clientSecret");
        assertThat(api.send("PATCH", "/v1/integrations/apps/surface-secret", Tokens.admin(), "{\"name\":\"T\"}").raw().body())
                .doesNotContain(clientSecret);
    }

    @Test
    void aChunkedBodyOverTheLimitIsAProblem413() {
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "POST", "/v1/integrations/configurations", owner, 9 * 1024 * 1024);
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "PATCH", "/v1/integrations/configuration/" + configuration, owner,
                2 * 1024 * 1024);
    }

    @Test
    void aCallerOverItsLimitGets429AndOthersAreNotSlowed() {
        RequestLimits.assertRateLimited(api, "/v1/integrations/configurations?view=account", Tokens.token("surfaceBusy", TEAM, TeamRole.MEMBER),
                Tokens.token("surfaceCalm", TEAM, TeamRole.MEMBER), Tokens.admin(), LIMIT);
    }

    @Test
    void thePublisherHasNoDeadLetters() {
        // config-service publishes the lifecycle topic and consumes nothing: the kernel's dead-letter routes are not here
        assertProblem(api.get("/admin/dead-letters", Tokens.admin()), 404, null);
        assertProblem(api.post("/admin/dead-letters/" + java.util.UUID.randomUUID() + "/replay", Tokens.admin(), null), 404, null);
    }
}
