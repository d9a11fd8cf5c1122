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
import java.util.List;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Sharing across teams (allow / ask → approve or reject / deny) and environment-scoped tokens. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharingApiIT implements TestPropertyProvider {
    static final String PUBLISHER = "team_publisher";
    static final String CONSUMER = "team_consumer";
    final String publisher = Tokens.token("pubOwner", PUBLISHER, TeamRole.OWNER);
    final String publisherViewer = Tokens.token("pubViewer", PUBLISHER, TeamRole.VIEWER);
    final String consumer = Tokens.token("conDev", CONSUMER, TeamRole.DEVELOPER);

    @Inject
    EmbeddedServer server;
    Api api;
    ApiFixture fx;

    @Override
    public Map<String, String> getProperties() {
        return new TestDatabase("env_sharing").serviceProperties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        fx = new ApiFixture(api);
    }

    private Api.Response install(String token, String integration, String environment) {
        return api.post("/environment-integration", token, "{\"integration_id\":\"" + integration + "\""
                + (environment == null ? "" : ",\"environment_id\":\"" + environment + "\"") + "}");
    }

    @Test
    void installsIntoTheOwningTeamsEnvironmentsAreAlwaysAllowed() {
        String integration = fx.integration(publisher, "own-deny", "crm", "deny").get("id").asText();
        String env = fx.environment(publisher, "own-prod").get("id").asText();
        Api.Response r = install(publisher, integration, env);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("lifecycle").asText()).isEqualTo("active");
    }

    @Test
    void allowInstallsIntoAnotherTeamAtOnce() {
        String integration = fx.integration(publisher, "shared-allow", "crm", "allow").get("id").asText();
        String env = fx.environment(consumer, "allow-prod").get("id").asText();
        Api.Response r = install(consumer, integration, env);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("lifecycle").asText()).isEqualTo("active");
        assertThat(r.json().get("is_enabled").asBoolean()).isTrue();
        assertThat(r.json().get("integration").get("team_id").asText()).isEqualTo(PUBLISHER);

        String own = fx.environment(publisher, "allow-own").get("id").asText();
        fx.install(publisher, integration, own, null);
        String bystander = Tokens.token("bystander", "team_bystander", TeamRole.OWNER);
        String bystanderEnv = fx.environment(bystander, "allow-bystander").get("id").asText();
        fx.install(bystander, integration, bystanderEnv, null);
        assertThat(texts(api.get("/integration/" + integration, publisher).json().get("installed_environment")))
                .as("the owning team sees every environment its integration is installed in").containsExactly(env, own, bystanderEnv);
        assertThat(texts(api.get("/integration/" + integration, consumer).json().get("installed_environment")))
                .as("another team sees only its own environments").containsExactly(env);
        assertThat(texts(api.get("/environment-integration?environment_id=" + bystanderEnv, bystander).json().get("result").get(0)
                .get("integration").get("installed_environment"))).containsExactly(bystanderEnv);
        assertThat(texts(api.get("/integration/" + integration, Tokens.scoped("runtime", CONSUMER, TeamRole.VIEWER, env)).json()
                .get("installed_environment"))).as("a scoped token sees its environment only").containsExactly(env);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void denyIsForbidden() {
        String integration = fx.integration(publisher, "shared-deny", "crm", "deny").get("id").asText();
        String env = fx.environment(consumer, "deny-prod").get("id").asText();
        assertProblem(install(consumer, integration, env), 403, null);
        assertThat(api.get("/environment-integration?environment_id=" + env, consumer).json().get("result")).isEmpty();
    }

    @Test
    void askWaitsForTheOwningTeamWhichApprovesOrRejects() {
        String integration = fx.integration(publisher, "shared-ask", "crm", "ask").get("id").asText();
        String env1 = fx.environment(consumer, "ask-1").get("id").asText();
        String env2 = fx.environment(consumer, "ask-2").get("id").asText();

        JsonNode pending = install(consumer, integration, env1).json();
        String id = pending.get("id").asText();
        assertThat(pending.get("lifecycle").asText()).isEqualTo("pending_approval");
        assertThat(pending.get("is_enabled").asBoolean()).isFalse();
        assertProblem(api.send("PATCH", "/environment-integration/" + id, consumer, "{\"is_enabled\":true}"), 409, null);
        assertProblem(api.post("/environment-integration/" + id + "/approve", consumer, null), 403, null);
        assertProblem(api.post("/environment-integration/" + id + "/approve", publisherViewer, null), 403, null);
        assertThat(api.get("/environment-integration/" + id, publisher).json().get("lifecycle").asText())
                .as("the owning team sees installs of its integration").isEqualTo("pending_approval");

        Api.Response approved = api.post("/environment-integration/" + id + "/approve", publisher, null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("lifecycle").asText()).isEqualTo("active");
        assertThat(approved.json().get("is_enabled").asBoolean()).as("the requested is_enabled applies").isTrue();
        assertProblem(api.post("/environment-integration/" + id + "/approve", publisher, null), 409, null);
        assertProblem(api.post("/environment-integration/" + id + "/reject", publisher, null), 409, null);

        String rejectedId = install(consumer, integration, env2).json().get("id").asText();
        Api.Response rejected = api.post("/environment-integration/" + rejectedId + "/reject", publisher, null);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("id").asText()).isEqualTo(rejectedId);
        assertProblem(api.get("/environment-integration/" + rejectedId, consumer), 404, null);
        assertThat(api.get("/integration/" + integration, publisher).json().get("installed_environment")).hasSize(1);
    }

    @Test
    void environmentScopedTokensSeeAndChangeOnlyTheirEnvironment() {
        String integration = fx.integration(consumer, "scoped-app", "crm", "allow").get("id").asText();
        String envA = fx.environment(consumer, "scoped-a").get("id").asText();
        String envB = fx.environment(consumer, "scoped-b").get("id").asText();
        String inA = fx.install(consumer, integration, envA, null).get("id").asText();
        String inB = fx.install(consumer, integration, envB, null).get("id").asText();
        String scopedA = Tokens.scoped("runtimeA", CONSUMER, TeamRole.VIEWER, envA);

        List<String> visible = new ArrayList<>();
        api.get("/environment-integration", scopedA).json().get("result").forEach(n -> visible.add(n.get("id").asText()));
        assertThat(visible).containsExactly(inA);
        assertThat(api.get("/environment-integration/" + inA, scopedA).status()).isEqualTo(200);
        assertProblem(api.get("/environment-integration/" + inB, scopedA), 404, null);
        assertProblem(api.get("/environment-integration/" + inB + "/config", scopedA), 404, null);
        assertProblem(api.send("PATCH", "/environment-integration/" + inB, scopedA, "{\"is_enabled\":false}"), 404, null);
        assertProblem(api.send("DELETE", "/environment-integration/" + inB, scopedA, null), 404, null);
        assertThat(api.send("PATCH", "/environment-integration/" + inA, scopedA, "{\"show_in_catalog\":false}").status())
                .as("writable within its environment").isEqualTo(200);
        assertThat(api.get("/environment-integration/" + inA + "/config", scopedA).status()).isEqualTo(200);

        List<String> envs = new ArrayList<>();
        api.get("/environment", scopedA).json().get("result").forEach(n -> envs.add(n.get("id").asText()));
        assertThat(envs).containsExactly(envA);
        assertProblem(api.get("/environment/" + envB, scopedA), 404, null);
        assertProblem(api.post("/environment", scopedA, "{\"name\":\"from-scope\"}"), 403, null);
        assertProblem(api.send("DELETE", "/environment/" + envA, scopedA, null), 403, null);

        assertThat(api.send("DELETE", "/environment-integration/" + inA, scopedA, null).status()).isEqualTo(200);
        Api.Response implied = install(scopedA, integration, null);
        assertThat(implied.status()).as("environment_id is implied by the token").isEqualTo(201);
        assertThat(implied.json().get("environment_id").asText()).isEqualTo(envA);
        assertProblem(install(scopedA, integration, envB), 422, "environment_id");
    }
}
