package io.patchbay.kernel.infra.kafka;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one translation of the {@code PATCHBAY_KAFKA_*} variables (operations.md, "Kafka settings") into Kafka client
 * properties. Every Kafka client reads it: the services through {@link KafkaEnvironmentConfigurer} (as {@code kafka.*}
 * configuration, which micronaut-kafka hands to every consumer, producer and admin client) and {@code ./patchbay}
 * directly. Only variables that are set produce properties; the SASL password goes into {@code sasl.jaas.config} and
 * nowhere else (Kafka masks that property when it logs its configuration).
 */
public final class KafkaEnvironment {
    public static final String BOOTSTRAP_SERVERS = "PATCHBAY_KAFKA_BOOTSTRAP_SERVERS";
    public static final String SECURITY_PROTOCOL = "PATCHBAY_KAFKA_SECURITY_PROTOCOL";
    public static final String SASL_MECHANISM = "PATCHBAY_KAFKA_SASL_MECHANISM";
    public static final String SASL_USERNAME = "PATCHBAY_KAFKA_SASL_USERNAME";
    public static final String SASL_PASSWORD = "PATCHBAY_KAFKA_SASL_PASSWORD";
    public static final String TRUSTSTORE_LOCATION = "PATCHBAY_KAFKA_SSL_TRUSTSTORE_LOCATION";
    public static final String TRUSTSTORE_PASSWORD = "PATCHBAY_KAFKA_SSL_TRUSTSTORE_PASSWORD";
    public static final String TRUSTSTORE_TYPE = "PATCHBAY_KAFKA_SSL_TRUSTSTORE_TYPE";
    public static final String KEYSTORE_LOCATION = "PATCHBAY_KAFKA_SSL_KEYSTORE_LOCATION";
    public static final String KEYSTORE_PASSWORD = "PATCHBAY_KAFKA_SSL_KEYSTORE_PASSWORD";
    public static final String KEYSTORE_TYPE = "PATCHBAY_KAFKA_SSL_KEYSTORE_TYPE";
    public static final String SESSION_TIMEOUT = "PATCHBAY_KAFKA_SESSION_TIMEOUT";

    /** Every variable this class reads, for the deployment files and their checks. */
    public static final java.util.List<String> VARIABLES = java.util.List.of(BOOTSTRAP_SERVERS, SECURITY_PROTOCOL, SASL_MECHANISM,
            SASL_USERNAME, SASL_PASSWORD, TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE, KEYSTORE_LOCATION,
            KEYSTORE_PASSWORD, KEYSTORE_TYPE, SESSION_TIMEOUT);

    /** How soon a dead consumer instance is noticed when nothing is set. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

    private KafkaEnvironment() {
    }

    /**
     * Properties every Kafka client takes (bootstrap, TLS, SASL) from the variables that are set in {@code env}.
     *
     * @throws IllegalArgumentException naming the variable when a value cannot work (never quoting a password)
     */
    public static Map<String, String> clientProperties(Map<String, String> env) {
        Map<String, String> props = new LinkedHashMap<>();
        put(props, "bootstrap.servers", value(env, BOOTSTRAP_SERVERS));
        String protocol = upper(value(env, SECURITY_PROTOCOL));
        if (protocol != null && !PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException(SECURITY_PROTOCOL + " must be one of " + PROTOCOLS + ", not '" + protocol + "'");
        }
        put(props, "security.protocol", protocol);
        String mechanism = upper(value(env, SASL_MECHANISM));
        String username = value(env, SASL_USERNAME);
        if (mechanism != null && !MECHANISMS.contains(mechanism)) {
            throw new IllegalArgumentException(SASL_MECHANISM + " must be one of " + MECHANISMS + ", not '" + mechanism + "'");
        }
        if (username != null) {
            if (mechanism == null) {
                throw new IllegalArgumentException(SASL_USERNAME + " is set: set " + SASL_MECHANISM + " too (" + MECHANISMS + ")");
            }
            String password = env.getOrDefault(SASL_PASSWORD, "");
            String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            props.put("sasl.jaas.config", module + " required username=\"" + jaasQuote(username) + "\" password=\""
                    + jaasQuote(password) + "\";");
        }
        put(props, "sasl.mechanism", mechanism);
        put(props, "ssl.truststore.location", value(env, TRUSTSTORE_LOCATION));
        put(props, "ssl.truststore.password", value(env, TRUSTSTORE_PASSWORD));
        put(props, "ssl.truststore.type", upper(value(env, TRUSTSTORE_TYPE)));
        put(props, "ssl.keystore.location", value(env, KEYSTORE_LOCATION));
        put(props, "ssl.keystore.password", value(env, KEYSTORE_PASSWORD));
        put(props, "ssl.keystore.type", upper(value(env, KEYSTORE_TYPE)));
        return props;
    }

    /** Consumer group timing: the session timeout ({@value #SESSION_TIMEOUT}, default 10 s) and a heartbeat a third of it. */
    public static Map<String, String> consumerProperties(Map<String, String> env) {
        Duration session = sessionTimeout(env);
        return Map.of("session.timeout.ms", Long.toString(session.toMillis()),
                "heartbeat.interval.ms", Long.toString(Math.max(1, session.toMillis() / 3)));
    }

    static Duration sessionTimeout(Map<String, String> env) {
        String text = value(env, SESSION_TIMEOUT);
        if (text == null) {
            return DEFAULT_SESSION_TIMEOUT;
        }
        Duration timeout;
        try {
            String t = text.toLowerCase(Locale.ROOT);
            timeout = t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)))
                    : t.endsWith("s") ? Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)))
                    : t.endsWith("m") ? Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)))
                    : Duration.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(SESSION_TIMEOUT + " must be a duration such as 10s or 45000ms, not '" + text + "'");
        }
        if (timeout.toMillis() < 1000) {
            throw new IllegalArgumentException(SESSION_TIMEOUT + " must be at least 1s, not '" + text + "'");
        }
        return timeout;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String upper(String v) {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static void put(Map<String, String> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }

    private static String jaasQuote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
