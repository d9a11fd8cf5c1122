package io.patchbay.environment.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.DeadLetterFixture;
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
 * The operational attack surface of environment-service with its shipped settings (issue 12): management endpoints
 * closed to tenants, health details for admins only, no tenant data in metric labels, text PostgreSQL cannot store and
 * oversized chunked bodies refused as problems, per-caller rate limits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySurfaceIT implements TestPropertyProvider {
    static final int LIMIT = 60;
    static final String TEAM = "team_surfaceEnv";
    final String owner = Tokens.token("surfaceOwner", TEAM, TeamRole.OWNER);
    final String noTeam = Tokens.token("surfaceLoner", List.of(), false, null);
    final TestDatabase db = new TestDatabase("env_surface");

    @Inject
    EmbeddedServer server;
    Api api;
    String environment;
    String integration;
    String install;

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
        ApiFixture fx = new ApiFixture(api);
        environment = fx.environment(owner, "surface-production").get("id").asText();
        integration = fx.integration(owner, "surface-zendesk", "helpdesk", "allow").get("id").asText();
        install = fx.install(owner, integration, environment, null).get("id").asText();
    }

    @Test
    void theAuditTrailNeedsATokenAndIsForOwnersAndAdmins() {
        AuditEntries.assertGuarded(api, Tokens.token("surfaceAuditLoner", List.of(), false, null), Tokens.admin());
    }

    @Test
    void managementEndpointsAreForAdminsAndHealthDetailsToo() {
        ManagementSurface.assertClosed(api, List.of(noTeam, owner), Tokens.admin());
    }

    @Test
    void metricLabelsCarryNoTenantData() {
        assertThat(api.get("/environment-integration/" + install, owner).status()).isEqualTo(200);
        assertThat(api.get("/environment/" + environment, owner).status()).isEqualTo(200);
        assertProblem(api.get("/integration/" + java.util.UUID.randomUUID(), owner), 404, null);
        ManagementSurface.assertNoTenantDataInMetrics(api, List.of(TEAM, "surfaceOwner", environment, integration, install,
                "surface-production", "surface-zendesk"));
    }

    @Test
    void unpairedSurrogatesAreA400NamingTheField() {
        assertProblem(api.post("/environment", owner, "{\"name\":\"prod\\ud800\"}"), 400, "name");
        assertProblem(api.post("/integration", owner, "{\"name\":\"surr\",\"category\":\"crm\",\"config\":{\"base_url\":"
                + "\"https://example.com/\\udc00\",\"headers\":{\"Accept\":\"application/json\"}}}"), 400, "config.base_url");
        assertProblem(api.send("PATCH", "/environment-integration/" + install, owner, "{\"override\":{\"label\":\"\\ud800x\"}}"), 400,
                "override.label");
        assertProblem(MergePatch.send(server.getURI(), "/environment-integration/" + install + "/override", owner,
                "{\"label\":\"\\ud800\"}", null), 400, "label");
        assertProblem(api.send("PUT", "/team/" + TEAM, owner, "{\"name\":\"Acme \\udc00\"}"), 400, "name");
    }

    @Test
    void aChunkedBodyOverTheLimitIsAProblem413() {
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "POST", "/integration", owner, 9 * 1024 * 1024);
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "PATCH", "/environment-integration/" + install, owner, 2 * 1024 * 1024);
    }

    @Test
    void aCallerOverItsLimitGets429AndOthersAreNotSlowed() {
        RequestLimits.assertRateLimited(api, "/environment", Tokens.token("surfaceBusy", TEAM, TeamRole.MEMBER),
                Tokens.token("surfaceCalm", TEAM, TeamRole.MEMBER), Tokens.admin(), LIMIT);
    }

    @Test
    void theDeadLettersAreForPlatformAdminsOnly() {
        DeadLetterFixture.Client client = DeadLetterFixture.client(api);
        String unknown = java.util.UUID.randomUUID().toString();
        DeadLetterFixture.assertAdminOnly(client, owner, unknown);
        assertProblem(client.send("POST", "/admin/dead-letters/" + unknown + "/replay", noTeam), 403, null);
        assertProblem(client.send("GET", "/admin/dead-letters/" + unknown, Tokens.admin()), 404, null);
        assertProblem(client.send("DELETE", "/admin/dead-letters/not-an-id", Tokens.admin()), 400, "id");
        assertProblem(client.send("GET", "/admin/dead-letters?limit=0", Tokens.admin()), 400, "limit");
        assertThat(client.send("GET", "/admin/dead-letters", Tokens.admin()).status()).isEqualTo(200);
    }
}
