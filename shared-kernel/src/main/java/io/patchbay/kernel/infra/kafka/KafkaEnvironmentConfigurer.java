package io.patchbay.kernel.infra.kafka;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Puts the {@code PATCHBAY_KAFKA_*} variables into every service's {@code kafka.*} configuration (loaded through
 * {@code META-INF/services}, so it applies to every application context, tests included):
 * <ul>
 *   <li>the client settings ({@link KafkaEnvironment#clientProperties}) just above application.yml, so they win over
 *       its defaults and lose to explicit system properties and test properties;</li>
 *   <li>consumer group timing ({@code kafka.consumers.default.*}) and a short health-check timeout as defaults just
 *       below application.yml, so a service may still set them there.</li>
 * </ul>
 */
public class KafkaEnvironmentConfigurer implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        Map<String, String> env = System.getenv();
        builder.propertySources(
                PropertySource.of("patchbay-kafka-environment", prefixed("kafka.", KafkaEnvironment.clientProperties(env)),
                        EnvironmentPropertySource.POSITION + 1),
                PropertySource.of("patchbay-kafka-defaults", defaults(env), AbstractPropertySourceLoader.DEFAULT_POSITION - 1));
    }

    static Map<String, Object> defaults(Map<String, String> env) {
        Map<String, Object> defaults = prefixed("kafka.consumers.default.", KafkaEnvironment.consumerProperties(env));
        defaults.put("kafka.health-timeout", "3s");
        // partition assignment stays Kafka's default (eager first): see LifecycleConsumer on why not the cooperative one
        // the kernel's producers: idempotent, every replica acknowledges; the relay waits at most 5 s per batch
        for (String producer : new String[] {"outbox-relay", "lifecycle-dead-letters"}) {
            String prefix = "kafka.producers." + producer + ".";
            defaults.put(prefix + "acks", "all");
            defaults.put(prefix + "enable.idempotence", "true");
            defaults.put(prefix + "max.in.flight.requests.per.connection", "5");
            defaults.put(prefix + "max.block.ms", "5000");
            defaults.put(prefix + "request.timeout.ms", "5000");
        }
        defaults.put("kafka.producers.outbox-relay.linger.ms", "5");
        // a backlog goes out in few produce requests: with Kafka's 16 KiB a 10,000-row drain waited 230-450 ms for the
        // acknowledgements of ~25-record batches on a busy broker; with 128 KiB 0-90 ms, and the drain took half the time
        defaults.put("kafka.producers.outbox-relay.batch.size", "131072");
        defaults.put("kafka.producers.outbox-relay.delivery.timeout.ms", "5010");
        defaults.put("kafka.producers.lifecycle-dead-letters.delivery.timeout.ms", "10000");
        return defaults;
    }

    private static Map<String, Object> prefixed(String prefix, Map<String, String> props) {
        Map<String, Object> result = new HashMap<>();
        props.forEach((k, v) -> result.put(prefix + k, v));
        return result;
    }
}
