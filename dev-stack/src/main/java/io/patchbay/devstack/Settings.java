package io.patchbay.devstack;

import io.patchbay.kernel.infra.kafka.KafkaEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where things are and which ports to use: the repository root and the environment variables. */
record Settings(Path root, Map<String, String> env) {

    static final String PG_PORT = "PATCHBAY_PG_PORT";
    static final String KAFKA_PORT = "PATCHBAY_KAFKA_PORT";
    static final String TOPIC_PARTITIONS = "PATCHBAY_TOPIC_PARTITIONS";
    static final String SERVICE_JAVA_OPTS = "PATCHBAY_SERVICE_JAVA_OPTS";
    static final String JWT_SECRET = "PATCHBAY_JWT_SECRET";
    static final String START_TIMEOUT = "PATCHBAY_START_TIMEOUT";
    static final String WEBHOOK_ALLOW_PRIVATE = "PATCHBAY_WEBHOOK_ALLOW_PRIVATE";
    static final int DEFAULT_START_TIMEOUT_SECONDS = 120;
    static final int DEFAULT_PG_PORT = 15432;
    static final int DEFAULT_KAFKA_PORT = 19092;
    static final int DEFAULT_TOPIC_PARTITIONS = 6;

    Settings {
        root = root.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }

    /** The data directory: {@code --dir} (relative to the current directory) or {@code <root>/.patchbay}. */
    Path dataDir(Optional<Path> dir) {
        return dir.map(d -> d.toAbsolutePath().normalize()).orElse(root.resolve(".patchbay"));
    }

    int pgPort() {
        return port(PG_PORT, DEFAULT_PG_PORT);
    }

    int kafkaPort() {
        return port(KAFKA_PORT, DEFAULT_KAFKA_PORT);
    }

    int port(ServiceDefinition service) {
        return port(service.portVariable(), service.defaultPort());
    }

    int topicPartitions() {
        return number(TOPIC_PARTITIONS, DEFAULT_TOPIC_PARTITIONS, 1, 1000);
    }

    /** How long each service may take to answer {@code GET /health} with 200 (seconds in the environment). */
    Duration startTimeout() {
        return Duration.ofSeconds(number(START_TIMEOUT, DEFAULT_START_TIMEOUT_SECONDS, 1, 3600));
    }

    /**
     * {@code PATCHBAY_WEBHOOK_ALLOW_PRIVATE} for config-service: {@code true} unless the launcher was given another value,
     * so webhooks can be sent to receivers on this machine (loopback, plain http), which production refuses.
     */
    String webhookAllowPrivate() {
        return Optional.ofNullable(env.get(WEBHOOK_ALLOW_PRIVATE)).filter(s -> !s.isBlank()).map(String::trim).orElse("true");
    }

    /** The HS256 secret the services check tokens with: theirs if {@code PATCHBAY_JWT_SECRET} is set, else the dev key. */
    Optional<String> jwtSecret() {
        return Optional.ofNullable(env.get(JWT_SECRET)).filter(s -> !s.isBlank());
    }

    /**
     * Properties for {@code ./patchbay}'s own Kafka clients (events, status): the same {@code PATCHBAY_KAFKA_*} variables
     * the services read, so they work against a hosted Kafka; without {@code PATCHBAY_KAFKA_BOOTSTRAP_SERVERS}, the
     * broker of the local stack on {@code localPort}.
     */
    Map<String, Object> kafkaClient(int localPort) {
        Map<String, Object> props;
        try {
            props = new HashMap<>(KafkaEnvironment.clientProperties(env));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        props.putIfAbsent("bootstrap.servers", "127.0.0.1:" + localPort);
        return props;
    }

    /** True when {@code PATCHBAY_KAFKA_BOOTSTRAP_SERVERS} names a Kafka other than the local stack's. */
    boolean externalKafka() {
        String bootstrap = env.get(KafkaEnvironment.BOOTSTRAP_SERVERS);
        return bootstrap != null && !bootstrap.isBlank();
    }

    String serviceJavaOptions() {
        return env.getOrDefault(SERVICE_JAVA_OPTS, "");
    }

    private int port(String variable, int defaultPort) {
        return number(variable, defaultPort, 1, 65535);
    }

    private int number(String variable, int defaultValue, int min, int max) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(variable + " must be a number from " + min + " to " + max + " (got '" + value + "')");
    }
}
