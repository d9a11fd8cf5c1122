package io.patchbay.kernel.infra.deadletter;

import io.micronaut.context.env.Environment;
import io.patchbay.kernel.secret.SecretScrubber;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The secret values in the service's own settings (database password, JWT secret, encryption keys, cursor secret,
 * Kafka SASL and key-store passwords). Errors a lifecycle record failed with are scrubbed of them with
 * {@link SecretScrubber} before they are stored, logged, put in a dead-letter header or returned: a driver or client
 * error may quote a connection string or a JAAS line.
 */
@Singleton
public class ConfiguredSecrets {
    /** Properties (or the environment variables Micronaut maps onto them) that hold a secret. */
    static final List<String> PROPERTIES = List.of("datasources.default.password", "patchbay.jwt.secret", "patchbay.encryption.key",
            "patchbay.encryption.old-keys", "patchbay.cursor.secret", "patchbay.kafka.sasl.password",
            "patchbay.kafka.ssl.truststore.password", "patchbay.kafka.ssl.keystore.password", "kafka.ssl.truststore.password",
            "kafka.ssl.keystore.password", "kafka.ssl.key.password");

    private final List<String> values;

    public ConfiguredSecrets(Environment environment) {
        List<String> found = new ArrayList<>();
        for (String property : PROPERTIES) {
            environment.getProperty(property, String.class).filter(v -> !v.isBlank()).ifPresent(value -> {
                found.add(value);
                // old keys are a list of id:key pairs; each key on its own too
                for (String part : value.split("[,:]")) {
                    if (part.length() >= 8) {
                        found.add(part.trim());
                    }
                }
            });
        }
        this.values = List.copyOf(found);
    }

    /** {@code text} without any of the service's secret values; null stays null. */
    public String scrub(String text) {
        return SecretScrubber.scrub(text, values);
    }
}
