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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new TestDatabase("config_sdk").serviceProperties();
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
