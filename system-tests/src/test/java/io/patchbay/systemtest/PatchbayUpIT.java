package io.patchbay.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path: {@code ./patchbay up} from the repository root starts PostgreSQL, Kafka and config-service,
 * prints a working admin token, and Ctrl-C leaves nothing behind. Ports are picked free, so a stack already running
 * on the default ports is no obstacle. Runs the packaged jars ({@code ./mvnw verify}); it must not need a build.
 */
class PatchbayUpIT {

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

            assertThat(get(configPort, "/health", Optional.empty()).statusCode()).isEqualTo(200);
            Map<String, Integer> services = startedServices(launcher);
            assertThat(services).containsEntry("config-service", configPort);
            for (Map.Entry<String, Integer> service : services.entrySet()) {
                assertThat(get(service.getValue(), "/health", Optional.empty()).statusCode())
                        .as(service.getKey() + " /health").isEqualTo(200);
            }
            String token = launcher.lines().stream().filter(line -> line.contains("export TOKEN="))
                    .map(line -> line.substring(line.indexOf("export TOKEN=") + "export TOKEN=".length()).strip())
                    .findFirst().orElseThrow(() -> new AssertionError("no token in:\n" + launcher.output()));
            HttpResponse<String> apps = get(configPort, "/v1/integrations/apps", Optional.of(token));
            assertThat(apps.statusCode()).as(apps.body()).isEqualTo(200);
            assertThat(get(configPort, "/v1/integrations/apps", Optional.empty()).statusCode()).isEqualTo(401);

            try (Launcher status = Launcher.start(ports(), "status", "--dir", dir.toString())) {
                assertThat(status.awaitExit(60)).as(status.output()).isZero();
                assertThat(status.output()).containsPattern("config-service +" + configPort + " +UP");
            }

            List<ProcessHandle> children = launcher.process().descendants().toList();
            assertThat(children).as("PostgreSQL and config-service run as child processes")
                    .anySatisfy(child -> assertThat(commandLine(child)).contains("postgres"))
                    .anySatisfy(child -> assertThat(commandLine(child)).contains("config-service"));

            launcher.interrupt();
            assertThat(launcher.awaitExit(60)).as(launcher.output()).isZero();
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

    private static HttpResponse<String> get(int port, String path, Optional<String> token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The services the banner lists: {@code "  config-service       http://localhost:18081"}. */
    private static Map<String, Integer> startedServices(Launcher launcher) {
        Map<String, Integer> services = new java.util.LinkedHashMap<>();
        Pattern banner = Pattern.compile("\\s+([a-z]+-service)\\s+http://localhost:(\\d+)");
        for (String line : launcher.lines()) {
            Matcher matcher = banner.matcher(line);
            if (matcher.matches()) {
                services.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
        return services;
    }

    private static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }
}
