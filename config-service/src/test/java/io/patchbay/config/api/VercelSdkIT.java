package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.NodeProject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real {@code @vercel/sdk} client (examples/vercel-sdk/check.mjs) against config-service: getConfiguration,
 * getConfigurations (account and project views) and deleteConfiguration, personal and team installs. Needs Node.js
 * (installs the example's locked dependencies with {@code npm ci} on first use); without Node the test is reported as
 * skipped, with the reason.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VercelSdkIT implements TestPropertyProvider {
    static final Path EXAMPLE = Path.of("..", "examples", "vercel-sdk").toAbsolutePath().normalize();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new TestDatabase("config_sdk").serviceProperties();
        props.put("patchbay.webhooks.allow-private", "true");
        props.put("patchbay.webhooks.poll-interval", "100ms");
        return props;
    }

    /**
     * examples/vercel-sdk/webhooks.mjs: the SDK creates a webhook (the only answer with its secret), lists it, reads it; a
     * PATCH adding scopes and a DELETE reach the local receiver signed with that secret; the SDK deletes the webhook.
     */
    @Test
    void theVercelSdkManagesWebhooksWhoseDeliveriesAreSigned() throws Exception {
        Assumptions.assumeTrue(NodeProject.available(), "Node.js and npm are needed to run @vercel/sdk");
        NodeProject example = NodeProject.installed(EXAMPLE, "@vercel/sdk");
        Api api = new Api(server.getURI());
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(),
                "{\"slug\":\"hooks-sdk\",\"name\":\"Hooks\",\"scopes\":[\"read:project\",\"read-write:log-drain\"]}").status())
                .isEqualTo(201);
        try (Receiver receiver = new Receiver()) {
            String team = Tokens.token("sdkHooks", "team_sdkHooks", TeamRole.DEVELOPER);
            Map<String, String> env = Map.of("PATCHBAY_CONFIG_URL", server.getURI().toString(), "PATCHBAY_TOKEN", team,
                    "TEAM_ID", "team_sdkHooks", "RECEIVER_URL", receiver.url("/sdk"));
            NodeProject.Result created = example.run(env, 120, "node", "webhooks.mjs", "create");
            assertThat(created.exitCode()).as(created.output()).isZero();
            JsonNode answer = new ObjectMapper().readTree(created.output().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
            assertThat(answer.get("ok").asBoolean()).isTrue();
            String hookId = answer.get("id").asText();
            String secret = answer.get("secret").asText();

            String c = api.post("/v1/integrations/configurations?teamId=team_sdkHooks", team,
                    "{\"integrationIdOrSlug\":\"hooks-sdk\",\"scopes\":[\"read:project\"]}").json().get("id").asText();
            assertThat(api.send("PATCH", "/v1/integrations/configuration/" + c, team,
                    "{\"scopes\":[\"read:project\",\"read-write:log-drain\"]}").status()).isEqualTo(200);
            assertThat(api.send("DELETE", "/v1/integrations/configuration/" + c, team, null).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.firstArrivals().size() == 2);
            assertThat(receiver.firstArrivals()).extracting(Receiver.Request::type)
                    .containsExactly("integration-configuration.permission-upgraded", "integration-configuration.removed");
            assertThat(receiver.firstArrivals()).allMatch(r -> r.signedWith(secret) && r.configurationId().equals(c));

            Map<String, String> deleteEnv = new java.util.HashMap<>(env);
            deleteEnv.put("WEBHOOK_ID", hookId);
            NodeProject.Result deleted = example.run(deleteEnv, 120, "node", "webhooks.mjs", "delete");
            assertThat(deleted.exitCode()).as(deleted.output()).isZero();
            assertThat(deleted.output()).contains("\"deleted\":true").contains("\"afterDeleteStatus\":404");
        }
    }

    @Test
    void theVercelSdkReadsListsAndDeletesPersonalAndTeamConfigurations() throws Exception {
        Assumptions.assumeTrue(NodeProject.available(), "Node.js and npm are needed to run @vercel/sdk");
        NodeProject example = NodeProject.installed(EXAMPLE, "@vercel/sdk");
        Api api = new Api(server.getURI());
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(),
                "{\"slug\":\"slack\",\"name\":\"Slack\",\"scopes\":[\"read:project\"],\"icon\":\"https://example.com/s.png\"}").status())
                .isEqualTo(201);

        String user = Tokens.token("sdkUser", List.of(), false);
        String personal = api.post("/v1/integrations/configurations", user, "{\"integrationIdOrSlug\":\"slack\"}").json().get("id").asText();
        NodeProject.Result solo = example.run(Map.of("PATCHBAY_CONFIG_URL", server.getURI().toString(),
                "PATCHBAY_TOKEN", user, "CONFIG_ID", personal), 120, "node", "check.mjs");
        assertThat(solo.exitCode()).as(solo.output()).isZero();
        assertThat(solo.output()).contains("\"ok\":true").contains("\"deleted\":true").contains("\"afterDeleteStatus\":404");

        String team = Tokens.token("sdkDev", "team_sdk", TeamRole.DEVELOPER);
        String teamConfig = api.post("/v1/integrations/configurations?teamId=team_sdk", team,
                "{\"integrationIdOrSlug\":\"slack\",\"projectSelection\":\"selected\",\"projects\":[\"prj_one\"]}").json().get("id").asText();
        NodeProject.Result teamRun = example.run(Map.of("PATCHBAY_CONFIG_URL", server.getURI().toString(),
                "PATCHBAY_TOKEN", team, "CONFIG_ID", teamConfig, "TEAM_ID", "team_sdk"), 120, "node", "check.mjs");
        assertThat(teamRun.exitCode()).as(teamRun.output()).isZero();
        assertThat(teamRun.output()).contains("\"ok\":true");
    }
}
