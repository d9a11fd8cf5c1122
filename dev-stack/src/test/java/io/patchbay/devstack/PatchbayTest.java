package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.infra.auth.AuthSettings;
import io.patchbay.kernel.infra.auth.TokenVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as a whole, through {@link Patchbay#run}: what goes to stdout and stderr, and the exit codes. */
class PatchbayTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();

    private int run(String... args) {
        return Patchbay.run(args, env, root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tokenPrintsOnlyATokenTheServicesAccept() {
        assertThat(run("token", "--user", "user_1", "--team", "team_a:owner", "--team", "team_b:viewer", "--admin",
                "--env", "env_9", "--ttl", "30m")).isZero();

        assertThat(out()).endsWith("\n").doesNotContain(" ");
        String token = out().strip();
        assertThat(token.lines()).hasSize(1);
        Caller caller = TokenVerifier.hs256(AuthSettings.DEV_SECRET).verify(token);
        assertThat(caller.userId()).isEqualTo("user_1");
        assertThat(caller.teams()).containsExactly(new TeamMembership("team_a", TeamRole.OWNER),
                new TeamMembership("team_b", TeamRole.VIEWER));
        assertThat(caller.isAdmin()).isTrue();
        assertThat(caller.environmentId()).contains("env_9");
        assertThat(expiry(token)).isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(err()).isEmpty();
    }

    @Test
    void aPlainTokenIsNoAdminAndLasts12Hours() {
        assertThat(run("token", "--user", "u")).isZero();
        Caller caller = TokenVerifier.hs256(AuthSettings.DEV_SECRET).verify(out().strip());
        assertThat(caller.isAdmin()).isFalse();
        assertThat(caller.teams()).isEmpty();
        assertThat(caller.environmentId()).isEmpty();
        assertThat(expiry(out().strip())).isAfter(Instant.now().plus(Duration.ofHours(11)));
    }

    @Test
    void aConfiguredSecretSignsTheTokenLikeTheServicesWouldCheckIt() {
        String secret = "another-secret-for-the-services-0123456789";
        env.put("PATCHBAY_JWT_SECRET", secret);
        assertThat(run("token", "--user", "u")).isZero();
        assertThat(TokenVerifier.hs256(secret).verify(out().strip()).userId()).isEqualTo("u");
    }

    @Test
    void badArgumentsGiveUsageOnStderrAndExit2() {
        assertThat(run("token", "--team", "team_a:owner")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("--user ID is required").contains("Usage: ./patchbay");
    }

    @Test
    void helpGoesToStdout() {
        assertThat(run("help")).isZero();
        assertThat(out()).contains("up [--fresh] [--dir DIR]").contains("PATCHBAY_PG_PORT=15432");
    }

    @Test
    void aTakenPortStopsUpBeforeAnythingStarts() throws Exception {
        FakeRepository.module(root, "config-service", true);
        Path dir = root.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            env.put("PATCHBAY_KAFKA_PORT", Integer.toString(taken.getLocalPort()));
            env.put("PATCHBAY_PG_PORT", Integer.toString(freePort()));
            env.put("PATCHBAY_CONFIG_PORT", Integer.toString(freePort()));

            assertThat(run("up", "--dir", dir.toString())).isEqualTo(1);
        }
        assertThat(err()).contains("Port " + env.get("PATCHBAY_KAFKA_PORT") + " (Kafka) is already in use")
                .contains("PATCHBAY_KAFKA_PORT=").contains("Nothing was started.");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aBadPortVariableIsAUsageError() throws Exception {
        FakeRepository.module(root, "config-service", true);
        env.put("PATCHBAY_CONFIG_PORT", "eighty");
        assertThat(run("up", "--dir", root.resolve("data").toString())).isEqualTo(2);
        assertThat(err()).contains("PATCHBAY_CONFIG_PORT must be a number");
    }

    @Test
    void freshRefusesToWipeADirectoryThatIsNotPatchbays() throws Exception {
        FakeRepository.module(root, "config-service", true);
        env.put("PATCHBAY_PG_PORT", Integer.toString(freePort()));
        env.put("PATCHBAY_KAFKA_PORT", Integer.toString(freePort()));
        env.put("PATCHBAY_CONFIG_PORT", Integer.toString(freePort()));
        Path precious = Files.writeString(Files.createDirectories(root.resolve("home")).resolve("thesis.txt"), "42");

        assertThat(run("up", "--fresh", "--dir", root.resolve("home").toString())).isEqualTo(2);
        assertThat(err()).contains("Refusing to wipe");
        assertThat(precious).hasContent("42");
    }

    @Test
    void upWithoutAnyServiceJarSaysHowToBuild() {
        assertThat(run("up", "--dir", root.resolve("data").toString())).isEqualTo(1);
        assertThat(err()).contains("No service to start");
    }

    @Test
    void statusWithNothingRunningIsDownAndExits1() throws Exception {
        FakeRepository.module(root, "config-service", true);
        env.put("PATCHBAY_CONFIG_PORT", Integer.toString(freePort()));
        env.put("PATCHBAY_PG_PORT", Integer.toString(freePort()));
        env.put("PATCHBAY_KAFKA_PORT", Integer.toString(freePort()));
        assertThat(run("status", "--dir", root.resolve("data").toString())).isEqualTo(1);
        assertThat(out()).containsPattern("config-service +" + env.get("PATCHBAY_CONFIG_PORT") + " +DOWN")
                .containsPattern("oauth-service +- +not part of this stack")
                .contains("./patchbay up");
    }

    private static Instant expiry(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher exp = java.util.regex.Pattern.compile("\"exp\":(\\d+)").matcher(payload);
        assertThat(exp.find()).isTrue();
        return Instant.ofEpochSecond(Long.parseLong(exp.group(1)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
