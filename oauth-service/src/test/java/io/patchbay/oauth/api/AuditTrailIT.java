package io.patchbay.oauth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * oauth-service's audit trail over HTTP against a real PostgreSQL (operations.md "Audit trail"): one entry per change of
 * integrations, content associations and sessions, in the change's transaction; a client secret that changes is
 * {@code "********"} (a rotation is {@code oauth_integration.secret_rotated}) and no secret value is anywhere in the
 * table; the owner/admin read rule. The consumer's entries: {@link LifecycleConsumerIT}; the re-encryption job's:
 * {@link SecretRotationIT}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT implements TestPropertyProvider {
    static final String TEAM = "team_oauthAudit";
    static final String OTHER = "team_oauthAuditOther";
    static final String BASE = "/__api__/v1/oauth/integrations";
    final String owner = Tokens.token("oauthAuditOwner", TEAM, TeamRole.OWNER);
    final String publisher = Tokens.token("oauthAuditDev", TEAM, TeamRole.DEVELOPER);
    final String otherOwner = Tokens.token("oauthAuditOther", OTHER, TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    RecordingApi api;
    Api reader;
    String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_audit");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
        reader = new Api(server.getURI());
    }

    private static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    private String github(String token, String name, String secret) {
        return ok(api.post(BASE, token, Json.of(Map.of("name", name, "template", "github", "config",
                Map.of("client_id", "Iv1." + name, "client_secret", secret)))), 200).json().get("guid").asText();
    }

    private List<JsonNode> entriesOf(String resourceId) {
        return AuditEntries.ofResource(reader, Tokens.admin(), resourceId);
    }

    @Test
    void aClientSecretThatChangesIsMaskedAndNoSecretIsAnywhereInTheTable() {
        String first = Captured.plant();
        String second = Captured.plant();
        String guid = github(owner, "audit-gh", first);
        ok(api.patch(BASE + "/" + guid, owner, "{\"config\":{\"client_secret\":\"" + second + "\"}}"), 200);
        ok(api.patch(BASE + "/" + guid, owner, "{\"name\":\"audit-gh-renamed\"}"), 200);

        List<JsonNode> entries = entriesOf(guid);
        assertThat(AuditEntries.actions(entries)).containsExactly("oauth_integration.updated", "oauth_integration.secret_rotated",
                "oauth_integration.created");
        JsonNode created = entries.get(2);
        assertThat(created.get("service").asText()).isEqualTo("oauth-service");
        assertThat(created.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(created.get("actor").get("id").asText()).isEqualTo("oauthAuditOwner");
        assertThat(created.get("changes").get("config.client_id").get("to").asText()).isEqualTo("Iv1.audit-gh");
        assertThat(created.get("changes").get("secrets.client_secret").get("from").isNull()).isTrue();
        assertThat(created.get("changes").get("secrets.client_secret").get("to").asText()).isEqualTo("********");
        JsonNode rotated = entries.get(1);
        assertThat(rotated.get("changes").get("secrets.client_secret").get("from").asText()).isEqualTo("********");
        assertThat(rotated.get("changes").get("secrets.client_secret").get("to").asText()).isEqualTo("********");
        JsonNode renamed = entries.getFirst();
        assertThat(renamed.get("changes").has("secrets.client_secret")).isFalse();
        assertThat(renamed.get("changes").get("name").get("to").asText()).isEqualTo("audit-gh-renamed");

        String table = AuditEntries.tableText(jdbcUrl);
        assertThat(table).contains(guid);
        for (String planted : Captured.planted()) {
            assertThat(table).as("a planted secret").doesNotContain(planted);
        }
        assertThat(table).doesNotContain("v1:");
    }

    @Test
    void associationsSessionsAndDeletesWriteOneEntryEach() {
        String guid = github(owner, "audit-assoc", Captured.plant());
        UUID content = UUID.randomUUID();
        ok(api.put("/__api__/v1/content/" + content + "/oauth/integrations/associations", publisher,
                "[{\"oauth_integration_guid\":\"" + guid + "\"}]"), 204);
        UUID session = UUID.randomUUID();
        new Db(jdbcUrl).execute("INSERT INTO oauth_session (guid, integration_id, user_id, access_token_sealed, key_id, created_time, updated_time) "
                + "SELECT ?, id, 'oauthAuditDev', 'v1:k1:AAAA', 'k1', now(), now() FROM oauth_integration WHERE guid = ?", session, UUID.fromString(guid));
        ok(api.delete("/__api__/v1/oauth/sessions/" + session, publisher), 204);
        ok(api.delete(BASE + "/" + guid, owner), 204);

        JsonNode replaced = entriesOf(content.toString()).getFirst();
        assertThat(replaced.get("action").asText()).isEqualTo("content_associations.replaced");
        assertThat(replaced.get("changes").get("oauth_integration_guids").get("from")).isEmpty();
        assertThat(replaced.get("changes").get("oauth_integration_guids").get("to").get(0).asText()).isEqualTo(guid);
        JsonNode sessionDeleted = entriesOf(session.toString()).getFirst();
        assertThat(sessionDeleted.get("action").asText()).isEqualTo("oauth_session.deleted");
        assertThat(sessionDeleted.get("actor").get("id").asText()).isEqualTo("oauthAuditDev");
        assertThat(sessionDeleted.get("team_id").asText()).isEqualTo(TEAM);
        List<JsonNode> integration = entriesOf(guid);
        assertThat(AuditEntries.actions(integration)).containsExactly("oauth_integration.deleted", "oauth_integration.created");
        assertThat(integration.getFirst().get("changes").get("secrets.client_secret").get("from").asText()).isEqualTo("********");
        assertThat(integration.getFirst().get("changes").get("secrets.client_secret").get("to").isNull()).isTrue();
    }

    @Test
    void aFailedRequestLeavesNoEntry() {
        String guid = github(owner, "audit-fail", Captured.plant());
        long before = AuditEntries.count(jdbcUrl, null);

        assertProblem(api.patch(BASE + "/" + guid, publisher, "{\"name\":\"nope\"}"), 403, null);
        assertProblem(api.patch(BASE + "/" + guid, owner, "{\"config\":{\"client_id\":5}}"), 400, null);
        assertProblem(api.post(BASE, owner, Json.of(Map.of("name", "x", "template", "no-such-template", "config", Map.of()))), 400, "template");
        assertProblem(api.put("/__api__/v1/content/" + UUID.randomUUID() + "/oauth/integrations/associations", publisher,
                "[{\"oauth_integration_guid\":\"" + UUID.randomUUID() + "\"}]"), 400, null);
        assertProblem(api.delete(BASE + "/" + guid, publisher), 403, null);

        assertThat(AuditEntries.count(jdbcUrl, null)).isEqualTo(before);
    }

    @Test
    void aTeamOwnerReadsOnlyTheirTeamsEntries() {
        github(owner, "audit-mine", Captured.plant());
        github(otherOwner, "audit-theirs", Captured.plant());

        AuditEntries.assertOwnerSeesOnlyTheirTeam(reader, Tokens.admin(), owner, TEAM, publisher, OTHER);
        assertThat(AuditEntries.all(reader, Tokens.key(owner), Map.of())).as("Posit clients send Key tokens").isNotEmpty();
    }
}
