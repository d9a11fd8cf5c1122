package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
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
 * catalog-service's audit trail over HTTP against a real PostgreSQL (operations.md "Audit trail"): one entry per change of
 * integrations and connectors, in the change's transaction; an {@code apono} secret parameter that changes is
 * {@code "********"} and its value is nowhere in the table; the owner/admin read rule. Discovery and user tags:
 * {@link DiscoveryIT}; the lifecycle consumer: {@link LifecycleIT}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT implements TestPropertyProvider {
    static final String TEAM = "team_catAudit";
    static final String OTHER = "team_catAuditOther";
    final String owner = Tokens.token("catAuditOwner", TEAM, TeamRole.OWNER);
    final String developer = Tokens.token("catAuditDev", TEAM, TeamRole.DEVELOPER);
    final String viewer = Tokens.token("catAuditViewer", TEAM, TeamRole.VIEWER);
    final String otherOwner = Tokens.token("catAuditOther", OTHER, TeamRole.OWNER);
    final String admin = Tokens.token("root", List.of(), true);

    @Inject
    EmbeddedServer server;
    Api api;
    String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        jdbcUrl = TestInfra.get().newDatabase("catalog_audit");
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(jdbcUrl));
        props.put("patchbay.discovery.enabled", "false");
        props.put("patchbay.consumer.enabled", "false");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    static String pg(String name, String password) {
        return "{\"name\":\"" + name + "\",\"type\":\"postgresql\",\"integration_config\":{\"hostname\":\"127.0.0.1\",\"port\":\"5432\","
                + "\"dbname\":\"app\"},\"secret_store_config\":{\"apono\":{\"parameters\":{\"username\":\"reader\",\"password\":\"" + password + "\"}}}}";
    }

    private List<JsonNode> entriesOf(String resourceId) {
        return AuditEntries.ofResource(api, admin, resourceId);
    }

    @Test
    void aSecretParameterThatChangesIsMaskedAndItsValueIsNowhereInTheTable() {
        String id = ok(api.post("/api/admin/v4/integrations", owner, pg("Audited PG", "first-pg-password")), 200).json().get("id").asText();
        ok(api.send("PUT", "/api/admin/v4/integrations/" + id, owner, pg("Audited PG", "second-pg-password")), 200);
        ok(api.send("PUT", "/api/admin/v4/integrations/" + id, developer, pg("Audited PG renamed", "********")), 200);
        ok(api.send("DELETE", "/api/admin/v4/integrations/" + id, owner, null), 204);

        List<JsonNode> entries = entriesOf(id);
        assertThat(AuditEntries.actions(entries)).containsExactly("integration.deleted", "integration.updated", "integration.updated",
                "integration.created");
        JsonNode created = entries.get(3);
        assertThat(created.get("service").asText()).isEqualTo("catalog-service");
        assertThat(created.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(created.get("actor").get("id").asText()).isEqualTo("catAuditOwner");
        assertThat(created.get("changes").get("params.hostname").get("to").asText()).isEqualTo("127.0.0.1");
        assertThat(created.get("changes").get("secret_store.parameters.password").get("to").asText()).isEqualTo("********");
        assertThat(created.get("changes").get("secret_store.parameters.username").get("to").asText()).isEqualTo("********");
        JsonNode rotated = entries.get(2);
        assertThat(rotated.get("changes").get("secret_store.parameters.password").get("from").asText()).isEqualTo("********");
        assertThat(rotated.get("changes").get("secret_store.parameters.password").get("to").asText()).isEqualTo("********");
        JsonNode renamed = entries.get(1);
        assertThat(renamed.get("changes").has("secret_store.parameters.password")).as("a masked value kept the secret").isFalse();
        assertThat(renamed.get("changes").get("name").get("to").asText()).isEqualTo("Audited PG renamed");
        assertThat(renamed.get("actor").get("id").asText()).isEqualTo("catAuditDev");

        assertThat(AuditEntries.tableText(jdbcUrl)).contains(id).doesNotContain("first-pg-password").doesNotContain("second-pg-password")
                .doesNotContain("reader").doesNotContain("v1:");
    }

    @Test
    void connectorsWriteOneEntryPerChange() {
        ok(api.send("PUT", "/api/admin/v3/connectors/audit-edge", owner, "{\"name\":\"Edge\"}"), 200);
        ok(api.send("PUT", "/api/admin/v3/connectors/audit-edge", owner, "{\"name\":\"Edge two\"}"), 200);
        ok(api.send("DELETE", "/api/admin/v3/connectors/audit-edge", owner, null), 204);

        List<JsonNode> entries = entriesOf("audit-edge");
        assertThat(AuditEntries.actions(entries)).containsExactly("connector.deleted", "connector.updated", "connector.created");
        assertThat(entries.get(1).get("changes").get("name").get("from").asText()).isEqualTo("Edge");
        assertThat(entries.get(1).get("changes").get("name").get("to").asText()).isEqualTo("Edge two");
    }

    @Test
    void aFailedRequestLeavesNoEntry() {
        String id = ok(api.post("/api/admin/v4/integrations", owner, pg("Failing PG", "pw")), 200).json().get("id").asText();
        long before = AuditEntries.count(jdbcUrl, null);

        assertProblem(api.post("/api/admin/v4/integrations", owner, pg("failing pg", "pw")), 409, null);
        assertProblem(api.send("PUT", "/api/admin/v4/integrations/" + id, viewer, pg("Failing PG", "pw")), 403, null);
        assertProblem(api.send("DELETE", "/api/admin/v3/connectors/patchbay-builtin", owner, null), 409, null);
        assertProblem(api.post("/api/v2/integrations/" + id + "/refresh", owner, null), 409, null);
        assertProblem(api.send("DELETE", "/api/admin/v4/integrations/" + id, viewer, null), 403, null);

        assertThat(AuditEntries.count(jdbcUrl, null)).isEqualTo(before);
    }

    @Test
    void aTeamOwnerReadsOnlyTheirTeamsEntries() {
        ok(api.post("/api/admin/v4/integrations", owner, pg("Mine", "pw")), 200);
        ok(api.post("/api/admin/v4/integrations", otherOwner, pg("Theirs", "pw")), 200);

        AuditEntries.assertOwnerSeesOnlyTheirTeam(api, admin, owner, TEAM, developer, OTHER);
    }
}
