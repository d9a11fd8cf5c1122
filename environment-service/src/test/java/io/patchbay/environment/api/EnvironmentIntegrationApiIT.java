package io.patchbay.environment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
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
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Environments, integrations and environment integrations over HTTP against a real PostgreSQL and Kafka. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentIntegrationApiIT implements TestPropertyProvider {
    static final String TEAM = "team_envAcme";
    static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final String UUID_RE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    final String owner = Tokens.token("ownerUser", TEAM, TeamRole.OWNER);
    final String dev = Tokens.token("devUser", TEAM, TeamRole.DEVELOPER);
    final String viewer = Tokens.token("viewerUser", TEAM, TeamRole.VIEWER);
    final String stranger = Tokens.token("stranger", "team_other", TeamRole.OWNER);

    @Inject
    EmbeddedServer server;
    @Inject
    @jakarta.inject.Named(io.micronaut.scheduling.TaskExecutors.BLOCKING)
    java.util.concurrent.ExecutorService blocking;
    Api api;
    ApiFixture fx;

    final TestDatabase db = new TestDatabase("env_api");

    @Override
    public Map<String, String> getProperties() {
        return db.serviceProperties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        fx = new ApiFixture(api);
    }

    @Test
    void theSeedResourceExactlyAsClientsExpectIt() {
        String env = fx.environment(dev, "production").get("id").asText();
        JsonNode integration = fx.integration(dev, "zendesk", "helpdesk", "allow");
        JsonNode created = fx.install(dev, integration.get("id").asText(), env, null);

        Api.Response read = api.get("/environment-integration/" + created.get("id").asText(), viewer);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode ei = read.json();
        List<String> names = new ArrayList<>();
        ei.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "integration_id", "environment_id", "show_in_catalog", "is_enabled", "created_at",
                "updated_at", "integration", "override", "configuration_id", "lifecycle", "disabled_reason");
        assertThat(ei.get("id").asText()).matches(UUID_RE);
        assertThat(ei.get("integration_id").asText()).isEqualTo(integration.get("id").asText());
        assertThat(ei.get("environment_id").asText()).isEqualTo(env);
        assertThat(ei.get("show_in_catalog").asBoolean()).isTrue();
        assertThat(ei.get("is_enabled").asBoolean()).isTrue();
        assertThat(ei.get("created_at").asText()).matches(ISO_MILLIS);
        assertThat(ei.get("updated_at").asText()).matches(ISO_MILLIS);
        assertThat(ei.get("override").isObject()).isTrue();
        assertThat(ei.get("override").size()).isZero();
        assertThat(ei.get("configuration_id").isNull()).isTrue();
        assertThat(ei.get("lifecycle").asText()).isEqualTo("active");
        assertThat(ei.get("disabled_reason").isNull()).isTrue();

        JsonNode embedded = ei.get("integration");
        List<String> integrationFields = new ArrayList<>();
        embedded.fieldNames().forEachRemaining(integrationFields::add);
        assertThat(integrationFields).containsExactly("id", "name", "category", "is_beta", "config", "team_id", "sharing", "created_at",
                "updated_at", "installed_environment", "team");
        assertThat(embedded.get("name").asText()).isEqualTo("zendesk");
        assertThat(embedded.get("category").asText()).isEqualTo("helpdesk");
        assertThat(embedded.get("is_beta").asBoolean()).isFalse();
        assertThat(embedded.get("sharing").asText()).isEqualTo("allow");
        assertThat(embedded.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(embedded.get("config").get("authorization").get("config").get("value").asText())
                .as("placeholders kept verbatim").isEqualTo("{{oauth.token.access_token}}");
        assertThat(embedded.get("config").get("resources").get("users").get("list").get("path").asText()).isEqualTo("/users");
        assertThat(embedded.get("installed_environment")).hasSize(1);
        assertThat(embedded.get("installed_environment").get(0).asText()).isEqualTo(env);
        JsonNode team = embedded.get("team");
        List<String> teamFields = new ArrayList<>();
        team.fieldNames().forEachRemaining(teamFields::add);
        assertThat(teamFields).containsExactly("id", "name", "domain", "logo", "is_verified", "is_white_label", "tos_link",
                "allow_impersonation", "created_at", "updated_at");
        assertThat(team.get("id").asText()).isEqualTo(TEAM);
        assertThat(team.get("created_at").asText()).matches(ISO_MILLIS);
    }

    @Test
    void environmentsCrudAndTheirRules() {
        JsonNode env = fx.environment(dev, "staging");
        String id = env.get("id").asText();
        assertThat(env.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(env.get("name").asText()).isEqualTo("staging");
        assertThat(env.get("created_at").asText()).matches(ISO_MILLIS);
        assertProblem(api.post("/environment", dev, "{\"name\":\"staging\"}"), 409, null);
        assertProblem(api.post("/environment", viewer, "{\"name\":\"viewer-env\"}"), 403, null);
        assertProblem(api.post("/environment", stranger, "{\"name\":\"x\",\"team_id\":\"" + TEAM + "\"}"), 403, null);
        String twoTeams = Tokens.token("both", List.of(new io.patchbay.kernel.auth.TeamMembership(TEAM, TeamRole.OWNER),
                new io.patchbay.kernel.auth.TeamMembership("team_second", TeamRole.OWNER)), false, null);
        assertProblem(api.post("/environment", twoTeams, "{\"name\":\"which\"}"), 400, "team_id");
        assertThat(api.send("POST", "/environment", twoTeams, "{\"name\":\"header-named\"}", "X-Team-Id", "team_second").json()
                .get("team_id").asText()).isEqualTo("team_second");

        assertThat(api.get("/environment/" + id, viewer).json()).isEqualTo(env);
        assertProblem(api.get("/environment/" + id, stranger), 404, null);
        assertThat(api.get("/environment/" + id, Tokens.admin()).status()).isEqualTo(200);

        Api.Response renamed = api.send("PATCH", "/environment/" + id, dev, "{\"name\":\"stage\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("stage");
        fx.environment(dev, "other-stage");
        assertProblem(api.send("PATCH", "/environment/" + id, dev, "{\"name\":\"other-stage\"}"), 409, null);
        assertProblem(api.send("PATCH", "/environment/" + id, viewer, "{\"name\":\"v\"}"), 403, null);

        Api.Response list = api.get("/environment?name=stage", viewer);
        assertThat(list.json().get("result")).hasSize(1);
        assertThat(list.json().get("next_cursor").isNull()).isTrue();
        assertThat(api.get("/environment", stranger).json().get("result")).isEmpty();

        String integration = fx.integration(dev, "env-crud-app", "crm", "allow").get("id").asText();
        String install = fx.install(dev, integration, id, null).get("id").asText();
        assertProblem(api.send("DELETE", "/environment/" + id, dev, null), 409, null);
        assertThat(api.send("DELETE", "/environment-integration/" + install, dev, null).json().get("id").asText()).isEqualTo(install);
        assertProblem(api.send("DELETE", "/environment/" + id, viewer, null), 403, null);
        Api.Response deleted = api.send("DELETE", "/environment/" + id, dev, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("id").asText()).isEqualTo(id);
        assertProblem(api.get("/environment/" + id, dev), 404, null);
    }

    @Test
    void integrationsCrudVisibilityAndFilters() {
        JsonNode created = fx.integration(dev, "hubspot", "crm", "deny");
        String id = created.get("id").asText();
        assertThat(created.get("installed_environment")).isEmpty();
        assertProblem(api.post("/integration", dev, "{\"name\":\"hubspot\",\"category\":\"crm\"}"), 409, null);
        assertProblem(api.post("/integration", viewer, "{\"name\":\"viewer-app\",\"category\":\"crm\"}"), 403, null);
        assertThat(api.get("/integration/" + id, viewer).status()).isEqualTo(200);
        assertProblem(api.get("/integration/" + id, stranger), 404, null);
        JsonNode shared = fx.integration(dev, "pipedrive", "crm", "ask");
        assertThat(api.get("/integration/" + shared.get("id").asText(), stranger).status()).as("shared integrations are readable")
                .isEqualTo(200);
        assertProblem(api.send("PATCH", "/integration/" + shared.get("id").asText(), stranger, "{\"is_beta\":true}"), 403, null);

        Api.Response patched = api.send("PATCH", "/integration/" + id, dev, "{\"is_beta\":true,\"sharing\":\"allow\",\"category\":\"sales\"}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("is_beta").asBoolean()).isTrue();
        assertThat(patched.json().get("sharing").asText()).isEqualTo("allow");
        assertThat(patched.json().get("config")).isEqualTo(created.get("config"));
        assertThat(api.get("/integration/" + id, stranger).status()).isEqualTo(200);

        assertThat(ids(api.get("/integration?category=sales", viewer))).containsExactly(id);
        assertThat(ids(api.get("/integration?name=pipedrive", viewer))).containsExactly(shared.get("id").asText());
        assertThat(ids(api.get("/integration?team_id=" + TEAM + "&category=crm&name=pipedrive", viewer))).hasSize(1);
        assertThat(ids(api.get("/integration?team_id=team_nobody", viewer))).isEmpty();

        String env = fx.environment(dev, "integration-crud-env").get("id").asText();
        String install = fx.install(dev, id, env, null).get("id").asText();
        assertThat(api.get("/integration/" + id, viewer).json().get("installed_environment").get(0).asText()).isEqualTo(env);
        assertProblem(api.send("DELETE", "/integration/" + id, dev, null), 409, null);
        api.send("DELETE", "/environment-integration/" + install, dev, null);
        assertThat(api.send("DELETE", "/integration/" + id, dev, null).status()).isEqualTo(200);
        assertProblem(api.get("/integration/" + id, dev), 404, null);
    }

    @Test
    void installsFiltersPatchAndUninstall() {
        String envA = fx.environment(owner, "filters-a").get("id").asText();
        String envB = fx.environment(owner, "filters-b").get("id").asText();
        String slack = fx.integration(owner, "filters-slack", "chat", "allow").get("id").asText();
        String jira = fx.integration(owner, "filters-jira", "ticketing", "allow").get("id").asText();
        String a1 = fx.install(dev, slack, envA, "\"show_in_catalog\":false").get("id").asText();
        String a2 = fx.install(dev, jira, envA, "\"is_enabled\":false").get("id").asText();
        String b1 = fx.install(dev, slack, envB, null).get("id").asText();
        assertProblem(api.post("/environment-integration", dev, "{\"integration_id\":\"" + slack + "\",\"environment_id\":\"" + envA + "\"}"),
                409, null);
        assertProblem(api.post("/environment-integration", viewer, "{\"integration_id\":\"" + jira + "\",\"environment_id\":\"" + envB + "\"}"),
                403, null);

        assertThat(ids(api.get("/environment-integration?environment_id=" + envA, viewer))).containsExactlyInAnyOrder(a1, a2);
        assertThat(ids(api.get("/environment-integration?integration_id=" + slack, viewer))).containsExactlyInAnyOrder(a1, b1);
        assertThat(ids(api.get("/environment-integration?integration_id=" + slack + "&show_in_catalog=false", viewer))).containsExactly(a1);
        assertThat(ids(api.get("/environment-integration?environment_id=" + envA + "&is_enabled=false", viewer))).containsExactly(a2);
        assertThat(ids(api.get("/environment-integration?integration.name=filters-jira", viewer))).containsExactly(a2);
        assertThat(ids(api.get("/environment-integration?integration.category=chat", viewer))).containsExactlyInAnyOrder(a1, b1);
        assertThat(ids(api.get("/environment-integration?integration.category=chat", stranger))).isEmpty();
        assertProblem(api.get("/environment-integration/" + a1, stranger), 404, null);

        Api.Response patched = api.send("PATCH", "/environment-integration/" + a1, dev, "{\"show_in_catalog\":true,\"is_enabled\":false}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("show_in_catalog").asBoolean()).isTrue();
        assertThat(patched.json().get("is_enabled").asBoolean()).isFalse();
        assertThat(patched.json().get("integration").get("name").asText()).as("the full object").isEqualTo("filters-slack");
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertProblem(api.send("PATCH", "/environment-integration/" + a1, viewer, "{\"is_enabled\":true}"), 403, null);
        assertProblem(api.send("DELETE", "/environment-integration/" + a1, viewer, null), 403, null);
        Api.Response removed = api.send("DELETE", "/environment-integration/" + a1, dev, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("id").asText()).isEqualTo(a1);
        assertProblem(api.get("/environment-integration/" + a1, dev), 404, null);
    }

    @Test
    void walkingAllPagesWhileRowsAreInsertedReturnsEveryPreExistingRowExactlyOnce() {
        String pagerTeam = "team_pager";
        String pager = Tokens.token("pager", pagerTeam, TeamRole.OWNER);
        String integration = fx.integration(pager, "pager-app", "crm", "allow").get("id").asText();
        Set<String> envs = new HashSet<>();
        Set<String> installs = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            String env = fx.environment(pager, "pager-" + i).get("id").asText();
            envs.add(env);
            installs.add(fx.install(pager, integration, env, null).get("id").asText());
        }
        List<String> seenInstalls = new ArrayList<>();
        List<String> seenEnvs = new ArrayList<>();
        String cursor = null;
        String envCursor = null;
        boolean installsDone = false;
        boolean envsDone = false;
        int pages = 0;
        while ((!installsDone || !envsDone) && pages < 50) {
            if (!installsDone) {
                Api.Response page = api.get("/environment-integration?limit=5" + (cursor == null ? "" : "&next_cursor=" + cursor), pager);
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                page.json().get("result").forEach(r -> seenInstalls.add(r.get("id").asText()));
                cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
                installsDone = cursor == null;
            }
            if (!envsDone) {
                Api.Response envPage = api.get("/environment?limit=4" + (envCursor == null ? "" : "&next_cursor=" + envCursor), pager);
                envPage.json().get("result").forEach(r -> seenEnvs.add(r.get("id").asText()));
                envCursor = envPage.json().get("next_cursor").isNull() ? null : envPage.json().get("next_cursor").asText();
                envsDone = envCursor == null;
            }
            // rows inserted while walking
            String extra = fx.environment(pager, "pager-extra-" + pages).get("id").asText();
            fx.install(pager, integration, extra, null);
            pages++;
        }
        assertThat(seenInstalls).doesNotHaveDuplicates();
        assertThat(seenInstalls).containsAll(installs);
        assertThat(seenEnvs).doesNotHaveDuplicates();
        assertThat(seenEnvs).containsAll(envs);
        assertThat(pages).isGreaterThanOrEqualTo(5);

        List<String> integrationsSeen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fx.integration(pager, "pager-more-" + i, "crm", "deny");
        }
        String c = null;
        do {
            Api.Response page = api.get("/integration?team_id=" + pagerTeam + "&limit=1" + (c == null ? "" : "&next_cursor=" + c), pager);
            page.json().get("result").forEach(r -> integrationsSeen.add(r.get("id").asText()));
            c = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
        } while (c != null);
        assertThat(integrationsSeen).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void teamProfiles() {
        Api.Response put = api.send("PUT", "/team/" + TEAM, owner, """
                {"name":"My Awesome Team","domain":"example.com","logo":"https://example.com/logo.png","is_white_label":true,
                 "tos_link":"https://example.com/tos","allow_impersonation":false}""");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("name").asText()).isEqualTo("My Awesome Team");
        assertThat(put.json().get("is_verified").asBoolean()).isFalse();
        assertThat(put.json().get("is_white_label").asBoolean()).isTrue();
        assertThat(api.get("/team/" + TEAM, viewer).json().get("domain").asText()).isEqualTo("example.com");
        assertProblem(api.get("/team/" + TEAM, stranger), 404, null);
        assertProblem(api.send("PUT", "/team/" + TEAM, dev, "{\"name\":\"x\"}"), 403, null);
        assertProblem(api.send("PUT", "/team/" + TEAM, owner, "{\"is_verified\":true}"), 403, null);
        Api.Response verified = api.send("PUT", "/team/" + TEAM, Tokens.admin(), "{\"is_verified\":true}");
        assertThat(verified.json().get("is_verified").asBoolean()).isTrue();
        assertThat(verified.json().get("name").asText()).as("absent fields keep their values").isEqualTo("My Awesome Team");

        String integration = fx.integration(dev, "team-embed", "crm", "allow").get("id").asText();
        JsonNode team = api.get("/integration/" + integration, viewer).json().get("team");
        assertThat(team.get("name").asText()).isEqualTo("My Awesome Team");
        assertThat(team.get("is_verified").asBoolean()).isTrue();
    }

    @Test
    void concurrentWritesAre200Or409AndNoneIsSilentlyLost() throws Exception {
        String team = "team_racers";
        String racer = Tokens.token("racer", team, TeamRole.OWNER);
        String env = fx.environment(racer, "race-0").get("id").asText();
        List<Integer> renames = race(i -> api.send("PATCH", "/environment/" + env, racer, "{\"name\":\"race-" + (i + 1) + "\"}").status());
        List<Integer> puts = race(i -> api.send("PUT", "/team/" + team, racer, "{\"name\":\"racer " + i + "\"}").status());
        assertThat(renames).containsOnly(200, 409).contains(200);
        assertThat(puts).containsOnly(200, 409).contains(200);
        long renamed = renames.stream().filter(s -> s == 200).count();
        long put = puts.stream().filter(s -> s == 200).count();
        assertThat(db.number("SELECT version FROM environment WHERE id = ?", UUID.fromString(env)))
                .as("every accepted rename is counted, none overwritten").isEqualTo(1 + renamed);
        assertThat(db.number("SELECT version FROM team_profile WHERE id = ?", team))
                .as("every accepted profile update is counted, none overwritten").isEqualTo(put);
        System.out.printf("RACE environment renames 200=%d 409=%d; team profile PUTs 200=%d 409=%d%n", renamed, renames.size() - renamed,
                put, puts.size() - put);
    }

    /** Runs 16 requests at once (virtual threads released together) and returns their statuses. */
    private static List<Integer> race(java.util.function.IntFunction<Integer> request) throws Exception {
        int n = 16;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        }
    }

    @Test
    void badInputOnEveryEndpointIsA4xxProblemNeverA5xx() {
        String env = fx.environment(dev, "bad-input").get("id").asText();
        String integration = fx.integration(dev, "bad-input-app", "crm", "allow").get("id").asText();
        String install = fx.install(dev, integration, env, null).get("id").asText();
        String ei = "/environment-integration/";
        Object[][] cases = {
                {"GET", "/environment-integration?limit=0", null, 400, "limit"},
                {"GET", "/environment-integration?limit=101", null, 400, "limit"},
                {"GET", "/environment-integration?limit=abc", null, 400, "limit"},
                {"GET", "/environment-integration?next_cursor=tampered", null, 400, "next_cursor"},
                {"GET", "/environment-integration?is_enabled=yes", null, 400, "is_enabled"},
                {"GET", "/environment-integration?show_in_catalog=1", null, 400, "show_in_catalog"},
                {"GET", "/environment-integration?integration_id=nope", null, 400, "integration_id"},
                {"GET", "/environment-integration?environment_id=nope", null, 400, "environment_id"},
                {"GET", "/environment-integration?colour=blue", null, 400, "colour"},
                {"GET", ei + "not-a-uuid", null, 400, "id"},
                {"GET", ei + UUID.randomUUID(), null, 404, null},
                {"GET", ei + "not-a-uuid/config", null, 400, "id"},
                {"POST", "/environment-integration", "{", 400, null},
                {"POST", "/environment-integration", "[]", 400, "body"},
                {"POST", "/environment-integration", "{}", 400, "integration_id"},
                {"POST", "/environment-integration", "{\"integration_id\":\"x\"}", 400, "integration_id"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + integration + "\"}", 400, "environment_id"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                        + "\",\"is_enabled\":\"yes\"}", 400, "is_enabled"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                        + "\",\"override\":[]}", 400, "override"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                        + "\",\"override\":{\"nonsense\":1}}", 400, "override.nonsense"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                        + "\",\"configuration_id\":\"icfg_short\"}", 400, "configuration_id"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                        + "\",\"extra\":1}", 400, "extra"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + UUID.randomUUID() + "\",\"environment_id\":\"" + env
                        + "\"}", 422, "integration_id"},
                {"POST", "/environment-integration", "{\"integration_id\":\"" + integration + "\",\"environment_id\":\""
                        + UUID.randomUUID() + "\"}", 422, "environment_id"},
                {"PATCH", ei + install, "{\"is_enabled\":1}", 400, "is_enabled"},
                {"PATCH", ei + install, "{\"override\":\"x\"}", 400, "override"},
                {"PATCH", ei + install, "{\"override\":{\"base_url\":\"not a url\"}}", 400, "override.base_url"},
                {"PATCH", ei + install, "{\"override\":{\"resources\":{\"users\":{\"list\":{\"method\":\"GETT\"}}}}}", 400,
                        "override.resources.users.list.method"},
                {"PATCH", ei + install, "{\"integration_id\":\"" + integration + "\"}", 400, "integration_id"},
                {"PATCH", ei + "nope", "{}", 400, "id"},
                {"PATCH", ei + install + "/override", "{\"label\":\"x\"}", 415, null},
                {"DELETE", ei + "nope", null, 400, "id"},
                {"POST", ei + "nope/approve", null, 400, "id"},
                {"POST", ei + install + "/approve", null, 409, null},
                {"POST", ei + install + "/reject", null, 409, null},
                {"GET", "/environment?limit=-1", null, 400, "limit"},
                {"GET", "/environment?team_id=bad%20team", null, 400, "team_id"},
                {"GET", "/environment?nme=x", null, 400, "nme"},
                {"GET", "/environment/123", null, 400, "id"},
                {"POST", "/environment", "{\"name\":\"\"}", 400, "name"},
                {"POST", "/environment", "{\"name\":7}", 400, "name"},
                {"POST", "/environment", "{\"name\":\"" + "x".repeat(101) + "\"}", 400, "name"},
                {"POST", "/environment", "{\"name\":\"n\",\"team_id\":\"bad team\"}", 400, "team_id"},
                {"PATCH", "/environment/" + env, "{}", 400, "name"},
                {"PATCH", "/environment/" + env, "{\"team_id\":\"x\"}", 400, "team_id"},
                {"DELETE", "/environment/zzz", null, 400, "id"},
                {"GET", "/integration?limit=1000", null, 400, "limit"},
                {"GET", "/integration?next_cursor=" + "A".repeat(40), null, 400, "next_cursor"},
                {"GET", "/integration/xyz", null, 400, "id"},
                {"POST", "/integration", "{\"name\":\"Bad Name\",\"category\":\"crm\"}", 400, "name"},
                {"POST", "/integration", "{\"name\":\"ok-name\"}", 400, "category"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"sharing\":\"maybe\"}", 400, "sharing"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"is_beta\":\"no\"}", 400, "is_beta"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"base_url\":\"ftp://x\"}}", 400,
                        "config.base_url"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"headers\":{\"A\":1}}}", 400,
                        "config.headers.A"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"query_array_format\":\"x\"}}", 400,
                        "config.query_array_format"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"pagination\":{\"format\":\"x\"}}}", 400,
                        "config.pagination.format"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"authorization\":{\"format\":\"x\"}}}",
                        400, "config.authorization.format"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"resources\":{\"u\":{\"l\":{\"method\":\"get\","
                        + "\"path\":\"u\"}}}}}", 400, "config.resources.u.l.path"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"wat\":true}}", 400, "config.wat"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"credentials\":{\"token\":\"********\"}}}",
                        400, "config.credentials.token"},
                {"PATCH", "/integration/" + integration, "{\"team_id\":\"team_x\"}", 400, "team_id"},
                {"PATCH", "/integration/" + integration, "{\"name\":\"UPPER\"}", 400, "name"},
                {"PATCH", "/integration/" + integration, "{\"config\":5}", 400, "config"},
                {"DELETE", "/integration/abc", null, 400, "id"},
                {"GET", "/team/bad%20id", null, 400, "id"},
                {"PUT", "/team/" + TEAM, "{\"is_white_label\":\"yes\"}", 400, "is_white_label"},
                {"PUT", "/team/" + TEAM, "{\"colour\":\"red\"}", 400, "colour"},
                {"PUT", "/team/" + TEAM, "{\"id\":\"team_someone_else\"}", 400, "id"},
                {"PUT", "/team/" + TEAM, "\"text\"", 400, "body"},
                {"PUT", "/team/" + TEAM, "{\"name\":\"" + "n".repeat(201) + "\"}", 400, "name"},
                {"PUT", "/team/" + TEAM, "{", 400, null},
                {"GET", ei + UUID.randomUUID() + "/config", null, 404, null},
                {"PATCH", ei + UUID.randomUUID(), "{\"is_enabled\":true}", 404, null},
                {"PATCH", ei + install, "{", 400, null},
                {"PATCH", ei + install, "[]", 400, "body"},
                {"PATCH", ei + install, "{\"override\":{\"headers\":[\"x\"]}}", 400, "override.headers"},
                {"PATCH", ei + install, "{\"override\":{\"credentials\":{\"secret\":5}}}", 400, "override.credentials.secret"},
                {"DELETE", ei + UUID.randomUUID(), null, 404, null},
                {"POST", ei + "nope/reject", null, 400, "id"},
                {"POST", ei + UUID.randomUUID() + "/approve", null, 404, null},
                {"POST", ei + UUID.randomUUID() + "/reject", null, 404, null},
                {"PATCH", "/environment/" + UUID.randomUUID(), "{\"name\":\"x\"}", 404, null},
                {"PATCH", "/environment/" + env, "{\"name\":\" padded \"}", 400, "name"},
                {"DELETE", "/environment/" + UUID.randomUUID(), null, 404, null},
                {"PATCH", "/integration/" + UUID.randomUUID(), "{\"is_beta\":true}", 404, null},
                {"DELETE", "/integration/" + UUID.randomUUID(), null, 404, null},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"label\":\""
                        + "x".repeat(300 * 1024) + "\"}}", 400, "config"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"config\":{\"actions\":{\"a\":"
                        + "[".repeat(5_000) + "]".repeat(5_000) + "}}}", 400, null},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"CRM\"}", 400, "category"},
                {"POST", "/environment", "", 400, null},
                {"POST", "/environment", "null", 400, null},
                {"POST", "/integration", "", 400, null},
                {"POST", "/environment-integration", "", 400, null},
                {"PATCH", ei + install, "", 400, null},
                {"PATCH", ei + install, "null", 400, null},
                {"PUT", "/team/" + TEAM, "", 400, null},
                {"PATCH", "/integration/" + integration, "{\"config\":{\"resources\":{\"users\":{\"list\":{\"method\":\"get\","
                        + "\"path\":\"/u\"}}}},\"sharing\":\"DENY\"}", 400, "sharing"},
                {"POST", "/integration", "{\"name\":\"ok-name\",\"category\":\"crm\",\"team_id\":\"team_not_mine\"}", 403, null},
                // PostgreSQL text cannot hold NUL: a 400 naming the field, not a database error
                {"POST", "/environment", "{\"name\":\"nul\\u0000name\"}", 400, "name"},
                {"PATCH", "/environment/" + env, "{\"name\":\"nul\\u0000name\"}", 400, "name"},
                {"GET", "/environment?name=nul%00name", null, 400, "name"},
                {"GET", "/integration?category=nul%00", null, 400, "category"},
                {"GET", "/environment-integration?integration.name=nul%00", null, 400, "integration.name"},
                {"PUT", "/team/" + TEAM, "{\"name\":\"nul\\u0000name\"}", 400, "name"},
        };
        for (Object[] c : cases) {
            Api.Response r = api.send((String) c[0], (String) c[1], owner, (String) c[2]);
            assertProblem(r, (Integer) c[3], (String) c[4]);
        }
        assertProblem(api.get("/environment-integration", null), 401, null);
        assertProblem(api.get("/environment-integration", "not-a-jwt"), 401, null);
        assertProblem(api.send("POST", "/environment", owner, "{\"name\":\"" + "x".repeat(1_100_000) + "\"}"), 413, null);
        assertProblem(MergePatch.send(server.getURI(), ei + install + "/override", owner, "{", null), 400, null);
        assertProblem(MergePatch.send(server.getURI(), ei + "nope/override", owner, "{}", null), 400, "id");
        assertProblem(MergePatch.send(server.getURI(), ei + UUID.randomUUID() + "/override", owner, "{}", null), 404, null);
        assertProblem(MergePatch.send(server.getURI(), ei + install + "/override", owner, "{\"query\":{\"a\":1}}", null), 400,
                "override.query.a");
        assertProblem(MergePatch.send(server.getURI(), ei + install + "/override", owner,
                "{\"label\":\"" + "x".repeat(300 * 1024) + "\"}", null), 400, "override");
    }

    @Test
    void requestsWaitingOnConfigServiceDoNotQueueTheOthers() throws Exception {
        int tasks = 200;
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(tasks);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < tasks; i++) {
            blocking.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the blocking executor runs a virtual thread per request, not a pool of 2 x cores").isTrue();
        } finally {
            release.countDown();
        }
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
        assertThat(api.get("/prometheus", null).raw().body()).contains("jvm_memory_used_bytes").contains("patchbay_lifecycle_events");
        Api.Response openapi = api.get("/openapi/environment-service.yml", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.raw().body()).contains("/environment-integration:").contains("/environment-integration/{id}:")
                .contains("/environment-integration/{id}/config:").contains("/environment-integration/{id}/override:")
                .contains("/environment-integration/{id}/approve:").contains("/environment-integration/{id}/reject:")
                .contains("/integration/{id}:").contains("/environment/{id}:").contains("/team/{id}:").contains("bearer");
        for (String seedField : List.of("integration_id", "environment_id", "show_in_catalog", "is_enabled", "created_at", "updated_at",
                "override", "is_beta", "team_id", "sharing", "installed_environment", "is_verified", "is_white_label", "tos_link",
                "allow_impersonation", "configuration_id", "lifecycle", "disabled_reason", "next_cursor")) {
            assertThat(openapi.raw().body()).as("OpenAPI has the field %s", seedField).contains(seedField + ":");
        }
        assertThat(openapi.raw().body()).as("the caller is bound from the token, not a parameter").doesNotContain("name: caller")
                .contains("EnvironmentIntegrationRequest").contains("EnvironmentIntegrationPatchRequest").contains("application/merge-patch+json");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        Api.Response withId = api.send("GET", "/health", null, null, "X-Request-Id", "req-123");
        assertThat(withId.header("X-Request-Id")).isEqualTo("req-123");
        assertThat(api.get("/health", null).header("X-Request-Id")).isNotBlank();
    }

    private static List<String> ids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("result").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
