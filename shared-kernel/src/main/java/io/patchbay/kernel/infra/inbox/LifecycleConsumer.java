package io.patchbay.kernel.infra.inbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.KafkaProducerFactory;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.Retries;
import io.patchbay.kernel.infra.event.InvalidEventException;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.kafka.RenewableProducer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lifecycle topic in the service's consumer group ({@code patchbay.consumer.group-id}, default the application
 * name), through micronaut-kafka. Each record goes to the {@link LifecycleInbox} with the service's
 * {@link LifecycleEventHandler}; offsets are committed synchronously after every record of a poll was applied (or
 * dead-lettered): at-least-once delivery, exactly-once effect through the inbox.
 * <ul>
 *   <li>A failing record is retried by micronaut-kafka's error strategy, exponentially from
 *       {@code patchbay.consumer.initial-backoff} (200 ms), {@code patchbay.consumer.retries} times (4). Then
 *       {@link #handle} sends it <em>synchronously</em> to the dead-letter topic with the error in headers and the
 *       partition moves on. A record that cannot be decoded goes there at once.</li>
 *   <li>A database that cannot be reached is an outage, not a bad record: it is never dead-lettered. When the retries
 *       are spent the partition is rewound to the record and the cycle starts again, without limit.</li>
 *   <li>micronaut-kafka 5.9 moves past a record once the retries are spent. If that record could not be dead-lettered
 *       either, the partition is rewound to it, and the records of that partition still in the same poll are not
 *       handled ({@link #rewound}), so the committed offset never passes it.</li>
 * </ul>
 * A SIGTERM closes the consumer, which leaves the group at once; a killed instance is noticed after the session
 * timeout ({@code PATCHBAY_KAFKA_SESSION_TIMEOUT}, 10 s). A poll returns at most {@value #MAX_POLL_RECORDS} records: a
 * member rejoins a rebalance only from {@code poll()}, so the partitions of a dead member wait for the survivors to
 * finish the records in hand (with 500, 16 s on a loaded 2-core machine; with 50, about 1 s, one commit per 50 records).
 */
@KafkaListener(groupId = "${patchbay.consumer.group-id:}", offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
        isolation = IsolationLevel.READ_COMMITTED,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                retryDelay = "${patchbay.consumer.initial-backoff:200ms}", retryCountValue = "${patchbay.consumer.retries:4}"),
        properties = @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "" + LifecycleConsumer.MAX_POLL_RECORDS))
@Requires(beans = LifecycleEventHandler.class)
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "patchbay.consumer.enabled", notEquals = "false")
public class LifecycleConsumer implements KafkaListenerExceptionHandler {
    /** Records per poll: bounds how long a rebalance waits for this member (see the class comment). */
    public static final int MAX_POLL_RECORDS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleConsumer.class);

    private final LifecycleInbox inbox;
    private final LifecycleEventHandler handler;
    private final LifecycleEventCodec codec;
    /** micronaut-kafka producer id: {@code kafka.producers.lifecycle-dead-letters.*} (idempotent, acks=all). */
    public static final String DEAD_LETTER_PRODUCER = "lifecycle-dead-letters";

    private final RenewableProducer deadLetters;
    private final String groupId;
    private final Map<InboxOutcome, AtomicLong> outcomes = new EnumMap<>(InboxOutcome.class);
    private final AtomicLong deadLettered = new AtomicLong();
    /** Partitions rewound to a record that was neither applied nor dead-lettered: offset to start again from. */
    private final Map<TopicPartition, Long> rewound = new ConcurrentHashMap<>();

    public LifecycleConsumer(LifecycleInbox inbox, LifecycleEventHandler handler, LifecycleEventCodec codec,
                             KafkaProducerFactory producers,
                             @Value("${patchbay.consumer.group-id:}") String groupId,
                             @Value("${micronaut.application.name:patchbay}") String applicationName,
                             Optional<MeterRegistry> meters) {
        this.inbox = inbox;
        this.handler = handler;
        this.codec = codec;
        this.deadLetters = new RenewableProducer(producers, DEAD_LETTER_PRODUCER);
        this.groupId = groupId == null || groupId.isBlank() ? applicationName : groupId;
        for (InboxOutcome o : InboxOutcome.values()) {
            AtomicLong counter = new AtomicLong();
            outcomes.put(o, counter);
            meters.ifPresent(registry -> FunctionCounter.builder("patchbay.lifecycle.events", counter, AtomicLong::get)
                    .tag("outcome", o.name().toLowerCase(Locale.ROOT))
                    .description("lifecycle events received, by what the inbox did with them").register(registry));
        }
        meters.ifPresent(registry -> FunctionCounter.builder("patchbay.lifecycle.dead.lettered", deadLettered, AtomicLong::get)
                .description("lifecycle records sent to the dead-letter topic").register(registry));
    }

    /** The consumer group this service's instances share. */
    public String groupId() {
        return groupId;
    }

    public long count(InboxOutcome outcome) {
        return outcomes.get(outcome).get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    @Topic(LifecycleTopic.NAME)
    void receive(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Long from = rewound.get(partition);
        if (from != null) {
            if (record.offset() > from) {
                return; // the rest of a poll after a rewind: read again from the rewound offset
            }
            rewound.remove(partition);
        }
        LifecycleEnvelope envelope;
        try {
            envelope = codec.decode(headers(record), record.value());
        } catch (InvalidEventException e) {
            deadLetterOrRewind(record, consumer, e);
            return;
        }
        InboxOutcome outcome = inbox.receive(envelope, handler);
        outcomes.get(outcome).incrementAndGet();
        if (outcome != InboxOutcome.APPLIED) {
            LOG.debug("lifecycle event {} for {} skipped: {}", envelope.id(), envelope.subject(), outcome);
        }
    }

    /** Called by micronaut-kafka when a record's retries are spent, and for failures outside a record (poll, commit). */
    @Override
    public void handle(KafkaListenerException exception) {
        Optional<ConsumerRecord<?, ?>> failed = exception.getConsumerRecord();
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        if (failed.isEmpty()) {
            LOG.warn("lifecycle consumer: {}", Retries.rootMessage(cause));
            return;
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> record = (ConsumerRecord<String, byte[]>) failed.get();
        Consumer<?, ?> consumer = exception.getKafkaConsumer();
        if (isInfrastructure(cause)) {
            LOG.warn("lifecycle record {}-{}@{}: the database is unavailable ({}); retrying", record.topic(), record.partition(),
                    record.offset(), Retries.rootMessage(cause));
            rewind(record, consumer);
            return;
        }
        deadLetterOrRewind(record, consumer, cause);
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

    private void deadLetterOrRewind(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer, Throwable cause) {
        String error = String.valueOf(cause.getMessage());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(LifecycleTopic.DEAD_LETTER, record.key(), record.value());
        for (Header h : record.headers()) {
            dead.headers().add(h);
        }
        dead.headers().add(LifecycleTopic.DLT_ERROR, error.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_EXCEPTION, cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_ORIGINAL_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_ORIGINAL_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_ORIGINAL_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add(LifecycleTopic.DLT_CONSUMER_GROUP, groupId.getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.get().send(dead).get(15, TimeUnit.SECONDS);
            deadLettered.incrementAndGet();
            LOG.warn("lifecycle record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    LifecycleTopic.DEAD_LETTER, cause.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rewind(record, consumer);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            deadLetters.renew();
            LOG.warn("lifecycle record {}-{}@{} could not be dead-lettered ({}); it will be read again", record.topic(),
                    record.partition(), record.offset(), Retries.rootMessage(e));
            rewind(record, consumer);
        }
    }

    /** Reads the partition again from {@code record}: nothing after it in this poll is handled or committed. */
    private void rewind(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        rewound.put(partition, record.offset());
        consumer.seek(partition, record.offset());
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
