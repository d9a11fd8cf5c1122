package io.patchbay.catalog.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.DeadLetterFixture;
import io.patchbay.test.ManagementSurface;
import io.patchbay.test.RequestLimits;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operational attack surface of catalog-service with its shipped settings (issue 12): management endpoints closed
 * to tenants, health details for admins only, no tenant data in metric labels, text PostgreSQL cannot store and
 * oversized chunked bodies refused as problems, per-caller rate limits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySurfaceIT implements TestPropertyProvider {
    static final int LIMIT = 60;
    static final String TEAM = "team_surfaceCatalog";
    final String owner = Tokens.token("surfaceOwner", TEAM, TeamRole.OWNER);
    final String noTeam = Tokens.token("surfaceLoner", List.of(), false);
    final String admin = Tokens.token("root", List.of(), true);

    @Inject
    EmbeddedServer server;
    Api api;
    String integration;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(TestInfra.get().newDatabase("catalog_surface")));
        props.put("micronaut.server.port", "-1");
        props.put("patchbay.discovery.enabled", "false");
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.rate-limit.limit", Integer.toString(LIMIT));
        props.put("patchbay.rate-limit.window", "1h");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        Api.Response created = api.post("/api/admin/v4/integrations", owner, IntegrationApiIT.pg("Surface orders"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        integration = created.json().get("id").asText();
    }

    @Test
    void theAuditTrailNeedsATokenAndIsForOwnersAndAdmins() {
        AuditEntries.assertGuarded(api, Tokens.token("surfaceAuditLoner", List.of(), false), admin);
    }

    @Test
    void managementEndpointsAreForAdminsAndHealthDetailsToo() {
        ManagementSurface.assertClosed(api, List.of(noTeam, owner), admin);
    }

    @Test
    void metricLabelsCarryNoTenantData() {
        assertThat(api.get("/api/admin/v4/integrations/" + integration, owner).status()).isEqualTo(200);
        assertThat(api.get("/api/v3/integrations/" + integration + "/resources", owner).status()).isEqualTo(200);
        assertProblem(api.get("/api/v2/integrations/int_" + "0".repeat(24), owner), 404, null);
        ManagementSurface.assertNoTenantDataInMetrics(api, List.of(TEAM, "surfaceOwner", integration, "Surface orders", "Surface_orders"));
    }

    @Test
    void unpairedSurrogatesAreA400NamingTheField() {
        assertProblem(api.post("/api/admin/v4/integrations", owner, IntegrationApiIT.pg("Surr\\ud800")), 400, "name");
        assertProblem(api.post("/api/admin/v4/integrations", owner, "{\"name\":\"surr\",\"type\":\"postgresql\",\"integration_config\":"
                + "{\"hostname\":\"db\\udc00.internal\"}}"), 400, "integration_config.hostname");
        assertProblem(api.post("/api/admin/v4/integrations", owner, "{\"name\":\"surr\",\"type\":\"postgresql\",\"integration_config\":"
                + "{\"hostname\":\"h\"},\"secret_store_config\":{\"apono\":{\"parameters\":{\"username\":\"\\ud800\",\"password\":\"p\"}}}}"), 400,
                "secret_store_config.apono.parameters.username");
        assertProblem(api.post("/api/v2/integrations", owner, "{\"name\":\"L2\",\"type\":\"postgresql\",\"metadata\":{\"hostname\":\"\\ud800\"}}"),
                400, "metadata.hostname");
        assertProblem(api.send("PUT", "/api/admin/v3/connectors/edge-surr", owner, "{\"name\":\"Edge \\udc00\"}"), 400, "name");
    }

    @Test
    void aChunkedBodyOverTheLimitIsAProblem413() {
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "POST", "/api/admin/v4/integrations", owner, 9 * 1024 * 1024);
        RequestLimits.assertChunkedBodyIsRefused(server.getURI(), "PUT", "/api/v2/integrations/" + integration, owner, 2 * 1024 * 1024);
    }

    @Test
    void aCallerOverItsLimitGets429AndOthersAreNotSlowed() {
        RequestLimits.assertRateLimited(api, "/api/admin/v4/integrations", Tokens.token("surfaceBusy", TEAM, TeamRole.MEMBER),
                Tokens.token("surfaceCalm", TEAM, TeamRole.MEMBER), admin, LIMIT);
    }

    @Test
    void theDeadLettersAreForPlatformAdminsOnly() {
        DeadLetterFixture.Client client = DeadLetterFixture.client(api);
        String unknown = java.util.UUID.randomUUID().toString();
        DeadLetterFixture.assertAdminOnly(client, owner, unknown);
        assertProblem(client.send("POST", "/admin/dead-letters/" + unknown + "/replay", noTeam), 403, null);
        assertProblem(client.send("GET", "/admin/dead-letters/" + unknown, admin), 404, null);
        assertProblem(client.send("DELETE", "/admin/dead-letters/not-an-id", admin), 400, "id");
        assertProblem(client.send("GET", "/admin/dead-letters?limit=0", admin), 400, "limit");
        assertThat(client.send("GET", "/admin/dead-letters", admin).status()).isEqualTo(200);
    }
}
