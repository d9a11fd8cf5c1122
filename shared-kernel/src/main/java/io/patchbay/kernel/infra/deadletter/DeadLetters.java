package io.patchbay.kernel.infra.deadletter;

import io.micronaut.context.annotation.Requires;
import io.patchbay.kernel.audit.AuditChanges;
import io.patchbay.kernel.audit.AuditRecord;
import io.patchbay.kernel.audit.AuditTrail;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.infra.event.InvalidEventException;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.inbox.InboxOutcome;
import io.patchbay.kernel.infra.inbox.LifecycleConsumer;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an operator does with the service's dead letters: list them, replay one through the {@link LifecycleInbox} (the
 * same rules as the consumer: an event already applied is a duplicate, one not newer than the configuration's
 * projection is stale, neither is applied again), and discard one. Present in every service with a
 * {@link ApplyLifecycleEventUseCase} (the consumers).
 * <p>
 * Audit trail (resource type {@value #RESOURCE}): a replay the inbox took writes {@code dead_letter.replayed} (the
 * outcome), a discard {@code dead_letter.discarded} (what the dead letter was), each in the transaction of its change,
 * the admin as actor. The changes the replayed event makes are audited by the service as the event's (system, with the
 * event as cause). A replay that fails again changes only the dead letter's attempts and error and writes no entry.
 */
@Singleton
@Requires(beans = ApplyLifecycleEventUseCase.class)
public class DeadLetters {
    static final String RESOURCE = "dead_letter";
    private final DeadLetterStore store;
    private final LifecycleInbox inbox;
    private final ApplyLifecycleEventUseCase useCase;
    private final LifecycleEventCodec codec;
    private final ConfiguredSecrets secrets;
    private final Sql sql;
    private final Clock clock;
    private final AuditTrail audit;

    public DeadLetters(DeadLetterStore store, LifecycleInbox inbox, ApplyLifecycleEventUseCase useCase, LifecycleEventCodec codec,
                       ConfiguredSecrets secrets, Sql sql, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.inbox = inbox;
        this.useCase = useCase;
        this.codec = codec;
        this.secrets = secrets;
        this.sql = sql;
        this.clock = clock;
    }

    /** What a replay did: the inbox's outcome, or the error the event failed with again (scrubbed). */
    public record Replay(DeadLetter.ReplayOutcome outcome, String errorClass, String errorMessage, DeadLetter deadLetter) {
    }

    /** A page of dead letters, newest first, and the position after its last one when there may be more. */
    public record Page(List<DeadLetter> items, DeadLetterStore.Position next) {
    }

    public Page list(DeadLetterStore.Position after, int limit) {
        List<DeadLetter> rows = store.page(after, limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<DeadLetter> page = rows.subList(0, limit);
        DeadLetter last = page.getLast();
        return new Page(List.copyOf(page), new DeadLetterStore.Position(last.deadLetteredAt(), last.id()));
    }

    public Optional<DeadLetter> get(UUID id) {
        return store.find(id);
    }

    /**
     * Applies the stored event through the inbox now, in one transaction with the dead letter's replay outcome (the row is
     * locked meanwhile, so concurrent replays of one dead letter take turns and the second one is told "duplicate").
     *
     * @throws io.patchbay.kernel.error.ProblemException 404 when there is no such dead letter, 503 when the database
     *                                                   cannot be reached
     */
    public Replay replay(UUID id) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return sql.inTransaction(() -> {
                DeadLetter row = store.lock(id).orElseThrow(NoSuchDeadLetter::new);
                LifecycleEnvelope envelope = codec.decode(row.headers(), row.payload());
                InboxOutcome outcome = inbox.receive(envelope, useCase);
                DeadLetter.ReplayOutcome replayed = DeadLetter.ReplayOutcome.valueOf(outcome.name());
                store.replayed(id, replayed, now);
                audit.record(AuditRecord.of("dead_letter.replayed", RESOURCE, id.toString(), null, AuditChanges.of("last_replay_outcome",
                        row.replayOutcome() == null ? null : row.replayOutcome().wire(), replayed.wire())));
                return new Replay(replayed, null, null, store.find(id).orElseThrow());
            });
        } catch (NoSuchDeadLetter e) {
            throw Problems.notFound("dead letter " + id);
        } catch (InvalidEventException e) {
            return failed(id, e, now);
        } catch (RuntimeException e) {
            if (LifecycleConsumer.isInfrastructure(e)) {
                throw Problems.dependencyUnavailable("the database is unavailable; the dead letter was not replayed", 5);
            }
            return failed(id, e, now);
        }
    }

    private Replay failed(UUID id, RuntimeException e, Instant now) {
        String message = secrets.scrub(String.valueOf(e.getMessage()));
        store.replayFailed(id, e.getClass().getName(), message, now);
        DeadLetter row = store.find(id).orElseThrow(() -> Problems.notFound("dead letter " + id));
        return new Replay(DeadLetter.ReplayOutcome.FAILED, e.getClass().getName(), row.errorMessage(), row);
    }

    private static final class NoSuchDeadLetter extends RuntimeException {
        NoSuchDeadLetter() {
            super(null, null, false, false);
        }
    }

    /** Removes the dead letter (its record stays on the dead-letter topic if it was sent there); false when there is none. */
    public boolean discard(UUID id) {
        return sql.inTransaction(() -> {
            Optional<DeadLetter> row = store.lock(id);
            if (row.isEmpty() || !store.delete(id)) {
                return false;
            }
            audit.record(AuditRecord.of("dead_letter.discarded", RESOURCE, id.toString(), null, AuditChanges.deleted(fields(row.get()), Set.of())));
            return true;
        });
    }

    /** What an audit entry says a dead letter was (its error is scrubbed already; the record itself is left out). */
    private static Map<String, Object> fields(DeadLetter d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event_id", d.eventId() == null ? null : d.eventId().toString());
        fields.put("event_type", d.eventType());
        fields.put("subject", d.subject());
        fields.put("consumer_group", d.consumerGroup());
        fields.put("topic", d.topic());
        fields.put("partition", d.partition());
        fields.put("offset", d.offset());
        fields.put("error_class", d.errorClass());
        fields.put("error_message", d.errorMessage());
        fields.put("attempts", d.attempts());
        fields.put("dead_lettered_at", d.deadLetteredAt());
        fields.put("last_replay_outcome", d.replayOutcome() == null ? null : d.replayOutcome().wire());
        return fields;
    }
}
