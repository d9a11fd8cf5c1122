package io.patchbay.devstack;

import io.patchbay.infra.embedded.Directories;
import io.patchbay.infra.embedded.EmbeddedKafka;
import io.patchbay.infra.embedded.EmbeddedPostgres;
import io.patchbay.kernel.event.LifecycleTopic;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./patchbay up}: embedded PostgreSQL (one database per service), an embedded Kafka broker, then every service
 * that has a runnable jar as its own process; waits until each answers {@code GET /health} with 200, prints where
 * everything is, and keeps running until Ctrl-C (SIGINT) or SIGTERM. Stopping goes services → Kafka → PostgreSQL.
 * <p>
 * Everything is started and stopped by the thread that calls {@link #up(boolean)}; a signal only asks it to stop,
 * so the order holds even when the signal arrives halfway through the start.
 */
final class DevStack {

    static final String MARKER = ".patchbay-data";
    static final Duration ADMIN_TOKEN_TTL = Duration.ofHours(12);
    private static final long STOP_GRACE_MILLIS = 10_000;
    /** A service writing its start-up cache (AotCache) as it stops: minutes on a loaded 2-core machine. */
    private static final long TRAINING_STOP_GRACE_MILLIS = 300_000;
    private static final int LOG_TAIL_LINES = 30;
    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at .*|\\.\\.\\. \\d+ (more|common frames omitted))");

    private final Settings settings;
    private final Path dir;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> serviceEnv;
    private final Map<String, String> postgresSettings;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean stopRequested;

    // guarded by this
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;
    private boolean stopped;

    /** A service that will be started: its definition, jar and port. */
    record Planned(ServiceDefinition service, Path jar, int port) {
    }

    /** Startup cannot go on; the message says why (and shows the log tail when a service is at fault). */
    static final class StartupFailed extends RuntimeException {
        StartupFailed(String message) {
            super(message);
        }
    }

    private static final class StartupAborted extends RuntimeException {
    }

    DevStack(Settings settings, Path dir, PrintStream out, PrintStream err) {
        this(settings, dir, out, err, Map.of(), Map.of());
    }

    /**
     * With {@code serviceEnv} added to every service's environment (the bench lifts the per-caller rate limit) and
     * {@code postgresSettings} given to the PostgreSQL server (the bench turns on commit timestamps).
     */
    DevStack(Settings settings, Path dir, PrintStream out, PrintStream err, Map<String, String> serviceEnv,
             Map<String, String> postgresSettings) {
        this.settings = settings;
        this.dir = dir;
        this.out = out;
        this.err = err;
        this.serviceEnv = Map.copyOf(serviceEnv);
        this.postgresSettings = Map.copyOf(postgresSettings);
    }

    /** The services with a runnable jar, in start order; modules without sources are skipped quietly. */
    List<Planned> plan() {
        List<Planned> plan = new ArrayList<>();
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            Optional<Path> jar = ServiceJars.runnableJar(settings.root(), service);
            if (jar.isPresent()) {
                plan.add(new Planned(service, jar.get(), settings.port(service)));
            } else if (ServiceJars.hasSources(settings.root(), service)) {
                err.println("Note: " + service.name() + " has sources but no runnable jar in " + service.name()
                        + "/target; it is not started (./patchbay builds it when started from the repository root).");
            }
        }
        return plan;
    }

    List<PortCheck.Claim> portClaims(List<Planned> plan) {
        List<PortCheck.Claim> claims = new ArrayList<>();
        claims.add(new PortCheck.Claim("PostgreSQL", settings.pgPort(), Settings.PG_PORT));
        claims.add(new PortCheck.Claim("Kafka", settings.kafkaPort(), Settings.KAFKA_PORT));
        plan.forEach(p -> claims.add(new PortCheck.Claim(p.service().name(), p.port(), p.service().portVariable())));
        return claims;
    }

    /** A started stack: where PostgreSQL and Kafka are, what every service got, the service processes, how long it took. */
    record Running(int pgPort, String kafkaBootstrap, Map<String, String> commonEnv, List<ServiceProcess> services,
                   Duration took) {
    }

    /** Runs the stack until a stop is requested; returns the exit code (0 after a clean stop). */
    int up(boolean fresh) {
        Optional<List<Planned>> plan = startablePlan();
        if (plan.isEmpty()) {
            return 1;
        }
        int code;
        try {
            start(plan.get(), fresh);
            awaitStopSignal();
            code = 0;
        } catch (UsageException e) {
            throw e; // nothing was started (e.g. --fresh refusing to wipe a directory that is not Patchbay's)
        } catch (StartupAborted e) {
            code = 130;
        } catch (StartupFailed e) {
            err.println(e.getMessage());
            code = 1;
        } catch (RuntimeException e) {
            err.println("Patchbay could not start: " + describe(e));
            err.println("(PostgreSQL and Kafka log to " + display(dir.resolve("logs/infra.log")) + ")");
            code = 1;
        }
        out.println("Stopping...");
        stop();
        out.println("Patchbay stopped.");
        return code;
    }

    /** The services to start, or empty (after saying why) when there is none or a port is taken: nothing was started. */
    Optional<List<Planned>> startablePlan() {
        List<Planned> plan = plan();
        if (plan.isEmpty()) {
            err.println("No service to start: no module has a runnable jar under " + settings.root()
                    + ". Run ./patchbay from the repository root (it builds what is missing).");
            return Optional.empty();
        }
        List<String> problems = PortCheck.problems(portClaims(plan));
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println("Nothing was started.");
            return Optional.empty();
        }
        return Optional.of(plan);
    }

    /**
     * Starts PostgreSQL, Kafka and the planned services and waits until every one is healthy; the caller stops the stack
     * with {@link #stop()} (also a shutdown hook). Throws {@link StartupFailed} with the reason when a part cannot start.
     */
    Running start(List<Planned> plan, boolean fresh) {
        long startNanos = System.nanoTime();
        prepareDirectory(fresh);
        // before the first logger exists: Kafka's and PostgreSQL's own logs go to <dir>/logs/infra.log (logback.xml)
        System.setProperty("patchbay.logs", dir.resolve("logs").toString());
        Signals.onStop(this::requestStop, this::forceStop);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "patchbay-stop"));

        out.println("Starting Patchbay (data in " + display(dir) + ")");
        Map<String, String> common = startInfrastructure();
        startServices(plan, common);
        awaitHealthy();
        new StackState(ProcessHandle.current().pid(), settings.pgPort(), settings.kafkaPort(), ports(plan)).write(dir);
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        printBanner(plan, took);
        out.println("Patchbay is up.");
        return new Running(settings.pgPort(), common.get("PATCHBAY_KAFKA_BOOTSTRAP_SERVERS"), Map.copyOf(common),
                snapshotServices(), took);
    }

    private void prepareDirectory(boolean fresh) {
        try {
            if (fresh && Files.exists(dir)) {
                if (!Files.exists(dir.resolve(MARKER)) && !isEmptyDirectory(dir)) {
                    throw new UsageException("Refusing to wipe " + dir + ": it is not a Patchbay data directory (no "
                            + MARKER + " file in it).");
                }
                out.println("--fresh: deleting " + display(dir));
                Directories.deleteRecursively(dir);
            }
            Files.createDirectories(dir.resolve("logs"));
            Path marker = dir.resolve(MARKER);
            if (!Files.exists(marker)) {
                Files.writeString(marker, "Data of ./patchbay up (PostgreSQL, Kafka, logs). ./patchbay up --fresh deletes it.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    private Map<String, String> startInfrastructure() {
        long started = System.nanoTime();
        // Kafka (in this process) starts on its own thread while PostgreSQL (a process of its own) starts: neither needs
        // the other, and each spends much of its start waiting
        CompletableFuture<EmbeddedKafka> kafkaStart = new CompletableFuture<>();
        Thread.ofPlatform().name("kafka-start").daemon().start(() -> {
            try {
                EmbeddedKafka broker = EmbeddedKafka.start(dir.resolve("kafka"), settings.kafkaPort());
                try {
                    broker.createTopic(LifecycleTopic.NAME, settings.topicPartitions());
                    broker.createTopic(LifecycleTopic.DEAD_LETTER, settings.topicPartitions());
                } catch (RuntimeException e) {
                    broker.stop();
                    throw e;
                }
                kafkaStart.complete(broker);
            } catch (Throwable e) {
                kafkaStart.completeExceptionally(e);
            }
        });
        EmbeddedPostgres pg;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder(dir.resolve("postgres")).port(settings.pgPort()).durable(true);
            postgresSettings.forEach(builder::setting);
            pg = builder.start();
            register(pg);
            for (ServiceDefinition service : ServiceDefinition.ALL) {
                pg.createDatabase(service.database());
            }
        } catch (RuntimeException e) {
            kafkaStart.thenAccept(EmbeddedKafka::stop); // a broker that still comes up is stopped right away
            throw e;
        }
        out.printf("  PostgreSQL  127.0.0.1:%d ready (%s)%n", pg.port(), seconds(started));

        // registered before any check for a stop, so that a stop during the start stops the broker too
        EmbeddedKafka broker;
        try {
            broker = kafkaStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        register(broker);
        out.printf("  Kafka       %s ready (%s)%n", broker.bootstrapServers(), seconds(started));
        checkNotStopping();

        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATCHBAY_DB_USER", pg.user());
        env.put("PATCHBAY_DB_PASSWORD", pg.password());
        env.put("PATCHBAY_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("PATCHBAY_CONFIG_SERVICE_URL", Health.baseUrl(settings.port(configService())));
        env.put(Settings.WEBHOOK_ALLOW_PRIVATE, settings.webhookAllowPrivate());
        env.putAll(serviceEnv);
        return env;
    }

    private void startServices(List<Planned> plan, Map<String, String> common) {
        for (Planned planned : plan) {
            Map<String, String> env = new LinkedHashMap<>(common);
            env.put("PATCHBAY_HTTP_PORT", Integer.toString(planned.port()));
            env.put("PATCHBAY_PUBLIC_URL", Health.baseUrl(planned.port()));
            env.put("PATCHBAY_DB_URL", postgres().jdbcUrl(planned.service().database()));
            Path log = dir.resolve("logs").resolve(planned.service().name() + ".log");
            try {
                register(ServiceProcess.start(planned.service(), planned.jar(), planned.port(), env,
                        settings.serviceJavaOptions(), log));
            } catch (IOException e) {
                throw new StartupFailed("Cannot start " + planned.service().name() + ": " + e.getMessage());
            }
            out.printf("  %-20s starting on port %d (pid %d)%n", planned.service().name(), planned.port(),
                    lastService().pid());
        }
    }

    /** Polls every service's {@code GET /health} until all answer 200; a service that dies or times out fails the start. */
    private void awaitHealthy() {
        long started = System.nanoTime();
        Duration timeout = settings.startTimeout();
        long deadline = started + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(snapshotServices());
        while (!waiting.isEmpty()) {
            checkNotStopping();
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new StartupFailed(service.service().name() + " exited with code " + service.exitValue()
                            + " while starting. Last lines of " + display(service.log()) + " (stack frames left out):\n"
                            + tail(service.log()));
                }
                if (Health.isUp(service.port())) {
                    out.printf("  %-20s up (%s)%n", service.service().name(), seconds(started));
                    waiting.remove(service);
                }
            }
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    ServiceProcess late = waiting.getFirst();
                    throw new StartupFailed(late.service().name() + " did not answer GET " + Health.baseUrl(late.port())
                            + "/health with 200 within " + timeout.toSeconds() + " s (" + Settings.START_TIMEOUT + " gives more). Last lines of "
                            + display(late.log()) + " (stack frames left out):\n" + tail(late.log()));
                }
                sleep(250);
            }
        }
    }

    private void printBanner(List<Planned> plan, Duration took) {
        String token = Tokens.minter(settings).mint("admin", List.of(), List.of("admin"), null, ADMIN_TOKEN_TTL);
        out.println();
        for (ServiceProcess service : snapshotServices()) {
            String url = Health.baseUrl(service.port());
            out.printf("  %-20s %s%n", service.service().name(), url);
            out.printf("  %-20s   Swagger UI  %s/swagger-ui/index.html%n", "", url);
            out.printf("  %-20s   log         %s%n", "", display(service.log()));
        }
        out.printf("  %-20s jdbc:postgresql://127.0.0.1:%d/<service>_service  (user %s)%n", "PostgreSQL",
                settings.pgPort(), EmbeddedPostgres.USER);
        out.printf("  %-20s 127.0.0.1:%d%n", "Kafka", settings.kafkaPort());
        out.println();
        out.println("  Admin token (valid " + ADMIN_TOKEN_TTL.toHours() + " h; ./patchbay token --help for others):");
        out.println("    export TOKEN=" + token);
        plan.stream().filter(p -> p.service().name().equals(ServiceDefinition.CONFIG_SERVICE)).findFirst()
                .ifPresent(config -> {
                    out.println("  Try it:");
                    out.println("    curl -H \"Authorization: Bearer $TOKEN\" " + Health.baseUrl(config.port())
                            + "/v1/integrations/apps");
                });
        out.println();
        out.printf(Locale.ROOT, "  Started in %.1f s. Press Ctrl-C to stop everything.%n", took.toMillis() / 1000.0);
    }

    private void awaitStopSignal() {
        try {
            stopSignal.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From a signal handler: the starting/waiting thread stops everything in order. */
    void requestStop() {
        stopRequested = true;
        stopSignal.countDown();
    }

    /** A second Ctrl-C: no more waiting; the kernel's parent-death signals end the child processes. */
    private void forceStop() {
        err.println("Stopping forcibly.");
        snapshotServices().forEach(service -> ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly));
        Runtime.getRuntime().halt(130);
    }

    /** Services (SIGTERM, up to 10 s each, then killed), then Kafka, then PostgreSQL; idempotent. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        services.forEach(ServiceProcess::requestStop);
        List<String> training = services.stream().filter(ServiceProcess::trainsStartupCache).map(s -> s.service().name()).toList();
        if (!training.isEmpty()) {
            err.println("Writing the start-up caches of " + String.join(", ", training) + " (first stop after a build; "
                    + "later starts are faster)...");
        }
        services.forEach(service -> service.awaitStop(service.trainsStartupCache() ? TRAINING_STOP_GRACE_MILLIS : STOP_GRACE_MILLIS));
        quietly(() -> {
            if (kafka != null) {
                kafka.stop();
            }
        });
        quietly(() -> {
            if (postgres != null) {
                postgres.stop();
            }
        });
        StackState.delete(dir);
    }

    private synchronized void register(EmbeddedPostgres pg) {
        postgres = pg;
        if (stopped) {
            pg.stop();
            throw new StartupAborted();
        }
    }

    private synchronized void register(EmbeddedKafka broker) {
        kafka = broker;
        if (stopped) {
            broker.stop();
            throw new StartupAborted();
        }
    }

    private synchronized void register(ServiceProcess service) {
        services.add(service);
        if (stopped) {
            service.requestStop();
            service.awaitStop(STOP_GRACE_MILLIS);
            throw new StartupAborted();
        }
    }

    private synchronized EmbeddedPostgres postgres() {
        return postgres;
    }

    private synchronized ServiceProcess lastService() {
        return services.getLast();
    }

    private synchronized List<ServiceProcess> snapshotServices() {
        return List.copyOf(services);
    }

    private void checkNotStopping() {
        if (stopRequested) {
            throw new StartupAborted();
        }
    }

    private ServiceDefinition configService() {
        return ServiceDefinition.ALL.stream().filter(s -> s.name().equals(ServiceDefinition.CONFIG_SERVICE))
                .findFirst().orElseThrow();
    }

    private static Map<String, Integer> ports(List<Planned> plan) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        plan.forEach(p -> ports.put(p.service().name(), p.port()));
        return ports;
    }

    /** A path relative to the current directory when it is below it: shorter to read, still copy-pasteable. */
    static String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    /** The last 30 lines of a log, stack frames left out so that the exception messages fit. */
    static String tail(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> all = lines.filter(line -> !STACK_FRAME.matcher(line).matches()).toList();
            return "    " + String.join("\n    ", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "    (no log: " + e.getMessage() + ")";
        }
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append("\n  caused by: ").append(cause);
        }
        return message.toString();
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupAborted();
        }
    }

    private void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            err.println("While stopping: " + describe(e));
        }
    }
}
