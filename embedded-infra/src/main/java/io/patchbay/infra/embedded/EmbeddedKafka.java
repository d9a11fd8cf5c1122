package io.patchbay.infra.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process, single-node Kafka broker in KRaft mode (broker and controller combined), listening on 127.0.0.1
 * only. It can be stopped and started again on the same ports and log directory; data survives.
 *
 * <p>Always a {@code PLAINTEXT} listener (clients, inter-broker traffic, set-up) and a {@code CONTROLLER} listener;
 * optionally a {@code SASL_SSL} listener with SCRAM-SHA-512 ({@link Builder#saslSsl(TlsCertificates)}), whose users
 * are managed with {@link #setScramPassword(String, String)}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The only SASL mechanism of the {@code SASL_SSL} listener. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";
    private static final String PLAINTEXT = "PLAINTEXT";
    private static final String SASL_SSL = "SASL_SSL";
    /** The smallest count Kafka accepts for SCRAM-SHA-512. */
    private static final int SCRAM_ITERATIONS = 4096;
    private static final Duration CREDENTIAL_DEADLINE = Duration.ofSeconds(30);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int saslSslPort;
    private final TlsCertificates certificates;
    private final KafkaConfig config;
    private final Thread shutdownHook = new Thread(this::stop, "embedded-kafka-stop");
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, int port, int controllerPort, int saslSslPort, TlsCertificates certificates) {
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslSslPort = saslSslPort;
        this.certificates = certificates;
        this.config = KafkaConfig.fromProps(properties(), false);
    }

    /** Formats {@code logDir} if new and starts the broker; {@code port} 0 picks a free port, kept for restarts. */
    public static EmbeddedKafka start(Path logDir, int port) {
        return builder(logDir).port(port).start();
    }

    public static Builder builder(Path logDir) {
        return new Builder(logDir);
    }

    /** What {@link #start(Path, int)} does, plus an optional {@code SASL_SSL} listener. */
    public static final class Builder {
        private final Path logDir;
        private int port;
        private TlsCertificates certificates;

        private Builder(Path logDir) {
            this.logDir = logDir;
        }

        /** Port of the {@code PLAINTEXT} listener; 0 (the default) picks a free one, kept for restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Adds a {@code SASL_SSL} listener on a free port (kept for restarts): TLS with the broker key store of
         * {@code certificates}, no client certificate, SASL mechanism SCRAM-SHA-512 only. It has no users until
         * {@link EmbeddedKafka#setScramPassword(String, String)}.
         */
        public Builder saslSsl(TlsCertificates certificates) {
            this.certificates = certificates;
            return this;
        }

        public EmbeddedKafka start() {
            EmbeddedKafka kafka = new EmbeddedKafka(logDir, Ports.freeIfZero(port), Ports.free(),
                    certificates == null ? 0 : Ports.free(), certificates);
            kafka.start();
            return kafka;
        }
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and log directory; no-op if running. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        formatIfNew();
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw new IllegalStateException("Kafka failed to start on " + bootstrapServers() + " (" + logDir + ")", e);
        }
        server = starting;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        log.info("Kafka started on {}{} (logs {}) in {} ms", bootstrapServers(),
                hasSaslSsl() ? ", SASL_SSL on " + saslSslBootstrapServers() : "", logDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Shuts the broker down and waits for it; idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // called from the hook itself while the JVM shuts down
        }
        log.info("Kafka on {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The {@code PLAINTEXT} listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean hasSaslSsl() {
        return certificates != null;
    }

    /** The {@code SASL_SSL} listener; only with {@link Builder#saslSsl(TlsCertificates)}. */
    public String saslSslBootstrapServers() {
        requireSaslSsl();
        return "127.0.0.1:" + saslSslPort;
    }

    /** The certificates of the {@code SASL_SSL} listener; only with {@link Builder#saslSsl(TlsCertificates)}. */
    public TlsCertificates certificates() {
        requireSaslSsl();
        return certificates;
    }

    /**
     * Creates the SCRAM-SHA-512 user or replaces its password (through the {@code PLAINTEXT} listener, as
     * {@code kafka-configs --alter --add-config SCRAM-SHA-512=[password=…]} would), then returns once a client with
     * exactly these credentials authenticates on the {@code SASL_SSL} listener, so the change is in force when this
     * returns. Clients still using another password get {@code SaslAuthenticationException} from then on.
     */
    public void setScramPassword(String user, String password) {
        requireSaslSsl();
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A SCRAM user needs a name and a non-empty password");
        }
        long started = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot set the SCRAM credential of user " + user, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out setting the SCRAM credential of user " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted setting the SCRAM credential of user " + user, e);
        }
        int attempts = awaitAuthentication(user, password);
        log.info("SCRAM-SHA-512 credential of user {} in force after {} ms ({} authentication attempt(s))", user,
                (System.nanoTime() - started) / 1_000_000, attempts);
    }

    /**
     * Client settings for the {@code SASL_SSL} listener: bootstrap servers, security protocol, SCRAM-SHA-512 with the
     * JAAS line for {@code user}/{@code password}, and the PKCS12 trust store holding the CA.
     */
    public Map<String, Object> saslSslClientProperties(String user, String password) {
        requireSaslSsl();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, saslSslBootstrapServers());
        properties.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, SASL_SSL);
        properties.put(SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(user, password));
        properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certificates.truststore().toString());
        properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, certificates.truststorePassword());
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, TlsCertificates.STORE_TYPE);
        return properties;
    }

    /**
     * {@code org.apache.kafka.common.security.scram.ScramLoginModule required username="…" password="…";} with
     * backslashes and double quotes escaped the way Kafka's JAAS parser reads them back.
     */
    public static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + jaasQuote(user)
                + "\" password=\"" + jaasQuote(password) + "\";";
    }

    private static String jaasQuote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Retries a SASL_SSL handshake with these credentials until the broker's credential cache has them. */
    private int awaitAuthentication(String user, String password) {
        Map<String, Object> properties = new LinkedHashMap<>(saslSslClientProperties(user, password));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        long deadline = System.nanoTime() + CREDENTIAL_DEADLINE.toNanos();
        SaslAuthenticationException last;
        int attempts = 0;
        do {
            attempts++;
            try (Admin admin = Admin.create(properties)) {
                admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
                return attempts;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException refused)) {
                    throw new IllegalStateException("User " + user + " cannot reach the SASL_SSL listener", e.getCause());
                }
                last = refused; // the controller committed the credential; the broker has not applied it yet
            } catch (TimeoutException e) {
                throw new IllegalStateException("Timed out authenticating user " + user + " on the SASL_SSL listener", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted authenticating user " + user, e);
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("The broker still refuses the new SCRAM credential of user " + user
                + " after " + CREDENTIAL_DEADLINE.toSeconds() + " s", last);
    }

    private void requireSaslSsl() {
        if (certificates == null) {
            throw new IllegalStateException("This broker has no SASL_SSL listener (EmbeddedKafka.builder(…).saslSsl(…))");
        }
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Creates the topic (replication factor 1) unless it exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + name, e);
        }
    }

    private void formatIfNew() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format KRaft storage in " + logDir, e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER);
        String plaintext = PLAINTEXT + "://127.0.0.1:" + port;
        String controller = CONTROLLER + "://127.0.0.1:" + controllerPort;
        if (certificates == null) {
            p.put("listeners", plaintext + "," + controller);
            p.put("advertised.listeners", plaintext);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        } else {
            String saslSsl = SASL_SSL + "://127.0.0.1:" + saslSslPort;
            p.put("listeners", plaintext + "," + saslSsl + "," + controller);
            p.put("advertised.listeners", plaintext + "," + saslSsl);
            p.put("listener.security.protocol.map",
                    "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL," + CONTROLLER + ":PLAINTEXT");
            // SCRAM only, credentials from the cluster metadata; the broker-side JAAS entry is set per listener so no
            // JVM-wide java.security.auth.login.config is needed (clients in this JVM bring their own sasl.jaas.config)
            p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", SCRAM_MECHANISM);
            p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.put("listener.name.sasl_ssl.ssl.keystore.type", TlsCertificates.STORE_TYPE);
            p.put("listener.name.sasl_ssl.ssl.keystore.location", certificates.keystore().toString());
            p.put("listener.name.sasl_ssl.ssl.keystore.password", certificates.keystorePassword());
            p.put("listener.name.sasl_ssl.ssl.key.password", certificates.keystorePassword());
            p.put("listener.name.sasl_ssl.ssl.client.auth", "none");
        }
        p.put("inter.broker.listener.name", PLAINTEXT);
        p.put("log.dirs", logDir.toString());
        // a single node: every internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        // consumer groups: the first join is not held back, and session timeouts from 1 s are accepted (Kafka's
        // default minimum is 6 s; Patchbay's consumers default to 10 s, tests may go lower for fast failover)
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", "1000");
        // small and light: tests and a laptop dev stack
        p.put("log.segment.bytes", Integer.toString(1024 * 1024));
        p.put("offsets.topic.segment.bytes", Integer.toString(1024 * 1024));
        p.put("transaction.state.log.segment.bytes", Integer.toString(1024 * 1024));
        p.put("log.index.size.max.bytes", Integer.toString(64 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        return p;
    }
}
