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
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lifecycle topic in the service's consumer group ({@code patchbay.consumer.group-id}, default the application
 * name), through micronaut-kafka in batch mode. The records of a poll go to the {@link LifecycleInbox} in <em>one</em>
 * transaction, and its new events to the service's {@link ApplyLifecycleEventUseCase} in one call (each partition's
 * records in their order), which applies them set-based; offsets are committed synchronously after it: at-least-once
 * delivery, exactly-once effect through the inbox.
 * <ul>
 *   <li>A batch that fails for another reason than an outage is tried again one transaction per record: all records but
 *       the first failing one of each partition (and what follows it) are applied. The error strategy then retries the
 *       batch, exponentially from {@code patchbay.consumer.initial-backoff} (200 ms), {@code patchbay.consumer.retries}
 *       times (4); records applied before are duplicates then. When the retries are spent {@link #handle} dead-letters
 *       each failing record: first into the service's {@code dead_letter} table ({@link DeadLetterStore}, with the record
 *       itself so that an operator can replay it), then <em>synchronously</em> to the dead-letter topic with the error in
 *       headers, and moves its partition past it. A record that cannot be decoded is dead-lettered at once (once, even
 *       when its batch is retried). Errors are scrubbed of the service's secrets first ({@link ConfiguredSecrets}).</li>
 *   <li>A database that cannot be reached is an outage, not a bad record: it is never dead-lettered. When the retries
 *       are spent every partition of the batch is rewound to its first record and the cycle starts again, without limit.
 *       A database that cannot be reached while a dead letter is being stored is an outage too: nothing is published.</li>
 *   <li>micronaut-kafka 5.9 moves past a batch once the retries are spent. A record that could not be dead-lettered
 *       either (neither the table nor the topic took it) rewinds its partition to it, so the committed offset never
 *       passes it.</li>
 * </ul>
 * A SIGTERM closes the consumer, which leaves the group at once; a killed instance is noticed after the session
 * timeout ({@code PATCHBAY_KAFKA_SESSION_TIMEOUT}, 10 s). A poll returns at most {@value #MAX_POLL_RECORDS} records: a
 * member rejoins a rebalance only from {@code poll()}, so the partitions of a dead member wait for the survivors to
 * finish the batch in hand (a batch is applied with a fixed number of statements, the inbox's and the use case's, so its
 * time grows with the rows written rather than with round trips; only the one-by-one path after a failure takes a
 * transaction per record). Partitions are assigned by Kafka's default (eager) protocol, not the cooperative one: with
 * cooperative rebalancing a member keeps its partitions through a rebalance, and a commit refused during one is never
 * tried again by micronaut-kafka (it commits only after a non-empty batch), so the group's offsets can stay behind
 * records already applied until new ones arrive (PlatformLifecycleIT saw a lag of 550 that never went); an eager
 * rebalance hands the partitions out again from the committed offsets, and the inbox skips what was applied.
 */
@KafkaListener(batch = true, groupId = "${patchbay.consumer.group-id:}", offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
        isolation = IsolationLevel.READ_COMMITTED,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
                retryDelay = "${patchbay.consumer.initial-backoff:200ms}", retryCountValue = "${patchbay.consumer.retries:4}"),
        properties = @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "" + LifecycleConsumer.MAX_POLL_RECORDS))
