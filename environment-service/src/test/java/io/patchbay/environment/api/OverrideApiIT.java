package io.patchbay.environment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.secret.SecretBox;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The override semantics table over HTTP: replace-whole, {} clears, null slots revert, merge patches, If-Match, effective config, secrets. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverrideApiIT implements TestPropertyProvider {
    static final String TEAM = "team_override";
    static final ObjectMapper JSON = new ObjectMapper();
    final String dev = Tokens.token("devUser", TEAM, TeamRole.DEVELOPER);

    @Inject
    EmbeddedServer server;
    @Inject
    SecretBox box;
    Api api;
    ApiFixture fx;
    final TestDatabase db = new TestDatabase("env_override");
    String integrationId;

    @Override
    public Map<String, String> getProperties() {
        return db.serviceProperties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        fx = new ApiFixture(api);
        integrationId = fx.integration(dev, "override-app", "helpdesk", "allow", """
                {"base_url":"https://api.example.com","label":"Example",
                 "headers":{"Accept":"application/json","User-Agent":"truto"},
                 "credentials":{"client_id":"cid","client_secret":"base-secret"},
                 "pagination":{"format":"page","config":{"page_key":"page","limit_key":"per_page"}},
                 "resources":{"users":{"list":{"method":"get","path":"/users","tags":["a","b"]}}}}""").get("id").asText();
    }

    private String newInstall(String override) {
        String env = fx.environment(dev, "env-" + UUID.randomUUID()).get("id").asText();
        return fx.install(dev, integrationId, env, override == null ? null : "\"override\":" + override).get("id").asText();
    }

    private Api.Response patch(String id, String body, String... headers) {
        return api.send("PATCH", "/environment-integration/" + id, dev, body, headers);
    }

    private JsonNode override(String id) {
        return api.get("/environment-integration/" + id, dev).json().get("override");
    }

    private JsonNode effective(String id) {
        Api.Response r = api.get("/environment-integration/" + id + "/config", dev);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void patchReplacesTheOverrideAsAWhole() {
        String id = newInstall("{\"label\":\"Ours\",\"headers\":{\"X-A\":\"1\"}}");
        Api.Response r = patch(id, "{\"override\":{\"logo\":\"https://example.com/l.png\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("override")).isEqualTo(json("{\"logo\":\"https://example.com/l.png\"}"));
        assertThat(effective(id).get("label").asText()).as("the replaced slot is back to the base").isEqualTo("Example");
    }

    @Test
    void anEmptyOverrideClearsIt() {
        String id = newInstall("{\"label\":\"Ours\"}");
        assertThat(patch(id, "{\"override\":{}}").json().get("override")).isEqualTo(json("{}"));
        assertThat(effective(id).get("label").asText()).isEqualTo("Example");
        assertThat(patch(id, "{\"is_enabled\":false}").json().get("override")).as("no override in the body keeps it").isEqualTo(json("{}"));
    }

    @Test
    void aNullTopLevelSlotRevertsToTheBase() {
        String id = newInstall("{\"label\":\"Ours\",\"base_url\":\"https://eu.example.com\"}");
        Api.Response r = patch(id, "{\"override\":{\"label\":null,\"base_url\":\"https://eu.example.com\"}}");
        assertThat(r.json().get("override")).isEqualTo(json("{\"base_url\":\"https://eu.example.com\"}"));
        JsonNode eff = effective(id);
        assertThat(eff.get("label").asText()).isEqualTo("Example");
        assertThat(eff.get("base_url").asText()).isEqualTo("https://eu.example.com");
    }

    @Test
    void mergePatchEditsTheStoredOverrideInPlace() {
        String id = newInstall("{\"label\":\"Ours\",\"headers\":{\"X-A\":\"1\",\"X-B\":\"2\"}}");
        Api.Response r = MergePatch.send(server.getURI(), "/environment-integration/" + id + "/override", dev, "{\"headers\":{\"X-B\":null,\"X-C\":\"3\"},\"logo\":\"https://example.com/l.png\"}", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("override")).isEqualTo(json(
                "{\"label\":\"Ours\",\"headers\":{\"X-A\":\"1\",\"X-C\":\"3\"},\"logo\":\"https://example.com/l.png\"}"));
        assertThat(r.header("ETag")).isEqualTo("\"2\"");
        Api.Response removed = MergePatch.send(server.getURI(), "/environment-integration/" + id + "/override", dev, "{\"label\":null}", null);
        assertThat(removed.json().get("override").has("label")).isFalse();
        assertThat(removed.json().get("override").get("headers").get("X-A").asText()).isEqualTo("1");
        assertProblem(MergePatch.send(server.getURI(), "/environment-integration/" + id + "/override", dev, "[1]", null), 400, "body");
        assertProblem(MergePatch.send(server.getURI(), "/environment-integration/" + id + "/override", dev, "{\"base_url\":\"nope\"}", null), 400, "override.base_url");
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentEtagPasses() {
        String id = newInstall("{\"label\":\"v1\"}");
        Api.Response read = api.get("/environment-integration/" + id, dev);
        String etag = read.header("ETag");
        assertThat(patch(id, "{\"override\":{\"label\":\"v2\"}}", "If-Match", etag).status()).isEqualTo(200);
        Api.Response stale = patch(id, "{\"override\":{\"label\":\"v3\"}}", "If-Match", etag);
        assertProblem(stale, 412, null);
        assertProblem(MergePatch.send(server.getURI(), "/environment-integration/" + id + "/override", dev, "{\"label\":\"v3\"}", etag), 412, null);
        assertThat(override(id).get("label").asText()).as("nothing was written").isEqualTo("v2");
        String current = api.get("/environment-integration/" + id, dev).header("ETag");
        assertThat(current).isNotEqualTo(etag);
        assertThat(patch(id, "{\"override\":{\"label\":\"v3\"}}", "If-Match", current).status()).isEqualTo(200);
        assertThat(patch(id, "{\"show_in_catalog\":false}", "If-Match", "*").status()).isEqualTo(200);
    }

    @Test
    void effectiveConfigDeepMergesObjectsReplacesArraysAndNullDeletes() {
        String id = newInstall("""
                {"headers":{"User-Agent":null,"X-Env":"prod"},
                 "pagination":{"config":{"limit_key":"size"}},
                 "resources":{"users":{"list":{"tags":["c"]}}},
                 "label":"Ours"}""");
        JsonNode eff = effective(id);
        assertThat(eff.get("headers")).isEqualTo(json("{\"Accept\":\"application/json\",\"X-Env\":\"prod\"}"));
        assertThat(eff.get("pagination")).isEqualTo(json("{\"format\":\"page\",\"config\":{\"page_key\":\"page\",\"limit_key\":\"size\"}}"));
        assertThat(eff.get("resources").get("users").get("list")).isEqualTo(json("{\"method\":\"get\",\"path\":\"/users\",\"tags\":[\"c\"]}"));
        assertThat(eff.get("label").asText()).isEqualTo("Ours");
        assertThat(eff.get("base_url").asText()).isEqualTo("https://api.example.com");
        assertThat(override(id).get("headers").get("User-Agent").isNull()).as("a nested null is kept in the override").isTrue();
        assertProblem(patch(id, "{\"override\":{\"resources\":{\"users\":{\"list\":{\"path\":null}}}}}"), 400,
                "override.resources.users.list.path");
    }

    @Test
    void secretsAreEncryptedAtRestMaskedEverywhereAndRoundTripSafely() {
        String id = newInstall("{\"credentials\":{\"client_secret\":\"env-secret\",\"api_key\":\"k-123\"}}");
        Api.Response read = api.get("/environment-integration/" + id, dev);
        JsonNode body = read.json();
        assertThat(body.get("override").get("credentials")).isEqualTo(json("{\"client_secret\":\"********\",\"api_key\":\"********\"}"));
        assertThat(body.get("integration").get("config").get("credentials"))
                .isEqualTo(json("{\"client_id\":\"cid\",\"client_secret\":\"********\"}"));
        assertThat(read.raw().body()).doesNotContain("env-secret").doesNotContain("k-123").doesNotContain("base-secret");
        Api.Response eff = api.get("/environment-integration/" + id + "/config", dev);
        assertThat(eff.json().get("credentials")).isEqualTo(json(
                "{\"client_id\":\"cid\",\"client_secret\":\"********\",\"api_key\":\"********\"}"));
        assertThat(eff.raw().body()).doesNotContain("env-secret").doesNotContain("base-secret");

        String stored = storedOverride(id);
        assertThat(stored).doesNotContain("env-secret").doesNotContain("k-123");
        JsonNode credentials = json(stored).get("credentials");
        assertThat(credentials.get("client_secret").asText()).startsWith("v1:");
        assertThat(box.open(credentials.get("client_secret").asText())).isEqualTo("env-secret");

        // GET → edit → PATCH with the masked values: the stored secrets are kept, one is changed on purpose
        Api.Response edited = patch(id, "{\"override\":{\"label\":\"edited\",\"credentials\":{\"client_secret\":\"********\",\"api_key\":\"k-456\"}}}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode after = json(storedOverride(id)).get("credentials");
        assertThat(after.get("client_secret").asText()).isEqualTo(credentials.get("client_secret").asText());
        assertThat(box.open(after.get("api_key").asText())).isEqualTo("k-456");
        assertProblem(patch(id, "{\"override\":{\"credentials\":{\"password\":\"********\"}}}"), 400, "override.credentials.password");

        // the same through a merge patch and through the integration's own config
        Api.Response merged = MergePatch.send(server.getURI(), "/environment-integration/" + id + "/override", dev, "{\"label\":\"merged\"}", null);
        assertThat(merged.status()).isEqualTo(200);
        assertThat(json(storedOverride(id)).get("credentials").get("client_secret").asText())
                .isEqualTo(credentials.get("client_secret").asText());
        JsonNode integration = api.get("/integration/" + integrationId, dev).json();
        Api.Response sameConfig = api.send("PATCH", "/integration/" + integrationId, dev, "{\"config\":" + integration.get("config") + "}");
        assertThat(sameConfig.status()).as(sameConfig.toString()).isEqualTo(200);
        assertThat(box.open(json(storedConfig(integrationId)).get("credentials").get("client_secret").asText())).isEqualTo("base-secret");
    }

    private String storedOverride(String id) {
        return db.text("SELECT override::text FROM environment_integration WHERE id = ?", UUID.fromString(id));
    }

    private String storedConfig(String id) {
        return db.text("SELECT config::text FROM integration WHERE id = ?", UUID.fromString(id));
    }
}
