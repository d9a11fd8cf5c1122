package io.patchbay.systemtest;

import io.patchbay.test.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform as separate processes: {@code ./patchbay up} (embedded PostgreSQL and Kafka, the four services
 * from their packaged jars) on free ports, plus any extra instances of a service started from the same jar against
 * the same database and broker, the way a second replica would run. Closing it stops everything (Ctrl-C to the
 * launcher, SIGKILL to the extra instances).
 */
final class Platform implements AutoCloseable {
    static final List<String> SERVICES = List.of("config-service", "environment-service", "oauth-service", "catalog-service");
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(240);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final Path dir;
    private final Launcher launcher;
    private final Map<String, String> env;
    private final int pgPort;
    private final int kafkaPort;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> extras = new ArrayList<>();
    private final long startMillis;

    private Platform(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = env;
        this.pgPort = Integer.parseInt(env.get("PATCHBAY_PG_PORT"));
        this.kafkaPort = Integer.parseInt(env.get("PATCHBAY_KAFKA_PORT"));
        long started = System.nanoTime();
        this.launcher = Launcher.start(env, "up", "--fresh", "--dir", dir.toString());
        try {
            await("'Patchbay is up.'").atMost(UP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .failFast("./patchbay exited:\n" + launcher.output(), () -> !launcher.process().isAlive())
                    .until(() -> launcher.printed("Patchbay is up."));
        } catch (RuntimeException | Error e) {
            launcher.close();
            throw e;
        }
        this.startMillis = (System.nanoTime() - started) / 1_000_000;
        ports.putAll(launcher.servicePorts());
    }

    /** {@code ./patchbay up --fresh} in {@code dir} with free ports and {@code partitions} lifecycle partitions. */
    static Platform up(Path dir, int partitions) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String variable : List.of("PATCHBAY_CONFIG_PORT", "PATCHBAY_ENVIRONMENT_PORT", "PATCHBAY_OAUTH_PORT",
                "PATCHBAY_CATALOG_PORT", "PATCHBAY_PG_PORT", "PATCHBAY_KAFKA_PORT")) {
            env.put(variable, Integer.toString(Launcher.freePort()));
        }
        env.put("PATCHBAY_TOPIC_PARTITIONS", Integer.toString(partitions));
        Platform platform = new Platform(dir, env);
        assertThat(platform.ports.keySet()).as("./patchbay up runs every service").containsExactlyElementsOf(SERVICES);
        return platform;
    }

    long startMillis() {
        return startMillis;
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Connection database(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/" + service.replace('-', '_'),
                "postgres", "postgres");
    }

    /** A token from {@code ./patchbay token}, e.g. {@code token("--user", "ann", "--team", "team_a:OWNER")}. */
    String token(String... args) {
        List<String> command = new ArrayList<>(List.of("token"));
        command.addAll(List.of(args));
        try (Launcher token = Launcher.start(env, command.toArray(String[]::new))) {
            assertThat(token.awaitExit(60)).as(token.output()).isZero();
            return token.lines().stream().filter(line -> line.startsWith("ey")).findFirst()
                    .orElseThrow(() -> new AssertionError("no token in: " + token.output()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What {@code ./patchbay status} prints for this stack. */
    String status() throws InterruptedException {
        try (Launcher status = Launcher.start(env, "status", "--dir", dir.toString())) {
            status.awaitExit(60);
            return status.output();
        }
    }

    /**
     * Runs a bash script at the repository root with this stack's ports in the environment (so {@code ./patchbay
     * token|events|status} find it); stdout and stderr together.
     */
    ShellResult shell(String script, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(Launcher.repositoryRoot().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("script did not finish within " + timeoutSeconds + " s:\n"
                    + new String(output.join(), StandardCharsets.UTF_8));
        }
        return new ShellResult(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
    }

    record ShellResult(int exitCode, String output) {
    }

    /** Another instance of {@code service} (same jar, database, broker and consumer group) on a free port. */
    Instance startInstance(String service) {
        int port = Launcher.freePort();
        Process process = startService(service, Map.of(
                "PATCHBAY_HTTP_PORT", Integer.toString(port),
                "PATCHBAY_DB_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + service.replace('-', '_'),
                "PATCHBAY_DB_USER", "postgres",
                "PATCHBAY_DB_PASSWORD", "postgres",
                "PATCHBAY_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap(),
                "PATCHBAY_CONFIG_SERVICE_URL", url("config-service"),
                "PATCHBAY_TOPIC_PARTITIONS", env.get("PATCHBAY_TOPIC_PARTITIONS")), dir.resolve("logs").resolve(service + "-2.log"));
        extras.add(process);
        Instance instance = new Instance(service, port, process);
        awaitHealthy(instance);
        return instance;
    }

    /**
     * {@code service} from its packaged jar as its own process with {@code env} added to this JVM's environment, its
     * output appended to {@code log}; killed with this JVM where {@code setpriv} exists.
     */
    static Process startService(String service, Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-Xmx256m",
                "-jar", jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the instance answers {@code GET /health} (its HTTP server is up; readiness may still be DOWN). */
    static void awaitStarted(Instance instance) {
        Api api = new Api(URI.create(instance.url()));
        await(instance.service() + " started").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .failFast(instance.service() + " exited", () -> !instance.process().isAlive())
                .until(() -> api.get("/health/liveness", null).status() == 200);
    }

    private static void awaitHealthy(Instance instance) {
        Api api = new Api(URI.create(instance.url()));
        await(instance.service() + " healthy").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .failFast(instance.service() + " exited", () -> !instance.process().isAlive())
                .until(() -> api.get("/health", null).status() == 200);
    }

    private static Path jar(String service) {
        Path target = Launcher.repositoryRoot().resolve(service).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(service) + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no packaged jar in " + target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        extras.forEach(Process::destroyForcibly);
        launcher.interrupt();
        // the first stop after a build writes the services' start-up caches (AotCache): up to minutes when loaded
        launcher.awaitExit(300);
        launcher.close();
    }

    /** A service process outside the launcher. */
    record Instance(String service, int port, Process process) {
        String url() {
            return "http://localhost:" + port;
        }

        /** SIGKILL: no shutdown hook, no offset commit, no outbox mark. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
