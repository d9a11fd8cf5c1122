package io.patchbay.kernel.infra.inbox;

import io.patchbay.kernel.infra.Retries;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.event.InvalidEventException;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the lifecycle topic in the service's consumer group and hands each event to the {@link LifecycleInbox} with the
 * service's {@link LifecycleEventHandler}. A record that fails is retried with backoff; after the last attempt (or at
 * once when it cannot be decoded) it goes to the dead-letter topic with the error in headers, and the consumer moves on.
 * Offsets are committed after the records are handled (at-least-once; the inbox makes it exactly-once in effect).
 */
@Context
@Requires(beans = LifecycleEventHandler.class)
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "patchbay.consumer.enabled", notEquals = "false")
public class LifecycleConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleConsumer.class);

    private final LifecycleInbox inbox;
    private final LifecycleEventHandler handler;
    private final LifecycleEventCodec codec;
    private final LifecycleConsumerSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final Map<InboxOutcome, AtomicLong> outcomes = new HashMap<>();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;

    public LifecycleConsumer(LifecycleInbox inbox, LifecycleEventHandler handler, LifecycleEventCodec codec, LifecycleConsumerSettings settings,
                             Optional<MeterRegistry> meters) {
        this.inbox = inbox;
        this.handler = handler;
        this.codec = codec;
        this.settings = settings;
        for (InboxOutcome o : InboxOutcome.values()) {
            AtomicLong counter = new AtomicLong();
            outcomes.put(o, counter);
            meters.ifPresent(registry -> FunctionCounter.builder("patchbay.lifecycle.events", counter, AtomicLong::get)
                    .tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT))
                    .description("lifecycle events received, by what the inbox did with them").register(registry));
        }
        meters.ifPresent(registry -> FunctionCounter.builder("patchbay.lifecycle.dead.lettered", deadLettered, AtomicLong::get)
                .description("lifecycle records sent to the dead-letter topic").register(registry));
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-lifecycle"), new StringDeserializer(), new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, settings.groupId() + "-dlt"), new StringSerializer(), new ByteArraySerializer());
        this.worker = Thread.ofPlatform().name("lifecycle-consumer").daemon().start(this::run);
    }

    public long count(InboxOutcome outcome) {
        return outcomes.get(outcome).get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    private void run() {
        consumer.subscribe(List.of(LifecycleTopic.NAME));
        Duration backoff = settings.initialBackoff();
        while (running) {
            try {
                pollOnce();
                backoff = settings.initialBackoff();
            } catch (WakeupException e) {
                if (running) {
                    LOG.debug("lifecycle consumer woken up while running");
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("lifecycle consumer: {}; retrying in {} ms", e.toString(), backoff.toMillis());
                Retries.pause(backoff);
                backoff = Retries.next(backoff, settings.maxBackoff());
            }
        }
        try {
            consumer.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debug("closing the lifecycle consumer", e);
        }
    }

    /**
     * Handles one poll's records in order and commits what was handled. If a record can be neither applied nor
     * dead-lettered, every partition of the batch is rewound to its first unhandled record, so nothing is skipped.
     */
    private void pollOnce() {
        ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                handle(record);
                handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
        } catch (RuntimeException e) {
            for (TopicPartition partition : records.partitions()) {
                OffsetAndMetadata done = handled.get(partition);
                consumer.seek(partition, done != null ? done.offset() : records.records(partition).getFirst().offset());
            }
            throw e;
        } finally {
            if (!handled.isEmpty()) {
                consumer.commitSync(handled);
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        LifecycleEnvelope envelope;
        try {
            envelope = codec.decode(headers(record), record.value());
        } catch (InvalidEventException e) {
            deadLetter(record, "undecodable: " + e.getMessage());
            return;
        }
        Duration backoff = settings.initialBackoff();
        int attempt = 0;
        while (running) {
            try {
                InboxOutcome outcome = inbox.receive(envelope, handler);
                outcomes.get(outcome).incrementAndGet();
                if (outcome != InboxOutcome.APPLIED) {
                    LOG.debug("lifecycle event {} for {} skipped: {}", envelope.id(), envelope.subject(), outcome);
                }
                return;
            } catch (RuntimeException e) {
                if (isInfrastructure(e)) {
                    LOG.warn("lifecycle event {}: the database is unavailable ({}); retrying in {} ms", envelope.id(), Retries.rootMessage(e),
                            backoff.toMillis());
                } else if (++attempt >= settings.attempts()) {
                    deadLetter(record, "failed after " + attempt + " attempts: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    return;
                } else {
                    LOG.warn("lifecycle event {} attempt {} failed ({}); retrying in {} ms", envelope.id(), attempt, e.toString(),
                            backoff.toMillis());
                }
                Retries.pause(backoff);
                backoff = Retries.next(backoff, settings.maxBackoff());
            }
        }
        throw new IllegalStateException("stopping: lifecycle event " + envelope.id() + " left for redelivery");
    }

    /** A database that cannot be reached is an outage, not a bad event: such failures are retried without limit. */
    static boolean isInfrastructure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String error) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(LifecycleTopic.DEAD_LETTER, record.key(), record.value());
        for (Header h : record.headers()) {
            dead.headers().add(h);
        }
        dead.headers().add(LifecycleTopic.DLT_ERROR, error.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_ORIGINAL_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_ORIGINAL_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_CONSUMER_GROUP, settings.groupId().getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dead).get(30, TimeUnit.SECONDS);
            deadLettered.incrementAndGet();
            LOG.warn("lifecycle record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    LifecycleTopic.DEAD_LETTER, error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering the record at offset " + record.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            // Not committing past a record we could neither apply nor park: the batch is rewound and tried again.
            throw new IllegalStateException("could not dead-letter the record at offset " + record.offset(), e);
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @PreDestroy
    public void stop() {
        running = false;
        consumer.wakeup();
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(2));
    }
}