@Requires(beans = ApplyLifecycleEventUseCase.class)
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "patchbay.consumer.enabled", notEquals = "false")
public class LifecycleConsumer implements KafkaListenerExceptionHandler {
    /**
     * Records per poll: the batch the inbox and the use case apply set-based in one transaction (a 10,000-configuration
     * plan downgrade is 20 of them); it bounds how long a rebalance waits for this member (see the class comment).
     */
    public static final int MAX_POLL_RECORDS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleConsumer.class);

    private final LifecycleInbox inbox;
    private final ApplyLifecycleEventUseCase useCase;
    private final LifecycleEventCodec codec;
    /** micronaut-kafka producer id: {@code kafka.producers.lifecycle-dead-letters.*} (idempotent, acks=all). */
    public static final String DEAD_LETTER_PRODUCER = "lifecycle-dead-letters";

    private final RenewableProducer deadLetters;
    private final DeadLetterStore deadLetterStore;
    private final ConfiguredSecrets secrets;
    private final String groupId;
    /** Per partition: the offset of the record being tried and how often the inbox failed on it so far. */
    private final Map<TopicPartition, long[]> failures = new ConcurrentHashMap<>();
    /** The first offset of each partition of the batch being applied (consumer thread only); empty between batches. */
    private volatile Map<TopicPartition, Long> inHand = Map.of();
    /** Undecodable records already dead-lettered while their batch is retried: not kept twice. */
    private final Map<TopicPartition, Set<Long>> undecodableKept = new ConcurrentHashMap<>();
    private final Map<InboxOutcome, AtomicLong> outcomes = new EnumMap<>(InboxOutcome.class);
    private final AtomicLong deadLettered = new AtomicLong();

    public LifecycleConsumer(LifecycleInbox inbox, ApplyLifecycleEventUseCase useCase, LifecycleEventCodec codec,
                             KafkaProducerFactory producers, DeadLetterStore deadLetterStore, ConfiguredSecrets secrets,
                             @Value("${patchbay.consumer.group-id:}") String groupId,
                             @Value("${micronaut.application.name:patchbay}") String applicationName,
                             Optional<MeterRegistry> meters) {
        this.inbox = inbox;
        this.useCase = useCase;
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
    void receive(ConsumerRecords<String, byte[]> records, Consumer<?, ?> consumer) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition, records.records(partition).getFirst().offset());
        }
        inHand = Map.copyOf(first);
        List<ConsumerRecord<String, byte[]>> decodedRecords = new ArrayList<>(records.count());
        List<LifecycleEnvelope> envelopes = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    envelopes.add(codec.decode(headers(record), record.value()));
                    decodedRecords.add(record);
                } catch (InvalidEventException e) {
                    if (undecodableKept.getOrDefault(partition, Set.of()).contains(record.offset())) {
                        continue; // kept when this batch was tried before
                    }
                    // a database outage while storing the dead letter propagates: the error strategy retries with backoff
                    if (deadLetter(record, e)) {
                        undecodableKept.computeIfAbsent(partition, p -> new HashSet<>()).add(record.offset());
                    } else {
                        consumer.seek(partition, record.offset()); // neither kept: read the partition again from it
                        break;
                    }
                }
            }
        }
        List<InboxOutcome> applied;
        try {
            applied = inbox.receiveAll(envelopes, useCase);
        } catch (RuntimeException e) {
            if (isInfrastructure(e)) {
                throw e;
            }
            applied = oneByOne(decodedRecords, envelopes);
        }
        for (int i = 0; i < applied.size(); i++) {
            count(applied.get(i), envelopes.get(i));
        }
        for (TopicPartition partition : records.partitions()) {
            failures.remove(partition);
            undecodableKept.remove(partition);
        }
        inHand = Map.of();
    }

    /**
     * A batch that failed for another reason than an outage, tried again one transaction per record to apply all but the
     * records that fail. A partition stops at its first failing record; when there is one, {@link RecordsFailed} says
     * which, and the error strategy retries the batch (the records applied meanwhile are duplicates then).
     */
    private List<InboxOutcome> oneByOne(List<ConsumerRecord<String, byte[]>> records, List<LifecycleEnvelope> envelopes) {
        Map<TopicPartition, RecordsFailed.Failed> failed = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (failed.containsKey(partition)) {
                continue;
            }
            try {
                count(inbox.receive(envelopes.get(i), useCase), envelopes.get(i));
            } catch (RuntimeException e) {
                if (isInfrastructure(e)) {
                    throw e;
                }
                failures.compute(partition, (p, f) -> f != null && f[0] == record.offset() ? new long[] {f[0], f[1] + 1}
                        : new long[] {record.offset(), 1});
                failed.put(partition, new RecordsFailed.Failed(record, e));
            }
        }
        if (!failed.isEmpty()) {
            throw new RecordsFailed(List.copyOf(failed.values()));
        }
        return List.of();
    }

    private void count(InboxOutcome outcome, LifecycleEnvelope envelope) {
        outcomes.get(outcome).incrementAndGet();
        if (outcome != InboxOutcome.APPLIED) {
            LOG.debug("lifecycle event {} for {} skipped: {}", envelope.id(), envelope.subject(), outcome);
        }
    }

    /**
     * Called by micronaut-kafka when a batch's retries are spent (it has moved every partition of the batch past it then),
     * and for failures outside a batch (poll, commit: the records are read again).
     */
    @Override
    public void handle(KafkaListenerException exception) {
        Throwable cause = exception.getCause() != null ? exception.getCause() : exception;
        Optional<ConsumerRecords<?, ?>> batch = exception.getConsumerRecords();
        Consumer<?, ?> consumer = exception.getKafkaConsumer();
        batch.ifPresent(records -> records.partitions().forEach(undecodableKept::remove));
        if (cause instanceof RecordsFailed failed) {
            for (RecordsFailed.Failed f : failed.records()) {
                deadLetterOrRewind(f.record(), f.cause(), consumer);
            }
        } else if (batch.isPresent() && (isInfrastructure(cause) || cause instanceof DeadLetterStorageUnavailable)) {
            LOG.warn("lifecycle records: the database is unavailable ({}); retrying", secrets.scrub(Retries.rootMessage(cause)));
            for (TopicPartition partition : batch.get().partitions()) {
                consumer.seek(partition, batch.get().records(partition).getFirst().offset());
            }
        } else if (batch.isEmpty() && !inHand.isEmpty()) {
            // micronaut-kafka 5.9 could not resolve its error strategy for the batch (it knows the positions to retry
            // from only for partitions assigned before the poll; a batch that fails on a partition assigned in that poll
            // ends in a NullPointerException, and the consumer would go on after the batch): read it again from its start
            LOG.warn("lifecycle consumer: {}; reading the batch again", secrets.scrub(Retries.rootMessage(cause)));
            inHand.forEach((partition, offset) -> consumer.seek(partition, offset));
        } else {
            LOG.warn("lifecycle consumer: {}", secrets.scrub(Retries.rootMessage(cause)));
        }
        inHand = Map.of();
    }

    /** Dead-letters a record whose retries are spent and moves its partition past it; reads it again when it was not kept. */
    private void deadLetterOrRewind(ConsumerRecord<String, byte[]> record, Throwable cause, Consumer<?, ?> consumer) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            consumer.seek(partition, deadLetter(record, cause) ? record.offset() + 1 : record.offset());
        } catch (DeadLetterStorageUnavailable e) {
            LOG.warn("lifecycle record {}-{}@{}: the database is unavailable to keep the dead letter ({}); retrying", record.topic(),
                    record.partition(), record.offset(), secrets.scrub(Retries.rootMessage(e)));
            consumer.seek(partition, record.offset());
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

    /** The records of a batch that failed after the others were applied: the first failing record of each partition. */
    static final class RecordsFailed extends RuntimeException {
        private final List<Failed> records;

        RecordsFailed(List<Failed> records) {
            super(records.size() == 1 ? records.getFirst().cause().getMessage() : records.size() + " lifecycle records failed",
                    records.getFirst().cause(), false, false);
            this.records = records;
        }

        List<Failed> records() {
            return records;
        }

        record Failed(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
