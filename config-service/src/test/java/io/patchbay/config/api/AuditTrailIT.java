package io.patchbay.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.config.application.port.in.FinalizeExpiredDeletionsUseCase;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
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
 * config-service's audit trail over HTTP against a real PostgreSQL (operations.md "Audit trail"): one entry per change of
 * every kind — requests, the automatic triggers (one entry per configuration they change) and the deletion-grace job —
 * in the change's transaction, read through {@code GET /audit/events} with the owner/admin rule.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT implements TestPropertyProvider {
    static final String TEAM = "team_auditAcme";
    static final String OTHER = "team_auditOther";
    final String owner = Tokens.token("auditOwner", TEAM, TeamRole.OWNER);
    final String dev = Tokens.token("auditDev", TEAM, TeamRole.DEVELOPER);
    final String otherOwner = Tokens.token("otherOwner", OTHER, TeamRole.OWNER);
    final TestDatabase db = new TestDatabase("config_audit");

    @Inject
    EmbeddedServer server;
    @Inject
    FinalizeExpiredDeletionsUseCase deletionGrace;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.serviceProperties());
        props.put("patchbay.deletion.grace", "1ms");
        props.put("patchbay.webhooks.allow-private", "true");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        ok(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"audit-app\",\"name\":\"Audit\",\"scopes\":[\"read:project\"],"
                + "\"requiredPlan\":\"pro\"}"), 201);
        ok(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"audit-store\",\"name\":\"Store\",\"marketplace\":true,"
                + "\"partnerTeamId\":\"team_auditPartner\"}"), 201);
        ok(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"slug\":\"audit-acme\",\"plan\":\"pro\"}"), 200);
        ok(api.send("PUT", "/v1/teams/" + TEAM + "/members/auditDev", owner, "{\"role\":\"DEVELOPER\"}"), 200);
        ok(api.send("PUT", "/v1/teams/" + TEAM + "/members/auditOwner", owner, "{\"role\":\"OWNER\"}"), 200);
        ok(api.send("PUT", "/v1/teams/" + OTHER, otherOwner, "{\"slug\":\"audit-other\"}"), 200);
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    private String install(String token, String app) {
        return ok(api.post("/v1/integrations/configurations", token, "{\"integrationIdOrSlug\":\"" + app + "\"}"), 201).json().get("id").asText();
    }

    private List<JsonNode> entriesOf(String resourceId) {
        return AuditEntries.ofResource(api, Tokens.admin(), resourceId);
    }

    @Test
    void everyRequestThatChangesAConfigurationWritesOneEntry() {
        String id = install(dev, "audit-app");
        ok(api.send("PATCH", "/v1/integrations/configuration/" + id, dev, "{\"scopes\":[]}", "X-Request-Id", "req-config-patch"), 200);
        ok(api.post("/v1/integrations/configuration/" + id + "/disable", dev, "{}"), 200);
        ok(api.post("/v1/integrations/configuration/" + id + "/enable", dev, "{}"), 200);
        ok(api.post("/v1/integrations/configuration/" + id + "/transfer", owner, "{\"userId\":\"auditOwner\"}"), 200);
        ok(api.send("DELETE", "/v1/integrations/configuration/" + id, owner, null), 204);

        List<JsonNode> entries = entriesOf(id);
        assertThat(AuditEntries.actions(entries)).containsExactly("configuration.deleted", "configuration.transferred",
                "configuration.enabled", "configuration.disabled", "configuration.updated", "configuration.created");
        JsonNode created = entries.getLast();
        assertThat(created.get("service").asText()).isEqualTo("config-service");
        assertThat(created.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(created.get("actor").get("type").asText()).isEqualTo("user");
        assertThat(created.get("actor").get("id").asText()).isEqualTo("auditDev");
        assertThat(created.get("actor").get("team_id").asText()).isEqualTo(TEAM);
        assertThat(created.get("changes").get("slug").get("to").asText()).isEqualTo("audit-app");
        JsonNode updated = entries.get(4);
        assertThat(updated.get("request_id").asText()).isEqualTo("req-config-patch");
        assertThat(updated.get("changes").get("scopes").get("from").get(0).asText()).isEqualTo("read:project");
        assertThat(updated.get("changes").get("scopes").get("to")).isEmpty();
        JsonNode disabled = entries.get(3);
        assertThat(disabled.get("changes").get("disabled_reason").get("to").asText()).isEqualTo("disabled-by-owner");
        assertThat(disabled.get("changes").get("disabled_reason").get("from").isNull()).isTrue();
        JsonNode transferred = entries.get(1);
        assertThat(transferred.get("actor").get("id").asText()).isEqualTo("auditOwner");
        assertThat(transferred.get("changes").get("user_id").get("from").asText()).isEqualTo("auditDev");
        assertThat(transferred.get("changes").get("user_id").get("to").asText()).isEqualTo("auditOwner");
        assertThat(entries.getFirst().get("changes").has("deleted_at")).isTrue();
    }

    @Test
    void marketplaceDeletionPartnerUpdateAndTheGraceJobEachWriteOneEntry() {
        String requested = install(dev, "audit-store");
        ok(api.send("DELETE", "/v1/integrations/configuration/" + requested, dev, null), 204);
        String partner = Tokens.token("auditPartnerUser", "team_auditPartner", TeamRole.MEMBER);
        String finalized = install(dev, "audit-store");
        ok(api.send("PATCH", "/v1/installations/" + finalized, partner, "{\"status\":\"ready\",\"externalId\":\"ext-9\"}"), 204);
        ok(api.send("DELETE", "/v1/integrations/configuration/" + finalized, dev, null), 204);
        ok(api.post("/v1/installations/" + finalized + "/billing/finalize", partner, null), 204);

        assertThat(AuditEntries.actions(entriesOf(finalized))).containsExactly("configuration.deleted", "configuration.deletion_requested",
                "configuration.updated", "configuration.created");
        JsonNode partnerUpdate = entriesOf(finalized).get(2);
        assertThat(partnerUpdate.get("actor").get("id").asText()).isEqualTo("auditPartnerUser");
        assertThat(partnerUpdate.get("changes").get("external_id").get("to").asText()).isEqualTo("ext-9");

        assertThat(deletionGrace.finalizeExpired()).isGreaterThanOrEqualTo(1);
        List<JsonNode> graced = entriesOf(requested);
        assertThat(AuditEntries.actions(graced)).containsExactly("configuration.deleted", "configuration.deletion_requested",
                "configuration.created");
        JsonNode byJob = graced.getFirst();
        assertThat(byJob.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(byJob.get("cause").get("trigger").asText()).isEqualTo("deletion_grace");
        assertThat(byJob.get("request_id").isNull()).isTrue();
    }

    @Test
    void aPlanDowngradeWritesTheTeamChangeAndOneSystemEntryPerConfigurationItDisables() {
        String team = "team_auditDowngrade";
        String teamOwner = Tokens.token("downOwner", team, TeamRole.OWNER);
        ok(api.send("PUT", "/v1/teams/" + team, teamOwner, "{\"plan\":\"pro\"}"), 200);
        String a = install(teamOwner, "audit-app");
        String b = install(teamOwner, "audit-app");
        ok(api.send("PUT", "/v1/teams/" + team, teamOwner, "{\"plan\":\"hobby\"}", "X-Request-Id", "req-downgrade"), 200);

        List<JsonNode> teamEntries = entriesOf(team);
        assertThat(AuditEntries.actions(teamEntries)).containsExactly("team.updated", "team.created");
        assertThat(teamEntries.getFirst().get("changes").get("plan").get("from").asText()).isEqualTo("pro");
        assertThat(teamEntries.getFirst().get("changes").get("plan").get("to").asText()).isEqualTo("hobby");
        assertThat(teamEntries.getFirst().get("actor").get("id").asText()).isEqualTo("downOwner");
        for (String id : List.of(a, b)) {
            JsonNode disabled = entriesOf(id).getFirst();
            assertThat(disabled.get("action").asText()).isEqualTo("configuration.disabled");
            assertThat(disabled.get("actor").get("type").asText()).isEqualTo("system");
            assertThat(disabled.get("cause").get("trigger").asText()).isEqualTo("plan_downgrade");
            assertThat(disabled.get("request_id").asText()).isEqualTo("req-downgrade");
            assertThat(disabled.get("changes").get("disabled_reason").get("to").asText()).isEqualTo("account-plan-downgrade");
        }
        assertThat(AuditEntries.all(api, Tokens.admin(), Map.of("action", "configuration.disabled", "team_id", team))).hasSize(2);

        ok(api.send("PUT", "/v1/teams/" + team, teamOwner, "{\"plan\":\"pro\"}"), 200);
        assertThat(entriesOf(a).getFirst().get("action").asText()).isEqualTo("configuration.enabled");
        assertThat(entriesOf(a).getFirst().get("cause").get("trigger").asText()).isEqualTo("plan_upgrade");
    }

    @Test
    void membersAppsAndTheirTriggersWriteOneEntryEach() {
        String team = "team_auditMembers";
        String teamOwner = Tokens.token("memOwner", team, TeamRole.OWNER);
        ok(api.send("PUT", "/v1/teams/" + team, teamOwner, "{\"plan\":\"pro\"}"), 200);
        ok(api.send("PUT", "/v1/teams/" + team + "/members/memDev", teamOwner, "{\"role\":\"DEVELOPER\"}"), 200);
        String devsOwn = install(Tokens.token("memDev", team, TeamRole.DEVELOPER), "audit-app");
        ok(api.send("PUT", "/v1/teams/" + team + "/members/memDev", teamOwner, "{\"role\":\"VIEWER\"}"), 200);
        ok(api.send("DELETE", "/v1/teams/" + team + "/members/memDev", teamOwner, null), 204);

        assertThat(AuditEntries.actions(entriesOf(team + ":memDev"))).containsExactly("team_member.removed", "team_member.updated",
                "team_member.created");
        JsonNode roleChange = entriesOf(team + ":memDev").get(1);
        assertThat(roleChange.get("changes").get("role").get("from").asText()).isEqualTo("DEVELOPER");
        assertThat(roleChange.get("changes").get("role").get("to").asText()).isEqualTo("VIEWER");
        JsonNode disabled = entriesOf(devsOwn).getFirst();
        assertThat(disabled.get("action").asText()).isEqualTo("configuration.disabled");
        assertThat(disabled.get("cause").get("trigger").asText()).isEqualTo("member_role_downgraded");

        String appId = ok(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"audit-gone\",\"name\":\"Gone\"}"), 201)
                .json().get("id").asText();
        String onApp = install(teamOwner, "audit-gone");
        ok(api.send("PATCH", "/v1/integrations/apps/" + appId, Tokens.admin(), "{\"available\":false}"), 200);
        List<JsonNode> appEntries = entriesOf(appId);
        assertThat(AuditEntries.actions(appEntries)).containsExactly("app.updated", "app.created");
        assertThat(appEntries.getFirst().get("actor").get("type").asText()).isEqualTo("admin");
        assertThat(appEntries.getFirst().get("team_id").isNull()).isTrue();
        assertThat(appEntries.getFirst().get("changes").get("available").get("to").asBoolean()).isFalse();
        assertThat(entriesOf(onApp).getFirst().get("cause").get("trigger").asText()).isEqualTo("app_unavailable");
    }

    @Test
    void webhooksAndAppSecretsWriteOneEntryEachWithTheSecretMasked() {
        JsonNode hook = ok(api.post("/v1/webhooks?teamId=" + TEAM, owner, "{\"url\":\"http://127.0.0.1:9/hook\","
                + "\"events\":[\"integration-configuration.removed\"]}"), 200).json();
        String hookId = hook.get("id").asText();
        ok(api.send("DELETE", "/v1/webhooks/" + hookId + "?teamId=" + TEAM, owner, null), 204);
        List<JsonNode> hookEntries = entriesOf(hookId);
        assertThat(AuditEntries.actions(hookEntries)).containsExactly("webhook.deleted", "webhook.created");
        assertThat(hookEntries.getLast().get("team_id").asText()).isEqualTo(TEAM);
        assertThat(hookEntries.getLast().get("changes").get("secret").get("to").asText()).isEqualTo("********");
        assertThat(hookEntries.getLast().get("changes").get("url").get("to").asText()).isEqualTo("http://127.0.0.1:9/hook");

        JsonNode app = ok(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"audit-rotated\",\"name\":\"Rotated\"}"), 201).json();
        String appId = app.get("id").asText();
        JsonNode rotated = ok(api.post("/v1/integrations/apps/" + appId + "/rotate-secret", Tokens.admin(), null), 200).json();
        List<JsonNode> appEntries = entriesOf(appId);
        assertThat(AuditEntries.actions(appEntries)).containsExactly("app.secret_rotated", "app.created");
        assertThat(appEntries.getFirst().get("changes").get("client_secret").get("from").asText()).isEqualTo("********");
        assertThat(appEntries.getFirst().get("changes").get("client_secret").get("to").asText()).isEqualTo("********");
        assertThat(appEntries.getLast().get("changes").get("client_secret").get("to").asText()).isEqualTo("********");
        String table = AuditEntries.tableText(db.jdbcUrl());
        assertThat(table).as("no secret anywhere in the audit table").doesNotContain(hook.get("secret").asText())
                .doesNotContain(app.get("clientSecret").asText()).doesNotContain(rotated.get("clientSecret").asText());
    }

    @Test
    void aFailedRequestLeavesNoEntry() {
        String id = install(dev, "audit-app");
        long before = AuditEntries.count(db.jdbcUrl(), null);

        assertProblem(api.post("/v1/integrations/configuration/" + id + "/disable", dev, "{\"reason\":\"bored\"}"), 400, "reason");
        assertProblem(api.post("/v1/integrations/configuration/" + id + "/transfer", owner, "{\"userId\":\"nobodyHere\"}"), 422, "userId");
        assertProblem(api.send("PATCH", "/v1/integrations/configuration/" + id, dev, "{\"scopes\":[\"write:everything\"]}"), 400, null);
        assertProblem(api.send("PUT", "/v1/teams/" + TEAM, dev, "{\"plan\":\"hobby\"}"), 403, null);
        assertProblem(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"audit-app\",\"name\":\"Taken\"}"), 409, null);

        assertThat(AuditEntries.count(db.jdbcUrl(), null)).isEqualTo(before);
        assertThat(AuditEntries.actions(entriesOf(id))).containsExactly("configuration.created");
    }

    @Test
    void aTeamOwnerReadsOnlyTheirTeamsEntries() {
        install(dev, "audit-app");
        ok(api.send("PUT", "/v1/teams/" + OTHER, otherOwner, "{\"slug\":\"audit-other-2\"}"), 200);

        AuditEntries.assertOwnerSeesOnlyTheirTeam(api, Tokens.admin(), owner, TEAM, dev, OTHER);
        assertProblem(api.get("/audit/events?limit=0", owner), 400, "limit");
    }
}
