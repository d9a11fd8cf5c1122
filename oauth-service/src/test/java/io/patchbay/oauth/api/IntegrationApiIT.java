package io.patchbay.oauth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The integrations API over HTTP against a real PostgreSQL: the seed's wire format, statuses, partial PATCH, secrets, associations, bad input. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationApiIT implements TestPropertyProvider {
    static final String TEAM = "team_acme";
    static final String OTHER = "team_other";
    static final String BASE = "/__api__/v1/oauth/integrations";
    /** The seed's azure config (003_023e86f7d50e8244.txt). */
    static final Map<String, String> SEED_CONFIG = Map.of("auth_mode", "Confidential", "client_id", "23a0078b-cd0d-489f-8e00-e5116c71db9b",
            "scopes", "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default offline_access", "tenant_id", "a0b52758-d0b5-4b27-a6c0-13ca07eabdd7");

    final String owner = Tokens.token("ownerUser", TEAM, TeamRole.OWNER);
    final String publisher = Tokens.token("devUser", TEAM, TeamRole.DEVELOPER);
    final String viewer = Tokens.token("viewerUser", TEAM, TeamRole.VIEWER);
    final String stranger = Tokens.token("stranger", OTHER, TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    RecordingApi api;
    String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_api");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
    }

    JsonNode create(String token, Object body) {
        Api.Response r = api.post(BASE, token, Json.of(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode azure(String token, String name) {
        Map<String, Object> config = new HashMap<>(SEED_CONFIG);
        config.put("client_secret", Captured.plant());
        return create(token, Map.of("name", name, "description", "Azure (staging)", "template", "azure", "config", config));
    }

    JsonNode customViewer(String token, String secret) {
        return create(token, Map.of("name", "Local IdP", "template", "custom", "config", Map.of("auth_type", "Viewer", "auth_mode", "Confidential",
                "authorization_uri", "https://idp.example.com/authorize", "token_uri", "http://localhost:8089/token", "client_id", "patchbay",
                "client_secret", secret, "scopes", "openid profile", "token_endpoint_auth_method", "client_secret_basic")));
    }

    List<String> rows(String query, Object... params) {
        return new Db(jdbcUrl).strings(query, params);
    }

    void execute(String statement, Object... params) {
        new Db(jdbcUrl).execute(statement, params);
    }

    @Test
    void createAndReadExactlyAsTheSeedShowsIt() throws Exception {
        String secret = Captured.plant();
        Map<String, Object> config = new HashMap<>(SEED_CONFIG);
        config.put("client_secret", secret);
        JsonNode created = create(owner, Map.of("name", "Azure", "description", "Azure (staging)", "template", "azure", "config", config));
        assertThat(created.get("id").asText()).matches("[0-9]+");
        assertThat(created.get("id").isTextual()).isTrue();
        String guid = created.get("guid").asText();
        assertThat(UUID.fromString(guid).toString()).isEqualTo(guid);
        assertThat(created.get("created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(created.get("updated_time").asText()).isEqualTo(created.get("created_time").asText());
        assertThat(created.get("name").asText()).isEqualTo("Azure");
        assertThat(created.get("description").asText()).isEqualTo("Azure (staging)");
        assertThat(created.get("template").asText()).isEqualTo("azure");
        assertThat(created.get("auth_type").asText()).isEqualTo("Viewer");
        assertThat(created.get("config")).isEqualTo(Json.tree(SEED_CONFIG));
        assertThat(created.get("content_count").asInt()).isZero();
        assertThat(created.get("configuration_id").isNull()).isTrue();
        assertThat(created.get("state").asText()).isEqualTo("active");
        assertThat(created.get("disabled_reason").isNull()).isTrue();
        assertThat(created.toString()).doesNotContain(secret).doesNotContain("client_secret");

        Api.Response read = api.get(BASE + "/" + guid, Tokens.key(publisher));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.json().has("content_count")).as("content_count is for administrators only").isFalse();
        assertThat(read.json().get("config")).isEqualTo(Json.tree(SEED_CONFIG));
        assertThat(api.get(BASE + "/" + guid, owner).json()).isEqualTo(created);

        Api.Response list = api.get(BASE, publisher);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isArray()).isTrue();
        assertThat(list.json().findValuesAsText("guid")).contains(guid);
        assertThat(api.get(BASE, stranger).json().findValuesAsText("guid")).doesNotContain(guid);

        List<String> sealed = rows("SELECT s.sealed_value FROM oauth_integration_secret s JOIN oauth_integration i ON i.id = s.integration_id "
                + "WHERE i.guid = ?", UUID.fromString(guid));
        assertThat(sealed).hasSize(1);
        assertThat(sealed.getFirst()).startsWith("v1:k1:").doesNotContain(secret);
        assertThat(rows("SELECT config::text FROM oauth_integration WHERE guid = ?", UUID.fromString(guid)).getFirst())
                .doesNotContain(secret).doesNotContain("client_secret");
        assertThat(rows("SELECT created_by FROM oauth_integration WHERE guid = ?", UUID.fromString(guid))).containsExactly("ownerUser");
    }

    @Test
    void keyAndBearerAreAcceptedAndOtherCredentialsAre401() {
        JsonNode created = create(Tokens.key(owner), Map.of("template", "github", "config", Map.of("client_id", "Iv1.abc", "client_secret",
                Captured.plant())));
        assertThat(created.get("name").isNull()).isTrue();
        assertThat(created.get("config")).isEqualTo(Json.tree(Map.of("client_id", "Iv1.abc")));
        String path = BASE + "/" + created.get("guid").asText();
        assertThat(api.get(path, "Key " + owner).status()).isEqualTo(200);
        assertThat(api.get(path, "Bearer " + owner).status()).isEqualTo(200);
        assertProblem(api.get(path, "Basic " + owner), 401, null);
        assertProblem(api.get(path, null), 401, null);
        assertProblem(api.get(path, "Key not-a-jwt"), 401, null);
        assertProblem(api.get(path, "Key "), 401, null);
    }

    @Test
    void patchIsPartialAndValidatedAsAWhole() throws Exception {
        String first = Captured.plant();
        JsonNode created = customViewer(owner, first);
        String guid = created.get("guid").asText();
        String path = BASE + "/" + guid;
        assertThat(created.get("auth_type").asText()).isEqualTo("Viewer");
        assertThat(created.get("config").get("use_pkce").asText()).isEqualTo("true");

        Api.Response scopes = api.patch(path, owner, "{\"config\":{\"scopes\":\"openid email\"}}");
        assertThat(scopes.status()).as(scopes.toString()).isEqualTo(200);
        JsonNode config = scopes.json().get("config");
        assertThat(config.get("scopes").asText()).isEqualTo("openid email");
        assertThat(config.get("client_id").asText()).isEqualTo("patchbay");
        assertThat(config.get("authorization_uri").asText()).isEqualTo("https://idp.example.com/authorize");
        assertThat(scopes.json().get("name").asText()).isEqualTo("Local IdP");

        JsonNode cleared = api.patch(path, owner, "{\"name\":null,\"description\":\"d\",\"config\":{\"scopes\":null}}").json();
        assertThat(cleared.get("name").isNull()).isTrue();
        assertThat(cleared.get("description").asText()).isEqualTo("d");
        assertThat(cleared.get("config").has("scopes")).isFalse();

        assertProblem(api.patch(path, owner, "{\"config\":{\"client_id\":null}}"), 400, "config.client_id");
        assertProblem(api.patch(path, owner, "{\"config\":{\"client_secret\":null}}"), 400, "config.client_secret");
        assertProblem(api.patch(path, owner, "{\"template\":\"azure\"}"), 400, "template");
        Api.Response two = api.patch(path, owner, "{\"config\":{\"token_uri\":\"ftp://x\",\"nope\":\"1\"}}");
        assertProblem(two, 400, "config.token_uri");
        assertThat(two.json().get("errors")).hasSize(2);
        assertThat(two.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("config.token_uri", "config.nope");
        assertThat(api.get(path, owner).json().get("config").get("token_uri").asText()).as("nothing changed").isEqualTo("http://localhost:8089/token");

        String sealedBefore = rows("SELECT sealed_value FROM oauth_integration_secret s JOIN oauth_integration i ON i.id = s.integration_id "
                + "WHERE i.guid = ?", UUID.fromString(guid)).getFirst();
        String rotated = Captured.plant();
        Api.Response rotate = api.patch(path, owner, Json.of(Map.of("config", Map.of("client_secret", rotated))));
        assertThat(rotate.status()).as(rotate.toString()).isEqualTo(200);
        assertThat(rotate.raw().body()).doesNotContain(rotated).doesNotContain("\"client_secret\"");
        String sealedAfter = rows("SELECT sealed_value FROM oauth_integration_secret s JOIN oauth_integration i ON i.id = s.integration_id "
                + "WHERE i.guid = ?", UUID.fromString(guid)).getFirst();
        assertThat(sealedAfter).isNotEqualTo(sealedBefore).doesNotContain(rotated);

        JsonNode service = api.patch(path, owner, "{\"config\":{\"auth_type\":\"Service Account\",\"authorization_uri\":null}}").json();
        assertThat(service.get("auth_type").asText()).isEqualTo("Service Account");
        assertThat(service.get("config").has("authorization_uri")).isFalse();
        assertProblem(api.patch(path, owner, "{\"config\":{\"authorization_uri\":\"https://idp.example.com/a\"}}"), 400, "config.authorization_uri");
        assertProblem(api.patch(path, owner, "{\"config\":{\"auth_mode\":\"Public\"}}"), 400, "config.auth_mode");

        JsonNode viewerAgain = api.patch(path, owner, "{\"config\":{\"auth_type\":\"Viewer\",\"auth_mode\":\"Public\","
                + "\"authorization_uri\":\"https://idp.example.com/authorize\"}}").json();
        assertThat(viewerAgain.get("config").has("token_endpoint_auth_method")).as("hidden by Public: dropped").isFalse();
        assertThat(rows("SELECT s.name FROM oauth_integration_secret s JOIN oauth_integration i ON i.id = s.integration_id WHERE i.guid = ?",
                UUID.fromString(guid))).as("the stored secret no longer applies: removed").isEmpty();
        assertThat(viewerAgain.get("updated_time").asText().compareTo(created.get("created_time").asText())).isGreaterThanOrEqualTo(0);
        // Micronaut Data's @Version numbers a new row 0: five changes later it is 5
        assertThat(rows("SELECT version::text FROM oauth_integration WHERE guid = ?", UUID.fromString(guid))).containsExactly("5");
    }

    @Test
    void createRefusesEveryBadFieldAtOnce() {
        Api.Response r = api.post(BASE, owner, Json.of(Map.of("template", "azure", "config", Map.of("tenant_id", "acme.onmicrosoft.com",
                "scopes", 42, "unknown_key", "x", "auth_mode", "Sometimes"))));
        assertProblem(r, 400, "config.tenant_id");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("config.tenant_id", "config.scopes",
                "config.unknown_key", "config.auth_mode", "config.client_id", "config.client_secret");
        assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
    }

    @Test
    void deleteIs204AndTakesAssociationsSecretsAndSessions() throws Exception {
        JsonNode created = azure(owner, "to delete");
        String guid = created.get("guid").asText();
        UUID content = UUID.randomUUID();
        assertThat(api.put("/__api__/v1/content/" + content + "/oauth/integrations/associations", publisher,
                "[{\"oauth_integration_guid\":\"" + guid + "\"}]").status()).isEqualTo(204);
        execute("INSERT INTO oauth_session (guid, integration_id, user_id, access_token_sealed, key_id, created_time, updated_time) "
                + "SELECT gen_random_uuid(), id, 'someone', 'v1:k1:AAAA', 'k1', now(), now() FROM oauth_integration WHERE guid = ?", UUID.fromString(guid));
        assertProblem(api.delete(BASE + "/" + guid, publisher), 403, null);
        Api.Response deleted = api.delete(BASE + "/" + guid, owner);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(deleted.raw().body()).isEmpty();
        assertProblem(api.get(BASE + "/" + guid, owner), 404, null);
        assertProblem(api.delete(BASE + "/" + guid, owner), 404, null);
        assertThat(api.get("/__api__/v1/content/" + content + "/oauth/integrations/associations", owner).json()).isEmpty();
        assertThat(rows("SELECT count(*)::text FROM oauth_session")).containsExactly("0");
        assertThat(rows("SELECT count(*)::text FROM oauth_integration_secret s WHERE NOT EXISTS "
                + "(SELECT 1 FROM oauth_integration i WHERE i.id = s.integration_id)")).containsExactly("0");
    }

    @Test
    void contentAssociationsReplaceTheSetAndUnknownGuidsChangeNothing() {
        String a = azure(owner, "A").get("guid").asText();
        String b = customViewer(owner, Captured.plant()).get("guid").asText();
        String foreign = azure(stranger, "theirs").get("guid").asText();
        UUID content = UUID.randomUUID();
        String path = "/__api__/v1/content/" + content + "/oauth/integrations/associations";

        Api.Response put = api.put(path, publisher, "[{\"oauth_integration_guid\":\"" + a + "\"},{\"oauth_integration_guid\":\"" + b + "\"}]");
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        JsonNode list = api.get(path, Tokens.key(publisher)).json();
        assertThat(list).hasSize(2);
        JsonNode first = list.get(0);
        assertThat(first.get("content_guid").asText()).isEqualTo(content.toString());
        assertThat(list.findValuesAsText("oauth_integration_guid")).as("in association order, then integration order").containsExactly(a, b);
        assertThat(first.get("oauth_integration_template").asText()).isEqualTo("azure");
        assertThat(first.get("oauth_integration_auth_type").asText()).isEqualTo("Viewer");
        assertThat(first.has("oauth_integration_name")).isTrue();
        assertThat(first.has("oauth_integration_description")).isTrue();
        assertThat(first.get("created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        JsonNode ofA = api.get(BASE + "/" + a + "/associations", owner).json();
        assertThat(ofA).hasSize(1);
        assertThat(ofA.get(0).get("content_guid").asText()).isEqualTo(content.toString());
        assertThat(api.get(BASE + "/" + a, owner).json().get("content_count").asInt()).isEqualTo(1);

        Api.Response unknown = api.put(path, publisher, "[{\"oauth_integration_guid\":\"" + a + "\"},{\"oauth_integration_guid\":\""
                + UUID.randomUUID() + "\"}]");
        assertProblem(unknown, 400, "[1].oauth_integration_guid");
        assertProblem(api.put(path, publisher, "[{\"oauth_integration_guid\":\"" + foreign + "\"}]"), 400, "[0].oauth_integration_guid");
        assertThat(api.get(path, publisher).json()).as("nothing changed").hasSize(2);

        assertThat(api.put(path, publisher, "[{\"oauth_integration_guid\":\"" + b + "\"}]").status()).isEqualTo(204);
        assertThat(api.get(path, publisher).json().findValuesAsText("oauth_integration_guid")).containsExactly(b);
        assertThat(api.get(BASE + "/" + a, owner).json().get("content_count").asInt()).isZero();
        assertThat(api.put(path, publisher, "[]").status()).isEqualTo(204);
        assertThat(api.get(path, publisher).json()).isEmpty();

        assertProblem(api.put(path, publisher, "{\"oauth_integration_guid\":\"" + a + "\"}"), 400, "body");
        assertProblem(api.put(path, publisher, "[\"" + a + "\"]"), 400, "[0]");
        assertProblem(api.put(path, publisher, "[{\"oauth_integration_guid\":\"" + a + "\",\"x\":1}]"), 400, "[0].x");
        assertProblem(api.put(path, publisher, "[{\"oauth_integration_guid\":7}]"), 400, "[0].oauth_integration_guid");
        assertProblem(api.put(path, publisher, "[{\"oauth_integration_guid\":\"nope\"}]"), 400, "[0].oauth_integration_guid");
        assertProblem(api.put("/__api__/v1/content/not-a-guid/oauth/integrations/associations", publisher, "[]"), 400, "content_guid");
        assertProblem(api.get("/__api__/v1/content/not-a-guid/oauth/integrations/associations", publisher), 400, "content_guid");
        assertProblem(api.put(path, publisher, "[{"), 400, null);
    }

    @Test
    void badInputIsA4xxProblemNeverA5xx() {
        String guid = azure(owner, "bad input").get("guid").asText();
        assertProblem(api.post(BASE, owner, "{\"template\":"), 400, null);
        assertProblem(api.post(BASE, owner, "[]"), 400, "body");
        assertProblem(api.post(BASE, owner, "{\"template\":\"azure\",\"extra\":1}"), 400, "extra");
        assertProblem(api.post(BASE, owner, "{\"config\":{}}"), 400, "template");
        assertProblem(api.post(BASE, owner, "{\"template\":\"nope\"}"), 400, "template");
        assertProblem(api.post(BASE, owner, "{\"template\":7}"), 400, "template");
        assertProblem(api.post(BASE, owner, "{\"template\":\"github\",\"name\":7}"), 400, "name");
        assertProblem(api.post(BASE, owner, "{\"template\":\"github\",\"config\":\"x\"}"), 400, "config");
        assertProblem(api.post(BASE, owner, "{\"template\":\"github\",\"configuration_id\":\"nope\"}"), 400, "configuration_id");
        assertProblem(api.post(BASE, owner, "{\"template\":\"github\",\"name\":\"" + "n".repeat(2000) + "\",\"config\":{\"client_id\":\"a\","
                + "\"client_secret\":\"" + Captured.plant() + "\"}}"), 400, "name");
        // PostgreSQL text and jsonb cannot hold NUL: a 400 naming the field, not a database error
        assertProblem(api.post(BASE, owner, "{\"template\":\"github\",\"name\":\"nul\\u0000\",\"config\":{\"client_id\":\"a\","
                + "\"client_secret\":\"" + Captured.plant() + "\"}}"), 400, "name");
        assertProblem(api.post(BASE, owner, "{\"template\":\"github\",\"config\":{\"client_id\":\"a\\u0000b\","
                + "\"client_secret\":\"" + Captured.plant() + "\"}}"), 400, "config.client_id");
        assertProblem(api.patch(BASE + "/" + guid, owner, "{\"description\":\"nul\\u0000\"}"), 400, "description");
        assertProblem(api.patch(BASE + "/" + guid, owner, "{\"config\":{\"scopes\":\"openid\\u0000\"}}"), 400, "config.scopes");
        assertProblem(api.get(BASE + "/not-a-guid", owner), 400, "guid");
        assertProblem(api.patch(BASE + "/not-a-guid", owner, "{}"), 400, "guid");
        assertProblem(api.delete(BASE + "/not-a-guid", owner), 400, "guid");
        assertProblem(api.get(BASE + "/not-a-guid/associations", owner), 400, "guid");
        assertProblem(api.get(BASE + "/" + UUID.randomUUID(), owner), 404, null);
        assertProblem(api.patch(BASE + "/" + guid, owner, "{\"config\":[1]}"), 400, "config");
        assertProblem(api.patch(BASE + "/" + guid, owner, "{\"name\":{}}"), 400, "name");
        assertProblem(api.patch(BASE + "/" + guid, owner, "nope"), 400, null);
        assertProblem(api.get(BASE, owner, "X-Team-Id", "bogus"), 400, "X-Team-Id");
        assertProblem(api.get(BASE, owner, "X-Team-Id", OTHER), 403, null);
        assertProblem(api.get("/__api__/v1/oauth/templates/NOPE!", owner), 400, "key");
        assertProblem(api.get("/__api__/v1/oauth/templates/nope", owner), 404, null);
        assertProblem(api.post(BASE, owner, "{\"template\":\"github\",\"description\":\"" + "x".repeat(1_100_000) + "\"}"), 413, null);
        String twoTeams = Tokens.token("both", List.of(new TeamMembership(TEAM, TeamRole.OWNER), new TeamMembership(OTHER, TeamRole.OWNER)), false);
        assertProblem(api.post(BASE, twoTeams, "{\"template\":\"github\"}"), 400, "X-Team-Id");
        assertThat(api.get(BASE, twoTeams, "X-Team-Id", TEAM).status()).isEqualTo(200);
        assertProblem(api.get(BASE + "/" + guid, twoTeams, "X-Team-Id", OTHER), 404, null);
        assertThat(api.get(BASE + "/" + guid, twoTeams).status()).as("the guid names the tenant").isEqualTo(200);
    }

    @Test
    void concurrentChangesNeverOverwriteSilently() throws Exception {
        String path = BASE + "/" + azure(owner, "race").get("guid").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = "{\"description\":\"writer " + i + "\"}";
                results.add(pool.submit((Callable<Integer>) () -> api.patch(path, owner, body).status()));
            }
            int ok = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                assertThat(status).isIn(200, 409);
                ok += status == 200 ? 1 : 0;
            }
            assertThat(ok).isPositive();
            assertThat(rows("SELECT version::text FROM oauth_integration WHERE description LIKE 'writer %'")).containsExactly(Integer.toString(ok));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnreachableConfigServiceIsA503WithRetryAfterAndNothingIsStored() throws Exception {
        long started = System.nanoTime();
        Api.Response r = api.post(BASE, owner, Json.of(Map.of("name", "linked", "template", "github", "configuration_id",
                "icfg_abcdefghijklmnopqrstuvwx", "config", Map.of("client_id", "a", "client_secret", Captured.plant()))));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("BENCHMARK oauth-config-service-down millis=%d%n", millis);
        assertProblem(r, 503, null);
        assertThat(r.json().get("code").asText()).isEqualTo("dependency_unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(millis).isLessThan(4_000);
        assertThat(rows("SELECT count(*)::text FROM oauth_integration WHERE name = 'linked'")).containsExactly("0");
    }
}
