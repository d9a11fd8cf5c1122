package io.patchbay.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.patchbay.test.Api;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path: {@code ./patchbay up} from the repository root starts PostgreSQL, Kafka and every service,
 * prints a working admin token, and Ctrl-C leaves nothing behind. Ports are picked free, so a stack already running
 * on the default ports is no obstacle. Runs the packaged jars ({@code ./mvnw verify}); it must not need a build.
 */
class PatchbayUpIT {

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dataDir;

    private final int configPort = Launcher.freePort();
    private final int pgPort = Launcher.freePort();
    private final int kafkaPort = Launcher.freePort();

    private Map<String, String> ports() {
        return Map.of("PATCHBAY_CONFIG_PORT", Integer.toString(configPort),
                "PATCHBAY_ENVIRONMENT_PORT", Integer.toString(Launcher.freePort()),
                "PATCHBAY_OAUTH_PORT", Integer.toString(Launcher.freePort()),
                "PATCHBAY_CATALOG_PORT", Integer.toString(Launcher.freePort()),
                "PATCHBAY_PG_PORT", Integer.toString(pgPort),
                "PATCHBAY_KAFKA_PORT", Integer.toString(kafkaPort));
    }

    @Test
    void upServesTheApiWithThePrintedTokenAndCtrlCLeavesNothingBehind() throws Exception {
        Path dir = dataDir.resolve("stack");
        try (Launcher launcher = Launcher.start(ports(), "up", "--dir", dir.toString())) {
            long started = System.nanoTime();
            await("'Patchbay is up.'").atMost(UP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .failFast("./patchbay exited", () -> !launcher.process().isAlive())
                    .until(() -> launcher.printed("Patchbay is up."));
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("PATCHBAY_UP_MILLIS=" + millis);

            assertThat(launcher.output()).as("./patchbay up must run the jars the reactor just packaged")
                    .doesNotContain("patchbay: building");
            assertThat(launcher.output()).contains("http://localhost:" + configPort + "/swagger-ui/index.html");

            assertThat(get(configPort, "/health", Optional.empty()).status()).isEqualTo(200);
            Map<String, Integer> services = launcher.servicePorts();
            assertThat(services).containsEntry("config-service", configPort);
            for (Map.Entry<String, Integer> service : services.entrySet()) {
                assertThat(get(service.getValue(), "/health", Optional.empty()).status())
                        .as(service.getKey() + " /health").isEqualTo(200);
            }
            String token = launcher.lines().stream().filter(line -> line.contains("export TOKEN="))
                    .map(line -> line.substring(line.indexOf("export TOKEN=") + "export TOKEN=".length()).strip())
                    .findFirst().orElseThrow(() -> new AssertionError("no token in:\n" + launcher.output()));
            Api.Response apps = get(configPort, "/v1/integrations/apps", Optional.of(token));
            assertThat(apps.status()).as(apps.toString()).isEqualTo(200);
            assertThat(get(configPort, "/v1/integrations/apps", Optional.empty()).status()).isEqualTo(401);

            try (Launcher status = Launcher.start(ports(), "status", "--dir", dir.toString())) {
                assertThat(status.awaitExit(60)).as(status.output()).isZero();
                assertThat(status.output()).containsPattern("config-service +" + configPort + " +UP");
            }

            List<ProcessHandle> children = launcher.process().descendants().toList();
            assertThat(children).as("PostgreSQL and config-service run as child processes")
                    .anySatisfy(child -> assertThat(commandLine(child)).contains("postgres"))
                    .anySatisfy(child -> assertThat(commandLine(child)).contains("config-service"));

            launcher.interrupt();
            // the first stop after a build writes config-service's start-up cache (AotCache): a minute or more when loaded
            assertThat(launcher.awaitExit(300)).as(launcher.output()).isZero();
            assertThat(launcher.lines()).contains("Patchbay stopped.");

            await("child processes gone").atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
            await("ports free").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(List.of(configPort, pgPort, kafkaPort)).allMatch(Launcher::isFree));
        }
    }

    @Test
    void aTakenPortIsNamedAndNothingStarts() throws Exception {
        Path dir = dataDir.resolve("never");
        try (java.net.ServerSocket taken = new java.net.ServerSocket(configPort);
             Launcher launcher = Launcher.start(ports(), "up", "--dir", dir.toString())) {
            int exit = launcher.awaitExit(120);

            assertThat(exit).isNotZero();
            assertThat(launcher.output())
                    .contains("Port " + configPort + " (config-service) is already in use")
                    .contains("PATCHBAY_CONFIG_PORT=<port> ./patchbay up")
                    .contains("Nothing was started.")
                    .doesNotContain("Patchbay is up.");
            assertThat(dir).doesNotExist();
            assertThat(List.of(pgPort, kafkaPort)).allMatch(Launcher::isFree);
        }
    }

    private static Api.Response get(int port, String path, Optional<String> token) {
        return new Api(URI.create("http://localhost:" + port)).get(path, token.orElse(null));
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
