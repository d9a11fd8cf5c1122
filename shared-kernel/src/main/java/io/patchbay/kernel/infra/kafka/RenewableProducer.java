package io.patchbay.kernel.infra.kafka;

import io.micronaut.configuration.kafka.KafkaProducerFactory;
import io.micronaut.core.type.Argument;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * A producer from micronaut-kafka's configuration ({@code kafka.*} merged with {@code kafka.producers.<id>.*}) that is
 * replaced after a failure. An idempotent Kafka producer that once failed to authenticate (a wrong password later
 * fixed) or lost its producer id stays unusable, so the kernel's producers (outbox relay, dead letters) drop it and
 * build a new one with the same configuration on the next send.
 */
public final class RenewableProducer {
    private static final Logger LOG = LoggerFactory.getLogger(RenewableProducer.class);

    private final KafkaProducerFactory registry;
    private final String id;
    private Producer<String, byte[]> current;

    public RenewableProducer(KafkaProducerFactory registry, String id) {
        this.registry = registry;
        this.id = id;
    }

    public synchronized Producer<String, byte[]> get() {
        if (current == null) {
            current = registry.getProducer(id, Argument.STRING, Argument.of(byte[].class));
        }
        return current;
    }

    /** After a failed send: the next {@link #get()} builds a new producer. */
    public synchronized void renew() {
        if (current == null) {
            return;
        }
        registry.close(current);
        try {
            current.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debug("closing the {} producer", id, e);
        }
        current = null;
    }
}
