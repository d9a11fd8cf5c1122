package io.patchbay.test;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * The one test fixture: one real PostgreSQL and one real Kafka per test JVM, each started on first use, from
 * Testcontainers when a Docker daemon answers and embedded otherwise ({@code TEST_INFRA=embedded|containers|auto}).
 * A test class takes a fresh database:
 * <pre>{@code
 * public Map<String, String> getProperties() {
 *     return TestInfra.get().micronautProperties(TestInfra.get().newDatabase("catalog"));
 * }
 * }</pre>
 */
public final class TestInfra {

    private static final int MAX_PREFIX = 40;
    private static TestInfra instance;

    private final InfraMode mode;
    private final Backend backend;
    private final AtomicInteger databases = new AtomicInteger();

    private TestInfra(InfraMode mode, Backend backend) {
        this.mode = mode;
        this.backend = backend;
    }

    public static synchronized TestInfra get() {
        if (instance == null) {
            InfraMode mode = InfraMode.fromEnvironment();
            LoggerFactory.getLogger(TestInfra.class).info("Test infrastructure: {} (set {}=embedded|containers|auto to choose)",
                    mode, InfraMode.SETTING);
            instance = new TestInfra(mode, mode == InfraMode.CONTAINERS ? new ContainersBackend() : new EmbeddedBackend());
        }
        return instance;
    }

    public InfraMode mode() {
        return mode;
    }

    /** Creates a database no other test uses and returns its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = sanitize(prefix) + "_" + databases.incrementAndGet();
        backend.createDatabase(name);
        return backend.jdbcUrl(name);
    }

    public String user() {
        return backend.user();
    }

    public String password() {
        return backend.password();
    }

    public String kafkaBootstrap() {
        return backend.kafkaBootstrap();
    }

    /** Takes the broker away (embedded: shut down; containers: paused) until {@link #startKafka()}. */
    public void stopKafka() {
        backend.stopKafka();
    }

    /** Brings the broker back on the same address with its data. */
    public void startKafka() {
        backend.startKafka();
    }

    /**
     * The properties a {@code TestPropertyProvider} returns to point a Micronaut service at this infrastructure. The
     * lifecycle topic gets one partition in tests (events.md).
     */
    public Map<String, String> micronautProperties(String jdbcUrl) {
        return Map.of(
                "datasources.default.url", jdbcUrl,
                "datasources.default.username", user(),
                "datasources.default.password", password(),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "kafka.bootstrap.servers", kafkaBootstrap(),
                "patchbay.topic.partitions", "1");
    }

    static String sanitize(String prefix) {
        String name = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "db_" + name;
        }
        return name.length() > MAX_PREFIX ? name.substring(0, MAX_PREFIX) : name;
    }
}
