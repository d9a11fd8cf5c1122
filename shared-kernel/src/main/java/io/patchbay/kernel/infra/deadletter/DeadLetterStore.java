package io.patchbay.kernel.infra.deadletter;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code dead_letter} table (shared-kernel migration {@code db/kernel/dead-letters/V0_4}): its statements, in one
 * place. A record is kept once per consumer group, topic, partition and offset: the same record dead-lettered again (read
 * again after a crash before the offset commit) adds its attempts and its latest error to the row it already has.
 */
@Singleton
public class DeadLetterStore {
    /** Longest error message kept (scrubbed before it is cut, so no part of a secret survives at the cut). */
    static final int MAX_ERROR = 4000;
    private static final String COLUMNS = "id, consumer_group, topic, kafka_partition, kafka_offset, event_id, event_type, subject, "
            + "record_key, headers, payload, error_class, error_message, attempts, dead_lettered_at, in_dead_letter_topic, replayed_at, "
            + "replay_outcome";

    private final Sql sql;
    private final JsonMapper json;

    public DeadLetterStore(Sql sql, JsonMapper json) {
        this.sql = sql;
        this.json = json;
    }

    /** Keeps {@code failure} (its own transaction) and answers the row's id. */
    public UUID record(DeadLetter.Failure failure, Instant at) {
        return sql.inTransaction(() -> sql.one("INSERT INTO dead_letter (id, consumer_group, topic, kafka_partition, kafka_offset, "
                        + "event_id, event_type, subject, record_key, headers, payload, error_class, error_message, attempts, dead_lettered_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT ON CONSTRAINT dead_letter_record DO UPDATE SET error_class = EXCLUDED.error_class, "
                        + "error_message = EXCLUDED.error_message, attempts = dead_letter.attempts + EXCLUDED.attempts RETURNING id",
                r -> r.getObject(1, UUID.class),
                UUID.randomUUID(), storable(failure.consumerGroup()), storable(failure.topic()), failure.partition(), failure.offset(),
                failure.eventId(), storable(failure.eventType()), storable(failure.subject()), storable(failure.recordKey()),
                headersJson(failure.headers()), failure.payload(), storable(failure.errorClass()), error(failure.errorMessage()),
                Math.max(1, failure.attempts()), at).orElseThrow());
    }

    /** The copy on the dead-letter topic was acknowledged. */
    public void markInTopic(UUID id) {
        sql.inTransaction(() -> sql.update("UPDATE dead_letter SET in_dead_letter_topic = true WHERE id = ?", id));
    }

    public Optional<DeadLetter> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?", this::map, id);
    }

    /** The row, locked until the current transaction ends (concurrent replays of one dead letter take turns). */
    public Optional<DeadLetter> lock(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ? FOR UPDATE", this::map, id);
    }

    /** Newest first; {@code after} is the (dead_lettered_at, id) of the last row of the previous page, or null. */
    public List<DeadLetter> page(Position after, int limit) {
        if (after == null) {
            return sql.list("SELECT " + COLUMNS + " FROM dead_letter ORDER BY dead_lettered_at DESC, id DESC LIMIT ?", this::map, limit);
        }
        return sql.list("SELECT " + COLUMNS + " FROM dead_letter WHERE (dead_lettered_at, id) < (?, ?) "
                + "ORDER BY dead_lettered_at DESC, id DESC LIMIT ?", this::map, after.at(), after.id(), limit);
    }

    public void replayed(UUID id, DeadLetter.ReplayOutcome outcome, Instant at) {
        sql.update("UPDATE dead_letter SET replayed_at = ?, replay_outcome = ? WHERE id = ?", at, outcome.wire(), id);
    }

    /** A replay failed again: one more attempt, the new error. */
    public void replayFailed(UUID id, String errorClass, String errorMessage, Instant at) {
        sql.inTransaction(() -> sql.update("UPDATE dead_letter SET replayed_at = ?, replay_outcome = 'failed', attempts = attempts + 1, "
                + "error_class = ?, error_message = ? WHERE id = ?", at, storable(errorClass), error(errorMessage), id));
    }

    /** Removes the row; false when there is none. */
    public boolean delete(UUID id) {
        return sql.update("DELETE FROM dead_letter WHERE id = ?", id) == 1;
    }

    /** A keyset position in the newest-first order. */
    public record Position(Instant at, UUID id) {
    }

    private DeadLetter map(ResultSet r) throws SQLException {
        String outcome = r.getString("replay_outcome");
        Timestamp replayed = r.getTimestamp("replayed_at");
        return new DeadLetter(r.getObject("id", UUID.class), r.getString("consumer_group"), r.getString("topic"), r.getInt("kafka_partition"),
                r.getLong("kafka_offset"), r.getObject("event_id", UUID.class), r.getString("event_type"), r.getString("subject"),
                r.getString("record_key"), headers(r.getString("headers")), r.getBytes("payload"), r.getString("error_class"),
                r.getString("error_message"), r.getInt("attempts"), r.getTimestamp("dead_lettered_at").toInstant(),
                r.getBoolean("in_dead_letter_topic"), replayed == null ? null : replayed.toInstant(),
                outcome == null ? null : DeadLetter.ReplayOutcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)));
    }

    private String headersJson(Map<String, String> headers) {
        Map<String, String> clean = new LinkedHashMap<>();
        headers.forEach((k, v) -> clean.put(storable(k), storable(v)));
        try {
            return json.writeValueAsString(clean);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> headers(String text) {
        try {
            Map<String, String> map = json.readValue(text, Argument.mapOf(String.class, String.class));
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String error(String message) {
        String text = storable(message == null ? "" : message);
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text;
    }

    /**
     * PostgreSQL text and jsonb cannot hold NUL (it becomes U+FFFD) nor an unpaired surrogate (it becomes {@code ?}); such
     * a record is not a readable event anyway.
     */
    static String storable(String text) {
        return text == null ? null : new String(text.replace('\u0000', '\uFFFD').getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
