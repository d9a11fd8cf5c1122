package io.patchbay.environment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * environment-service's audit trail over HTTP against a real PostgreSQL (operations.md "Audit trail"): one entry per
 * change of environments, integrations, installs and team profiles, in the change's transaction; a credential that
 * changes is {@code "********"} and its value is nowhere in the table; the owner/admin read rule. The entries the
 * lifecycle consumer writes are checked in {@link LifecycleConsumerIT}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT implements TestPropertyProvider {
    static final String TEAM = "team_envAudit";
    static final String OTHER = "team_envAuditOther";
    final String owner = Tokens.token("envAuditOwner", TEAM, TeamRole.OWNER);
    final String dev = Tokens.token("envAuditDev", TEAM, TeamRole.DEVELOPER);
    final String otherDev = Tokens.token("envAuditOtherDev", OTHER, TeamRole.DEVELOPER);
    final TestDatabase db = new TestDatabase("env_audit");

    @Inject
    EmbeddedServer server;
    Api api;
    ApiFixture fx;

    @Override
    public Map<String, String> getProperties() {
        return db.serviceProperties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        fx = new ApiFixture(api);
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    private List<JsonNode> entriesOf(String resourceId) {
        return AuditEntries.ofResource(api, Tokens.admin(), resourceId);
    }

    @Test
    void environmentsWriteOneEntryPerChange() {
        String id = fx.environment(dev, "audit-env").get("id").asText();
        ok(api.send("PATCH", "/environment/" + id, dev, "{\"name\":\"audit-env-2\"}", "X-Request-Id", "req-env-rename"), 200);
        ok(api.send("DELETE", "/environment/" + id, dev, null), 200);

        List<JsonNode> entries = entriesOf(id);
        assertThat(AuditEntries.actions(entries)).containsExactly("environment.deleted", "environment.updated", "environment.created");
        JsonNode renamed = entries.get(1);
        assertThat(renamed.get("service").asText()).isEqualTo("environment-service");
        assertThat(renamed.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(renamed.get("actor").get("id").asText()).isEqualTo("envAuditDev");
        assertThat(renamed.get("request_id").asText()).isEqualTo("req-env-rename");
        assertThat(renamed.get("changes").get("name").get("from").asText()).isEqualTo("audit-env");
        assertThat(renamed.get("changes").get("name").get("to").asText()).isEqualTo("audit-env-2");
    }

    @Test
    void aCredentialThatChangesIsMaskedAndItsValueIsNowhereInTheTable() {
        String integration = fx.integration(dev, "audit-secrets", "crm", "allow",
                "{\"base_url\":\"https://a.example.com\",\"credentials\":{\"client_id\":\"cid-1\",\"client_secret\":\"integration-secret-one\"}}")
                .get("id").asText();
        ok(api.send("PATCH", "/integration/" + integration, dev,
                "{\"config\":{\"base_url\":\"https://b.example.com\",\"credentials\":{\"client_id\":\"cid-1\",\"client_secret\":\"integration-secret-two\"}}}"),
                200);
        ok(api.send("PATCH", "/integration/" + integration, dev,
                "{\"config\":{\"base_url\":\"https://b.example.com\",\"credentials\":{\"client_id\":\"cid-2\",\"client_secret\":\"********\"}}}"),
                200);
        String env = fx.environment(dev, "audit-secret-env").get("id").asText();
        String install = fx.install(dev, integration, env, "\"override\":{\"credentials\":{\"api_key\":\"install-key-one\"}}").get("id").asText();
        ok(api.send("PATCH", "/environment-integration/" + install, dev, "{\"override\":{\"credentials\":{\"api_key\":\"install-key-two\"}}}"),
                200);
        ok(MergePatch.send(server.getURI(), "/environment-integration/" + install + "/override", dev, "{\"label\":\"merged\"}", null), 200);

        List<JsonNode> integrationEntries = entriesOf(integration);
        assertThat(AuditEntries.actions(integrationEntries)).containsExactly("integration.updated", "integration.updated", "integration.created");
        JsonNode created = integrationEntries.get(2);
        assertThat(created.get("changes").get("config.credentials.client_secret").get("from").isNull()).isTrue();
        assertThat(created.get("changes").get("config.credentials.client_secret").get("to").asText()).isEqualTo("********");
        assertThat(created.get("changes").get("config.credentials.client_id").get("to").asText()).isEqualTo("cid-1");
        JsonNode rotated = integrationEntries.get(1);
        assertThat(rotated.get("changes").get("config.credentials.client_secret").get("from").asText()).isEqualTo("********");
        assertThat(rotated.get("changes").get("config.credentials.client_secret").get("to").asText()).isEqualTo("********");
        assertThat(rotated.get("changes").get("config.base_url").get("to").asText()).isEqualTo("https://b.example.com");
        JsonNode kept = integrationEntries.getFirst();
        assertThat(kept.get("changes").has("config.credentials.client_secret")).as("a secret written back masked did not change").isFalse();
        assertThat(kept.get("changes").get("config.credentials.client_id").get("to").asText()).isEqualTo("cid-2");

        List<JsonNode> installEntries = entriesOf(install);
        assertThat(AuditEntries.actions(installEntries)).containsExactly("environment_integration.updated", "environment_integration.updated",
                "environment_integration.created");
        assertThat(installEntries.get(1).get("changes").get("override.credentials.api_key").get("to").asText()).isEqualTo("********");
        assertThat(installEntries.getFirst().get("changes").get("override.label").get("to").asText()).isEqualTo("merged");

        assertThat(AuditEntries.tableText(db.jdbcUrl())).contains(integration).contains(install)
                .doesNotContain("integration-secret-one").doesNotContain("integration-secret-two")
                .doesNotContain("install-key-one").doesNotContain("install-key-two").doesNotContain("v1:");
    }

    @Test
    void installsApprovalsRejectionsUninstallsAndTeamProfilesWriteOneEntryEach() {
        String ask = fx.integration(dev, "audit-ask", "crm", "ask").get("id").asText();
        String approvedInstall = fx.install(otherDev, ask, fx.environment(otherDev, "audit-ask-1").get("id").asText(), null).get("id").asText();
        String rejectedInstall = fx.install(otherDev, ask, fx.environment(otherDev, "audit-ask-2").get("id").asText(), null).get("id").asText();
        ok(api.post("/environment-integration/" + approvedInstall + "/approve", dev, null), 200);
        ok(api.post("/environment-integration/" + rejectedInstall + "/reject", dev, null), 200);
        ok(api.send("DELETE", "/environment-integration/" + approvedInstall, otherDev, null), 200);
        ok(api.send("DELETE", "/integration/" + ask, dev, null), 200);
        ok(api.send("PUT", "/team/" + TEAM, owner, "{\"name\":\"Audit Team\",\"domain\":\"audit.example.com\"}"), 200);

        List<JsonNode> approved = entriesOf(approvedInstall);
        assertThat(AuditEntries.actions(approved)).containsExactly("environment_integration.deleted", "environment_integration.approved",
                "environment_integration.created");
        assertThat(approved.get(1).get("actor").get("id").asText()).isEqualTo("envAuditDev");
        assertThat(approved.get(1).get("team_id").asText()).as("an install belongs to its environment's team").isEqualTo(OTHER);
        assertThat(approved.get(1).get("actor").get("team_id").isNull()).as("the approver acts from the integration's team").isTrue();
        assertThat(approved.get(1).get("changes").get("approved").get("to").asBoolean()).isTrue();
        assertThat(AuditEntries.actions(entriesOf(rejectedInstall))).containsExactly("environment_integration.rejected",
                "environment_integration.created");
        assertThat(AuditEntries.actions(entriesOf(ask))).containsExactly("integration.deleted", "integration.created");
        JsonNode profile = entriesOf(TEAM).getFirst();
        assertThat(profile.get("action").asText()).isEqualTo("team.updated");
        assertThat(profile.get("changes").get("domain").get("to").asText()).isEqualTo("audit.example.com");
    }

    @Test
    void aFailedRequestLeavesNoEntry() {
        String env = fx.environment(dev, "audit-failing").get("id").asText();
        String integration = fx.integration(dev, "audit-failing", "crm", "allow").get("id").asText();
        fx.install(dev, integration, env, null);
        long before = AuditEntries.count(db.jdbcUrl(), null);

        assertProblem(api.send("DELETE", "/environment/" + env, dev, null), 409, null);
        assertProblem(api.send("DELETE", "/integration/" + integration, dev, null), 409, null);
        assertProblem(api.send("PATCH", "/environment/" + env, dev, "{\"name\":\"\"}"), 400, "name");
        assertProblem(api.post("/integration", dev, "{\"name\":\"x-secretive\",\"category\":\"crm\",\"config\":{\"credentials\":{\"token\":5}}}"),
                400, "config.credentials.token");
        assertProblem(api.send("PUT", "/team/" + TEAM, dev, "{\"name\":\"x\"}"), 403, null);

        assertThat(AuditEntries.count(db.jdbcUrl(), null)).isEqualTo(before);
    }

    @Test
    void aTeamOwnerReadsOnlyTheirTeamsEntries() {
        fx.environment(dev, "audit-owner-env");
        fx.environment(otherDev, "audit-other-env");

        AuditEntries.assertOwnerSeesOnlyTheirTeam(api, Tokens.admin(), owner, TEAM, dev, OTHER);
    }
}
