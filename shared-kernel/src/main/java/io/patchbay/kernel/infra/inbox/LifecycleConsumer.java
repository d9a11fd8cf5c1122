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
import io.patchbay.kernel.infra.deadletter.ConfiguredSecrets;
import io.patchbay.kernel.infra.deadletter.DeadLetter;
import io.patchbay.kernel.infra.deadletter.DeadLetterStore;
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
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 *       {@link #handle} dead-letters it: first into the service's {@code dead_letter} table ({@link DeadLetterStore},
 *       with the record itself so that an operator can replay it), then <em>synchronously</em> to the dead-letter topic
 *       with the error in headers. The partition moves on once the record is kept in at least one of the two. A record
 *       that cannot be decoded is dead-lettered at once. Errors are scrubbed of the service's secrets first
 *       ({@link ConfiguredSecrets}).</li>
 *   <li>A database that cannot be reached while the dead letter is being stored is an outage too: nothing is published,
 *       the record is read again (after the error strategy's backoff) and retried without limit.</li>
 *   <li>A database that cannot be reached is an outage, not a bad record: it is never dead-lettered. When the retries
 *       are spent the partition is rewound to the record and the cycle starts again, without limit.</li>
 *   <li>micronaut-kafka 5.9 moves past a record once the retries are spent. If that record could not be dead-lettered
 *       either (neither the table nor the topic took it), the partition is rewound to it, and the records of that partition still in the same poll are not
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
    private final DeadLetterStore deadLetterStore;
    private final ConfiguredSecrets secrets;
    private final String groupId;
    /** Per partition: the offset of the record being tried and how often the inbox failed on it so far. */
    private final Map<TopicPartition, long[]> failures = new ConcurrentHashMap<>();
    private final Map<InboxOutcome, AtomicLong> outcomes = new EnumMap<>(InboxOutcome.class);
    private final AtomicLong deadLettered = new AtomicLong();
    /** Partitions rewound to a record that was neither applied nor dead-lettered: offset to start again from. */
    private final Map<TopicPartition, Long> rewound = new ConcurrentHashMap<>();

    public LifecycleConsumer(LifecycleInbox inbox, LifecycleEventHandler handler, LifecycleEventCodec codec,
                             KafkaProducerFactory producers, DeadLetterStore deadLetterStore, ConfiguredSecrets secrets,
                             @Value("${patchbay.consumer.group-id:}") String groupId,
                             @Value("${micronaut.application.name:patchbay}") String applicationName,
                             Optional<MeterRegistry> meters) {
        this.inbox = inbox;
        this.handler = handler;
        this.codec = codec;
        this.deadLetters = new RenewableProducer(producers, DEAD_LETTER_PRODUCER);
        this.deadLetterStore = deadLetterStore;
        this.secrets = secrets;
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
            // a database outage while storing the dead letter propagates: the error strategy retries with backoff
            if (!deadLetter(record, e)) {
                rewind(record, consumer);
            }
            return;
        }
        InboxOutcome outcome;
        try {
            outcome = inbox.receive(envelope, handler);
        } catch (RuntimeException e) {
            failures.compute(partition, (p, f) -> f != null && f[0] == record.offset() ? new long[] {f[0], f[1] + 1}
                    : new long[] {record.offset(), 1});
            throw e;
        }
        failures.remove(partition);
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
                    record.offset(), secrets.scrub(Retries.rootMessage(cause)));
            rewind(record, consumer);
            return;
        }
        try {
            if (!deadLetter(record, cause)) {
                rewind(record, consumer);
            }
        } catch (DeadLetterStorageUnavailable e) {
            LOG.warn("lifecycle record {}-{}@{}: the database is unavailable to keep the dead letter ({}); retrying", record.topic(),
                    record.partition(), record.offset(), secrets.scrub(Retries.rootMessage(e)));
            rewind(record, consumer);
        }
    }

    /** A database that cannot be reached is an outage, not a bad event: such failures are retried without limit. */
    public static boolean isInfrastructure(Throwable e) {
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

    /**
     * Keeps a record that cannot be applied: first in the {@code dead_letter} table (what an operator lists and replays),
     * then on the dead-letter topic, synchronously. Either copy is enough to move on: a table the service does not have
     * (or a row it cannot write for a reason other than an outage) leaves the topic to keep it, and a topic that refuses it
     * leaves the row (marked as not on the topic).
     *
     * @return true when the record is kept in at least one of the two, false when in neither (the caller rewinds)
     * @throws DeadLetterStorageUnavailable when the database cannot be reached; nothing was published then
     */
    private boolean deadLetter(ConsumerRecord<String, byte[]> record, Throwable cause) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String error = secrets.scrub(String.valueOf(cause.getMessage()));
        Map<String, String> headers = headers(record);
        long[] failed = failures.get(partition);
        int attempts = failed != null && failed[0] == record.offset() ? (int) Math.min(Integer.MAX_VALUE, failed[1]) : 1;
        UUID stored = null;
        try {
            stored = deadLetterStore.record(new DeadLetter.Failure(groupId, record.topic(), record.partition(), record.offset(),
                    eventId(headers), headers.get(LifecycleTopic.CE_TYPE), headers.get(LifecycleTopic.CE_SUBJECT), record.key(), headers,
                    record.value(), cause.getClass().getName(), error, attempts), Instant.now());
        } catch (RuntimeException e) {
            if (isInfrastructure(e)) {
                throw new DeadLetterStorageUnavailable(e);
            }
            LOG.error("lifecycle record {}-{}@{} could not be kept in the dead_letter table ({}); only the dead-letter topic can keep it",
                    record.topic(), record.partition(), record.offset(), secrets.scrub(Retries.rootMessage(e)));
        }
        boolean published = publish(record, cause, error);
        if (published && stored != null) {
            try {
                deadLetterStore.markInTopic(stored);
            } catch (RuntimeException e) {
                LOG.warn("dead letter {} is on {} but could not be marked so ({})", stored, LifecycleTopic.DEAD_LETTER,
                        secrets.scrub(Retries.rootMessage(e)));
            }
        }
        if (stored == null && !published) {
            return false;
        }
        failures.remove(partition);
        deadLettered.incrementAndGet();
        LOG.warn("lifecycle record {}-{}@{} dead-lettered{}{}: {}: {}", record.topic(), record.partition(), record.offset(),
                stored != null ? " as " + stored : "", published ? " and sent to " + LifecycleTopic.DEAD_LETTER : " (not on the topic)",
                cause.getClass().getName(), error);
        return true;
    }

    /** Sends the record to the dead-letter topic and waits for the acknowledgement; false when it was not taken. */
    private boolean publish(ConsumerRecord<String, byte[]> record, Throwable cause, String error) {
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
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            deadLetters.renew();
            LOG.warn("lifecycle record {}-{}@{} could not be sent to {} ({})", record.topic(), record.partition(), record.offset(),
                    LifecycleTopic.DEAD_LETTER, secrets.scrub(Retries.rootMessage(e)));
            return false;
        }
    }

    private static UUID eventId(Map<String, String> headers) {
        try {
            String id = headers.get(LifecycleTopic.CE_ID);
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The database could not be reached to keep a dead letter: an outage, retried like any other. */
    static final class DeadLetterStorageUnavailable extends RuntimeException {
        DeadLetterStorageUnavailable(Throwable cause) {
            super("the dead letter could not be stored: the database is unavailable", cause);
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
