package io.patchbay.config.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** config-service over HTTP against a real PostgreSQL and Kafka: the endpoints, their rules and their errors. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationApiIT implements TestPropertyProvider {
    static final String TEAM = "team_apiAcme";
    final String owner = Tokens.token("ownerUser", TEAM, TeamRole.OWNER);
    final String dev = Tokens.token("devUser", TEAM, TeamRole.DEVELOPER);
    final String viewer = Tokens.token("viewerUser", TEAM, TeamRole.VIEWER);
    final String stranger = Tokens.token("stranger", "team_other", TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    Api api;
    final TestDatabase db = new TestDatabase("config_api");

    @Override
    public Map<String, String> getProperties() {
        return db.serviceProperties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(), """
                {"slug":"slack","name":"Slack","icon":"https://example.com/slack.png","scopes":["read:project","read-write:log-drain"]}
                """).status()).isEqualTo(201);
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(), """
                {"slug":"store","name":"Store","scopes":["read:project"],"marketplace":true,"partnerTeamId":"team_partner"}
                """).status()).isEqualTo(201);
        assertThat(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"slug\":\"api-acme\",\"plan\":\"pro\"}").status()).isEqualTo(200);
        for (String[] m : new String[][]{{"ownerUser", "OWNER"}, {"devUser", "DEVELOPER"}, {"viewerUser", "VIEWER"}}) {
            assertThat(api.send("PUT", "/v1/teams/" + TEAM + "/members/" + m[0], owner, "{\"role\":\"" + m[1] + "\"}").status())
                    .isEqualTo(200);
        }
    }

    JsonNode create(String token, String body) {
        Api.Response r = api.post("/v1/integrations/configurations", token, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }


    @Test
    void createReadListAndTheWireFormat() {
        JsonNode created = create(dev, "{\"integrationIdOrSlug\":\"slack\",\"scopes\":[\"read:project\"],\"source\":\"marketplace\"}");
        String id = created.get("id").asText();
        assertThat(id).matches("icfg_[0-9A-Za-z]{24}");
        assertThat(created.get("type").asText()).isEqualTo("integration-configuration");
        assertThat(created.get("ownerId").asText()).isEqualTo(TEAM);
        assertThat(created.get("teamId").asText()).isEqualTo(TEAM);
        assertThat(created.get("userId").asText()).isEqualTo("devUser");
        assertThat(created.get("slug").asText()).isEqualTo("slack");
        assertThat(created.get("integrationId").asText()).matches("oac_[0-9A-Za-z]{24}");
        assertThat(created.get("createdAt").isNumber()).isTrue();
        assertThat(created.get("installationType").asText()).isEqualTo("external");
        assertThat(created.get("source").asText()).isEqualTo("marketplace");
        assertThat(created.has("projects")).isFalse();
        assertThat(created.has("disabledAt")).isFalse();
        assertThat(created.has("deletedAt")).isFalse();

        Api.Response read = api.get("/v1/integrations/configuration/" + id, viewer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.json()).isEqualTo(created);
        assertThat(api.get("/v1/integrations/configuration/" + id + "?teamId=" + TEAM, viewer).status()).isEqualTo(200);
        assertThat(api.get("/v1/integrations/configuration/" + id + "?slug=api-acme", viewer).status()).isEqualTo(200);
        assertProblem(api.get("/v1/integrations/configuration/" + id, stranger), 404, null);
        assertProblem(api.get("/v1/integrations/configuration/" + id + "?teamId=" + TEAM, stranger), 403, null);
        assertProblem(api.get("/v1/integrations/configuration/icfg_000000000000000000000000", dev), 404, null);

        Api.Response account = api.get("/v1/integrations/configurations?view=account", dev);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().isArray()).isTrue();
        assertThat(account.json().get(0).get("id").asText()).isEqualTo(id);
        assertThat(account.json().get(0).has("integration")).isFalse();
        Api.Response project = api.get("/v1/integrations/configurations?view=project&integrationIdOrSlug=slack", dev);
        JsonNode integration = project.json().get(0).get("integration");
        assertThat(integration.get("name").asText()).isEqualTo("Slack");
        assertThat(integration.get("isLegacy").asBoolean()).isFalse();
        assertThat(api.get("/v1/integrations/configurations?view=account&installationType=marketplace", dev).json()).isEmpty();
        assertThat(api.get("/v1/integrations/configurations?view=account&installationType=provisioning", dev).json()).isEmpty();
    }

    @Test
    void pagesWithLimitAndUntilVisitEveryConfigurationOnce() {
        String pager = Tokens.token("pager", List.of(), false);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(pager, "{\"integrationIdOrSlug\":\"slack\"}").get("id").asText());
        }
        Set<String> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/v1/integrations/configurations?view=account&limit=3" + (next == null ? "" : "&until=" + next), pager);
            assertThat(page.status()).isEqualTo(200);
            page.json().forEach(c -> assertThat(seen.add(c.get("id").asText())).isTrue());
            next = page.header("X-Next-Until");
            pages++;
        } while (next != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(created);
        assertProblem(api.get("/v1/integrations/configurations?view=account&until=garbage", pager), 400, "until");
    }

    @Test
    void lifecycleEndpoints() {
        String id = create(dev, "{\"integrationIdOrSlug\":\"slack\"}").get("id").asText();
        String path = "/v1/integrations/configuration/" + id;
        assertProblem(api.post(path + "/disable", viewer, "{}"), 403, null);
        Api.Response disabled = api.post(path + "/disable", dev, "{\"reason\":\"disabled-by-owner\"}");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("disabledReason").asText()).isEqualTo("disabled-by-owner");
        assertThat(disabled.json().get("disabledAt").isNumber()).isTrue();
        assertThat(api.post(path + "/enable", dev, null).json().has("disabledAt")).isFalse();

        Api.Response transferred = api.post(path + "/transfer", owner, "{\"userId\":\"ownerUser\"}");
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().get("userId").asText()).isEqualTo("ownerUser");
        assertProblem(api.post(path + "/transfer", owner, "{\"userId\":\"viewerUser\"}"), 422, "userId");

        Api.Response patched = api.send("PATCH", path, dev, "{\"projectSelection\":\"selected\",\"projects\":[\"prj_abc\"]}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("projects")).hasSize(1);

        assertThat(api.send("DELETE", path, dev, null).status()).isEqualTo(204);
        assertThat(api.send("DELETE", path, dev, null).status()).isEqualTo(204);
        assertProblem(api.get(path, dev), 404, null);
        assertProblem(api.send("PATCH", path, dev, "{\"scopes\":[]}"), 404, null);

        String market = create(dev, "{\"integrationIdOrSlug\":\"store\"}").get("id").asText();
        assertThat(api.send("DELETE", "/v1/integrations/configuration/" + market, dev, null).status()).isEqualTo(204);
        JsonNode requested = api.get("/v1/integrations/configuration/" + market, dev).json();
        assertThat(requested.get("deleteRequestedAt").isNumber()).isTrue();
        assertThat(requested.get("customerDeleteRequestedAt").isNumber()).isTrue();
        assertProblem(api.send("PATCH", "/v1/integrations/configuration/" + market, dev, "{\"scopes\":[]}"), 409, null);
        String partner = Tokens.token("partnerUser", "team_partner", TeamRole.MEMBER);
        assertThat(api.send("PATCH", "/v1/installations/" + market, partner,
                "{\"status\":\"ready\",\"externalId\":\"ext-1\",\"notification\":{\"level\":\"warn\",\"title\":\"Pay up\"}}").status()).isEqualTo(204);
        JsonNode updated = api.get("/v1/integrations/configuration/" + market, dev).json();
        assertThat(updated.get("status").asText()).isEqualTo("ready");
        assertThat(updated.get("notification").get("level").asText()).isEqualTo("warn");
        assertThat(api.send("PATCH", "/v1/installations/" + market, partner, "{\"notification\":null}").status()).isEqualTo(204);
        assertThat(api.get("/v1/integrations/configuration/" + market, dev).json().has("notification")).isFalse();
        assertProblem(api.post("/v1/installations/" + market + "/billing/finalize", dev, null), 404, null);
        assertThat(api.post("/v1/installations/" + market + "/billing/finalize", partner, null).status()).isEqualTo(204);
        assertProblem(api.get("/v1/integrations/configuration/" + market, dev), 404, null);
    }

    @Test
    void theAppRegistryIsReadByAnyoneAndChangedByAdmins() {
        String appId = api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"registry\",\"name\":\"Registry\"}").json().get("id").asText();
        assertThat(api.get("/v1/integrations/apps", viewer).json()).extracting(a -> a.get("slug").asText()).contains("registry", "slack");
        JsonNode byId = api.get("/v1/integrations/apps/" + appId, stranger).json();
        assertThat(byId.get("slug").asText()).isEqualTo("registry");
        assertThat(byId.get("requiredPlan").asText()).isEqualTo("hobby");
        assertThat(api.get("/v1/integrations/apps/registry", viewer).json().get("id").asText()).isEqualTo(appId);
        assertProblem(api.send("PATCH", "/v1/integrations/apps/registry", dev, "{\"name\":\"Mine\"}"), 403, null);
        Api.Response patched = api.send("PATCH", "/v1/integrations/apps/registry", Tokens.admin(), "{\"name\":\"Renamed\",\"requiredPlan\":\"pro\"}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("Renamed");
        assertThat(patched.json().get("requiredPlan").asText()).isEqualTo("pro");
        assertProblem(api.send("PATCH", "/v1/integrations/apps/registry", Tokens.admin(), "{\"requiredPlan\":\"gold\"}"), 400, "requiredPlan");
        assertProblem(api.get("/v1/integrations/apps/no-such-app", viewer), 404, null);
        assertProblem(api.get("/v1/integrations/apps/Not%20A%20Slug", viewer), 400, "idOrSlug");
    }

    @Test
    void badInputIsA4xxProblemNamingTheField() {
        String c = "/v1/integrations/configurations";
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"slack\""), 400, null);
        assertProblem(api.post(c, dev, "not json at all"), 400, null);
        assertProblem(api.post(c, dev, "[1,2]"), 400, "body");
        assertProblem(api.post(c, dev, null), 400, "body");
        assertProblem(api.post(c, dev, "null"), 400, "body");
        assertProblem(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"nul-app\",\"name\":\"Sl\\u0000ack\","
                + "\"scopes\":[\"read:project\"]}"), 400, "name");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": 42}"), 400, "integrationIdOrSlug");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"slack\", \"scopes\": \"read:project\"}"), 400, "scopes");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"slack\", \"scopes\": [1]}"), 400, "scopes[0]");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"slack\", \"source\": \"carrier-pigeon\"}"), 400, "source");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"slack\", \"projectSelection\": \"some\"}"), 400, "projectSelection");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"slack\", \"colour\": \"red\"}"), 400, "colour");
        assertProblem(api.post(c, dev, "{}"), 400, "integrationIdOrSlug");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"no-such-app\"}"), 422, "integrationIdOrSlug");
        assertProblem(api.post(c, dev, "{\"integrationIdOrSlug\": \"Not A Slug!\"}"), 400, "integrationIdOrSlug");
        String big = "{\"integrationIdOrSlug\": \"slack\", \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(api.post(c, dev, big), 413, null);

        assertProblem(api.get("/v1/integrations/configurations", dev), 400, "view");
        assertProblem(api.get("/v1/integrations/configurations?view=galaxy", dev), 400, "view");
        assertProblem(api.get("/v1/integrations/configurations?view=account&limit=abc", dev), 400, "limit");
        assertProblem(api.get("/v1/integrations/configurations?view=account&limit=0", dev), 400, "limit");
        assertProblem(api.get("/v1/integrations/configurations?view=account&installationType=x", dev), 400, "installationType");
        assertProblem(api.get("/v1/integrations/configurations?view=account&installationType=provisioning&limit=0", dev), 400, "limit");
        assertProblem(api.get("/v1/integrations/configurations?view=account&teamId=nope", dev), 400, "teamId");
        assertProblem(api.get("/v1/integrations/configuration/not-an-id", dev), 400, "id");
        assertProblem(api.get("/v1/integrations/configuration/icfg_short", dev), 400, "id");
        String id = create(dev, "{\"integrationIdOrSlug\":\"slack\"}").get("id").asText();
        assertProblem(api.post("/v1/integrations/configuration/" + id + "/disable", dev, "{\"reason\": 7}"), 400, "reason");
        assertProblem(api.post("/v1/integrations/configuration/" + id + "/disable", dev, "{\"reason\": \"bored\"}"), 400, "reason");
        assertProblem(api.post("/v1/integrations/configuration/" + id + "/transfer", owner, "{}"), 400, "userId");
        assertProblem(api.send("PUT", "/v1/teams/" + TEAM + "/members/someone", owner, "{\"role\":\"KING\"}"), 400, "role");
        assertProblem(api.send("PUT", "/v1/teams/" + TEAM, owner, "{\"plan\":\"platinum\"}"), 400, "plan");
        assertProblem(api.post("/v1/integrations/apps", Tokens.admin(), "{\"slug\":\"slack\",\"name\":\"Dup\"}"), 409, null);
        assertProblem(api.post("/v1/integrations/apps", dev, "{\"slug\":\"mine\",\"name\":\"Mine\"}"), 403, null);
        assertProblem(api.send("DELETE", "/v1/integrations/configurations", dev, null), 405, null);
        assertProblem(api.get("/v1/nothing-here", dev), 404, null);
        assertThat(api.get("/v1/integrations/configuration/" + id, dev).json().has("disabledAt")).isFalse();
    }

    @Test
    void authenticationAndTeamAuthorization() throws Exception {
        String path = "/v1/integrations/configurations?view=account";
        assertProblem(api.get(path, null), 401, null);
        assertProblem(api.send("GET", path, "Basic dXNlcjpwYXNz", null), 401, null);
        assertProblem(api.get(path, "not.a.token"), 401, null);
        String expired = io.patchbay.kernel.infra.auth.TokenMinter.dev().mint("u", List.of(), List.of(), null, java.time.Duration.ofMinutes(-10));
        assertProblem(api.get(path, expired), 401, null);
        String foreign = new io.patchbay.kernel.infra.auth.TokenMinter("a-completely-different-secret-of-enough-length")
                .mint("u", List.of(), List.of(), null, java.time.Duration.ofMinutes(10));
        assertProblem(api.get(path, foreign), 401, null);
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String claims = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"root\",\"roles\":[\"admin\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes());
        assertProblem(api.get(path, header + "." + claims + "."), 401, null);
        assertProblem(api.get(path + "&teamId=team_notmine", dev), 403, null);
        assertProblem(api.get(path + "&installationType=provisioning&teamId=team_notmine", dev), 403, null);
        assertThat(api.get(path, dev).status()).isEqualTo(200);
        assertThat(api.send("GET", path, dev, null, "Cookie", "").status()).isEqualTo(200);

        String twoTeams = Tokens.token("multi", List.of(new TeamMembership(TEAM, TeamRole.MEMBER), new TeamMembership("team_b", TeamRole.OWNER)), false);
        JsonNode personal = create(twoTeams, "{\"integrationIdOrSlug\":\"slack\"}");
        assertThat(personal.has("teamId")).isFalse();
        assertThat(personal.get("ownerId").asText()).isEqualTo("multi");
    }

    @Test
    void concurrentChangesToOneConfigurationAreNeverLost() throws Exception {
        String id = create(dev, "{\"integrationIdOrSlug\":\"slack\"}").get("id").asText();
        int writers = 12;
        List<java.util.concurrent.Future<Api.Response>> results = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String scopes = i % 2 == 0 ? "[\"read:project\"]" : "[\"read-write:log-drain\"]";
                results.add(pool.submit(() -> api.send("PATCH", "/v1/integrations/configuration/" + id, dev, "{\"scopes\":" + scopes + "}")));
            }
        }
        int ok = 0;
        for (var f : results) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.toString()).isIn(200, 409);
            if (r.status() == 200) {
                ok++;
            } else {
                assertProblem(r, 409, null);
            }
        }
        assertThat(ok).isGreaterThanOrEqualTo(1);
        long version = 1 + ok;
        assertThat(db.count("SELECT version FROM configuration WHERE id = '" + id + "'"))
                .as("every accepted change is counted, none overwritten").isEqualTo(version);
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        Api.Response health = api.get("/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(api.get("/health/liveness", null).status()).isEqualTo(200);
        Api.Response readiness = api.get("/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.raw().body()).as("anonymous callers see the status only").doesNotContain("jdbc").doesNotContain("kafka");
        assertThat(api.get("/health/readiness", Tokens.admin()).raw().body()).as("readiness covers the database and Kafka (details for admins)")
                .contains("jdbc").contains("kafka");
        assertThat(api.get("/prometheus", null).raw().body()).contains("jvm_memory_used_bytes").contains("patchbay_outbox_pending")
                .contains("patchbay_outbox_published_total");
        Api.Response openapi = api.get("/openapi/config-service.yml", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.raw().body()).contains("/v1/integrations/configuration/{id}").contains("/v1/integrations/configurations")
                .contains("/v1/installations/{id}").contains("/v1/integrations/apps").contains("/v1/teams/{teamId}")
                .as("the caller comes from the bearer token, not from a parameter").doesNotContain("name: caller");
        for (String seedField : List.of("createdAt", "integrationId", "ownerId", "slug", "type", "updatedAt", "userId", "scopes",
                "completedAt", "projects", "source", "teamId", "disabledAt", "disabledReason", "deletedAt", "deleteRequestedAt",
                "installationType", "projectSelection")) {
            assertThat(openapi.raw().body()).as("OpenAPI has the seed field %s", seedField).contains(seedField + ":");
        }
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        Api.Response withId = api.send("GET", "/health", null, null, "X-Request-Id", "req-123");
        assertThat(withId.header("X-Request-Id")).isEqualTo("req-123");
        assertThat(api.get("/health", null).header("X-Request-Id")).isNotBlank();
    }
}
