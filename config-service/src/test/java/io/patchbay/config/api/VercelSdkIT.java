package io.patchbay.config.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.TopicReader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are needed to run @vercel/sdk");
        if (!Files.isDirectory(EXAMPLE.resolve("node_modules/@vercel/sdk"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300).exitCode()).isZero();
        }
        Api api = new Api(server.getURI());
        assertThat(api.post("/v1/integrations/apps", Tokens.admin(),
                "{\"slug\":\"slack\",\"name\":\"Slack\",\"scopes\":[\"read:project\"],\"icon\":\"https://example.com/s.png\"}").status())
                .isEqualTo(201);

        String user = Tokens.token("sdkUser", List.of(), false);
        String personal = api.post("/v1/integrations/configurations", user, "{\"integrationIdOrSlug\":\"slack\"}").json().get("id").asText();
        Result solo = run(List.of("node", "check.mjs"), Map.of("PATCHBAY_CONFIG_URL", server.getURI().toString(),
                "PATCHBAY_TOKEN", user, "CONFIG_ID", personal), 120);
        assertThat(solo.exitCode()).as(solo.output()).isZero();
        assertThat(solo.output()).contains("\"ok\":true").contains("\"deleted\":true").contains("\"afterDeleteStatus\":404");

        String team = Tokens.token("sdkDev", "team_sdk", TeamRole.DEVELOPER);
        String teamConfig = api.post("/v1/integrations/configurations?teamId=team_sdk", team,
                "{\"integrationIdOrSlug\":\"slack\",\"projectSelection\":\"selected\",\"projects\":[\"prj_one\"]}").json().get("id").asText();
        Result teamRun = run(List.of("node", "check.mjs"), Map.of("PATCHBAY_CONFIG_URL", server.getURI().toString(),
                "PATCHBAY_TOKEN", team, "CONFIG_ID", teamConfig, "TEAM_ID", "team_sdk"), 120);
        assertThat(teamRun.exitCode()).as(teamRun.output()).isZero();
        assertThat(teamRun.output()).contains("\"ok\":true");
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(EXAMPLE.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
