package io.patchbay.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server process (binaries from Maven Central), listening on 127.0.0.1 only, with trust
 * authentication for the user {@value #USER}. The data directory is initialised only when empty, so data survives
 * a restart on the same directory. Stopped by {@link #stop()} or, at the latest, by a JVM shutdown hook.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final Path dataDir;
    private final int port;
    private final Path runDir;
    private final Process process;
    private final String clusterName;
    private final Thread shutdownHook = new Thread(this::stop, "embedded-postgres-stop");

    private EmbeddedPostgres(Path dataDir, int port, Path runDir, Process process, String clusterName) {
        this.dataDir = dataDir;
        this.port = port;
        this.runDir = runDir;
        this.process = process;
        this.clusterName = clusterName;
    }

    /** Starts a durable server; {@code port} 0 picks a free port. */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        return builder(dataDir).port(port).start();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    /** Any password works (trust authentication); this one is handed out so clients have something to send. */
    public String password() {
        return PASSWORD;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Creates the database unless it already exists. */
    public void createDatabase(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + name, e);
            }
        }
    }

    /** Fast shutdown (SIGINT: open sessions are ended), bounded; idempotent. */
    public synchronized void stop() {
        if (process.isAlive()) {
            signalInterrupt();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    log.warn("PostgreSQL on port {} ignored the shutdown request; killing it", port);
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            log.info("PostgreSQL on port {} stopped", port);
        }
        Directories.deleteRecursively(runDir);
        removeShutdownHook();
    }

    @Override
    public void close() {
        stop();
    }

    private void signalInterrupt() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            process.destroy(); // SIGTERM: a "smart" shutdown that waits for clients, still bounded by stop()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // the JVM is already shutting down, or the hook was removed before
        }
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        return new Driver().connect(jdbcUrl(database), properties);
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            if (answersAsThisServer()) {
                return;
            }
            pause(50);
        }
        String problem = process.isAlive() ? "PostgreSQL was not ready within " + timeout
                : "PostgreSQL exited with code " + process.exitValue();
        IllegalStateException failure = failure(problem);
        stop();
        throw failure;
    }

    /** True once our own process answers; another server already on the port must not pass for it. */
    private boolean answersAsThisServer() {
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW cluster_name")) {
            return row.next() && clusterName.equals(row.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    private IllegalStateException failure(String message) {
        String log = tail(runDir.resolve("postgres.log"), 30);
        String hint = log.contains("unshare:") ? " [we run as root, so through `unshare -U`: user namespaces must be allowed]" : "";
        return new IllegalStateException(message + " (data " + dataDir + ", port " + port + ")" + hint
                + "; server log:\n" + log);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
        }
    }

    /** Options; {@link #durable(boolean)} false trades crash safety for speed and is meant for tests only. */
    public static final class Builder {
        private final Path dataDir;
        private int port;
        private boolean durable = true;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final Map<String, String> extraSettings = new LinkedHashMap<>();

        private Builder(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        /** A server setting ({@code -c name=value}) on top of the builder's own, e.g. {@code track_commit_timestamp=on}. */
        public Builder setting(String name, String value) {
            extraSettings.put(name, value);
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public EmbeddedPostgres start() {
            long started = System.nanoTime();
            Path home = PostgresBinaries.install();
            int chosenPort = Ports.freeIfZero(port);
            try {
                Path runDir = Files.createTempDirectory("patchbay-pg-");
                if (Directories.isMissingOrEmpty(dataDir)) {
                    initdb(home, runDir);
                }
                String clusterName = runDir.getFileName().toString();
                Process process = PostgresLauncher.start(home, "postgres", serverArgs(runDir, chosenPort, clusterName),
                        runDir.resolve("postgres.log"));
                EmbeddedPostgres server = new EmbeddedPostgres(dataDir, chosenPort, runDir, process, clusterName);
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                server.awaitReady(startupTimeout);
                log.info("PostgreSQL started on 127.0.0.1:{} (data {}) in {} ms", chosenPort, dataDir,
                        (System.nanoTime() - started) / 1_000_000);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDir, e);
            }
        }

        private void initdb(Path home, Path runDir) throws IOException {
            Files.createDirectories(dataDir);
            List<String> args = new ArrayList<>(List.of("-D", dataDir.toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-instructions"));
            if (!durable) {
                args.add("--no-sync");
            }
            Path log = runDir.resolve("initdb.log");
            Process initdb = PostgresLauncher.start(home, "initdb", args, log);
            try {
                if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                    initdb.destroyForcibly();
                    throw new IllegalStateException("initdb failed for " + dataDir + ":\n" + tail(log, 30));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                initdb.destroyForcibly();
                throw new IllegalStateException("Interrupted during initdb", e);
            }
        }

        private List<String> serverArgs(Path runDir, int chosenPort, String clusterName) {
            List<String> args = new ArrayList<>(List.of("-D", dataDir.toString(), "-p", Integer.toString(chosenPort),
                    "-h", "127.0.0.1", "-k", runDir.toString()));
            List<String> settings = new ArrayList<>(List.of("max_connections=200", "shared_buffers=64MB",
                    "huge_pages=off", "max_wal_size=256MB", "timezone=UTC", "cluster_name=" + clusterName));
            if (!durable) {
                settings.addAll(List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off"));
            }
            extraSettings.forEach((name, value) -> settings.add(name + "=" + value));
            settings.forEach(setting -> {
                args.add("-c");
                args.add(setting);
            });
            return args;
        }
    }
}
