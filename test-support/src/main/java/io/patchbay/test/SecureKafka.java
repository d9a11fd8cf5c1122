package io.patchbay.test;

import io.patchbay.infra.embedded.Directories;
import io.patchbay.infra.embedded.EmbeddedKafka;
import io.patchbay.infra.embedded.TlsCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker whose client listener is {@code SASL_SSL} with SCRAM-SHA-512, for end-to-end tests
 * of Patchbay's Kafka security settings (operations.md, "Kafka settings"). Separate from {@link TestInfra}'s plaintext
 * broker; at most one per JVM, started by the first {@link #start()}, on free ports, always embedded in this JVM
 * (whatever {@code TEST_INFRA} says: the certificates and users are made here and a container would add nothing but
 * a second way to get them wrong).
 *
 * <p>A CA and a broker certificate (SAN {@code 127.0.0.1}, {@code localhost}) are made at start by the JDK's keytool,
 * with random store passwords. A {@code PLAINTEXT} listener stays for the broker itself and for set-up
 * ({@link #plaintextBootstrap()}); what is under test talks to {@link #bootstrapServers()}.
 * <pre>{@code
 * SecureKafka kafka = SecureKafka.start();
 * kafka.createUser("environment-service", "s3cret");
 * Map<String, String> env = kafka.environment("environment-service", "wrong"); // PATCHBAY_KAFKA_* for a process
 * kafka.changePassword("environment-service", "wrong");                       // "the operator fixed it"
 * }</pre>
 */
public final class SecureKafka {

    public static final String SECURITY_PROTOCOL = "SASL_SSL";
    public static final String SASL_MECHANISM = EmbeddedKafka.SCRAM_MECHANISM;

    private static SecureKafka instance;

    private final Path root;
    private final TlsCertificates certificates;
    private final EmbeddedKafka broker;

    private SecureKafka(Path root, TlsCertificates certificates, EmbeddedKafka broker) {
        this.root = root;
        this.certificates = certificates;
        this.broker = broker;
    }

    /** Starts the broker on first call (certificates, then broker: a few seconds) and returns the same one after. */
    public static synchronized SecureKafka start() {
        if (instance == null) {
            long begun = System.nanoTime();
            Path root;
            try {
                root = Files.createTempDirectory("patchbay-secure-kafka-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TlsCertificates certificates = TlsCertificates.generate(root.resolve("tls"));
            long certified = System.nanoTime();
            EmbeddedKafka broker = EmbeddedKafka.builder(root.resolve("kafka")).saslSsl(certificates).start();
            SecureKafka started = new SecureKafka(root, certificates, broker);
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "secure-kafka-cleanup"));
            instance = started;
            LoggerFactory.getLogger(SecureKafka.class).info(
                    "Secure Kafka: SASL_SSL (SCRAM-SHA-512) on {} ready in {} ms, {} ms of it for the certificates",
                    broker.saslSslBootstrapServers(), (System.nanoTime() - begun) / 1_000_000,
                    (certified - begun) / 1_000_000);
        }
        return instance;
    }

    /** The {@code SASL_SSL} listener, {@code 127.0.0.1:<port>}: what the code under test connects to. */
    public String bootstrapServers() {
        return broker.saslSslBootstrapServers();
    }

    /** The {@code PLAINTEXT} listener of the same broker: for a test's own set-up and checks only. */
    public String plaintextBootstrap() {
        return broker.bootstrapServers();
    }

    /** Creates the SCRAM-SHA-512 user (or sets its password if it exists); in force when this returns. */
    public void createUser(String name, String password) {
        broker.setScramPassword(name, password);
    }

    /**
     * Replaces the broker-side SCRAM credential of {@code name}; in force when this returns. Clients holding the old
     * password fail authentication from then on; clients holding this one, rejected until now, succeed on their next
     * reconnect (by Kafka's reconnect backoff, at most 1 s by default) without being restarted.
     */
    public void changePassword(String name, String password) {
        broker.setScramPassword(name, password);
    }

    /** Creates a topic (replication factor 1) unless it exists, through the plaintext listener. */
    public void createTopic(String name, int partitions) {
        broker.createTopic(name, partitions);
    }

    /**
     * Kafka client settings for {@code user}: {@code bootstrap.servers} (the SASL_SSL listener),
     * {@code security.protocol=SASL_SSL}, {@code sasl.mechanism=SCRAM-SHA-512}, {@code sasl.jaas.config} (ScramLoginModule),
     * {@code ssl.truststore.location/password/type} (PKCS12 with the CA). A mutable copy: add serializers, group id, ….
     */
    public Map<String, Object> clientProperties(String user, String password) {
        return new LinkedHashMap<>(broker.saslSslClientProperties(user, password));
    }

    /** The same settings as the {@code PATCHBAY_KAFKA_*} environment variables of operations.md, for a service process. */
    public Map<String, String> environment(String user, String password) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATCHBAY_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("PATCHBAY_KAFKA_SECURITY_PROTOCOL", SECURITY_PROTOCOL);
        env.put("PATCHBAY_KAFKA_SASL_MECHANISM", SASL_MECHANISM);
        env.put("PATCHBAY_KAFKA_SASL_USERNAME", user);
        env.put("PATCHBAY_KAFKA_SASL_PASSWORD", password);
        env.put("PATCHBAY_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore().toString());
        env.put("PATCHBAY_KAFKA_SSL_TRUSTSTORE_PASSWORD", truststorePassword());
        env.put("PATCHBAY_KAFKA_SSL_TRUSTSTORE_TYPE", truststoreType());
        return env;
    }

    /**
     * The same settings as micronaut-kafka's {@code kafka.*} properties (passed to every client it builds), for a
     * {@code TestPropertyProvider}. Put them after {@code TestInfra.micronautProperties(…)} so that
     * {@code kafka.bootstrap.servers} points here.
     */
    public Map<String, String> micronautProperties(String user, String password) {
        Map<String, String> properties = new LinkedHashMap<>();
        broker.saslSslClientProperties(user, password)
                .forEach((key, value) -> properties.put("kafka." + key, String.valueOf(value)));
        return properties;
    }

    /** PKCS12 trust store holding the CA of the broker certificate. */
    public Path truststore() {
        return certificates.truststore();
    }

    public String truststorePassword() {
        return certificates.truststorePassword();
    }

    /** {@code PKCS12}. */
    public String truststoreType() {
        return TlsCertificates.STORE_TYPE;
    }

    /** The CA certificate as PEM, for {@code ssl.truststore.type=PEM} (no password). */
    public Path caCertificatePem() {
        return certificates.caPem();
    }

    /** The JAAS line Kafka clients need for SCRAM, with backslashes and double quotes escaped. */
    public static String jaasConfig(String user, String password) {
        return EmbeddedKafka.scramJaasConfig(user, password);
    }

    private synchronized void shutdown() {
        broker.stop();
        Directories.deleteRecursively(root);
    }
}
