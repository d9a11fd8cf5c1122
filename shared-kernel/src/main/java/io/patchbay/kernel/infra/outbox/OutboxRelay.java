package io.patchbay.kernel.infra.outbox;

import io.patchbay.kernel.infra.Retries;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.annotation.PreDestroy;
import io.micronaut.configuration.kafka.KafkaProducerFactory;
import io.patchbay.kernel.infra.kafka.RenewableProducer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes pending outbox rows to Kafka in id order with an idempotent producer ({@code acks=all}) and marks each row
 * published once Kafka acknowledged it. Woken by {@code NOTIFY} on commit, with a poll as fallback; backs off while
 * Kafka is unavailable. The producer is micronaut-kafka's, from the service's one {@code kafka.*} configuration (TLS,
 * SASL), idempotent with {@code acks=all} and at most 5 requests in flight, and replaced after any failure.
 *
 * <p><b>The lease.</b> Only one instance publishes at a time. The relay keeps one connection of its own (not from the
 * pool) for its whole life: it {@code LISTEN}s on it, holds the session-level advisory lock {@code pg_try_advisory_lock}
 * on it, and runs every read and every mark on it. The lease ends with that session: when the process dies, when the
 * connection breaks, or when the relay closes it after a database failure. Since each batch is read on the lease's own
 * connection, a relay whose session (and with it the lock) is gone fails on its next read and sends nothing more. Why
 * not the transaction-scoped lock of one batch, as before: several batches are in flight across reads and marks, so the
 * lease has to outlive each statement's transaction; one transaction over the whole backlog instead would keep every
 * mark uncommitted until the end (all republished after a crash) and a snapshot open for as long.
 *
 * <p><b>The pipeline.</b> The relay reads the next batch ({@code published_at IS NULL AND id > } the last id sent, in id
 * order) and sends it while earlier batches still await their acknowledgements. With
 * {@code patchbay.outbox.max-in-flight-batches} batches in flight it waits for the oldest one's acknowledgements, marks
 * it (one {@code UPDATE}, autocommit) and reads the next: batches are marked in id order, so the marked rows are always
 * a prefix of the pending ones. One producer sends every record in id order, and an idempotent producer with at most 5
 * requests in flight keeps each partition in send order, so each key's records reach Kafka in id order. When a read
 * finds less than a full batch the relay is caught up: it flushes the producer (a single row goes out at once, without
 * the producer's linger) and marks what is left in flight. {@code published_at} is the time the relay read the row
 * (the database's clock), as it was when a batch was one transaction.
 *
 * <p><b>Failures.</b> At-least-once: a row is marked only after Kafka acknowledged it. On any failure (a send, a
 * missing acknowledgement after 5 s, the database, {@link FaultHook}) the batches in flight are dropped unmarked, the
 * producer is renewed and publishing starts again, after a backoff, at the lowest unmarked id; rows that were sent but
 * not marked are published again (consumers dedupe by {@code ce_id}). The relay's connection commits its marks without
 * waiting for the WAL flush ({@code synchronous_commit=off}): a database crash can lose the last marks, and their rows
 * are published again in the same way; the rows themselves were committed by their writers as usual. After a database
 * failure the connection is closed too, which gives up the lease. A row whose transaction commits after rows with higher
 * ids were sent is read once the pipeline has drained (each drain starts again from the lowest unmarked id).
 */
@Context
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "patchbay.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x7061_7463_6862_6179L; // "patchbay"
    /** micronaut-kafka producer id: {@code kafka.producers.outbox-relay.*} (idempotent, acks=all: KafkaEnvironmentConfigurer). */
    public static final String PRODUCER = "outbox-relay";
    /** How the relay's own connection shows in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "patchbay-outbox-relay";
    /** How long a batch may wait for Kafka's acknowledgements (the producer's own timeouts match it). */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final String READ = "SELECT id, topic, record_key, headers::text AS headers, payload, now() AS read_at "
            + "FROM outbox_event WHERE published_at IS NULL AND id > ? ORDER BY id LIMIT ?";
    private static final String MARK = "UPDATE outbox_event SET published_at = ? WHERE id = ANY(?)";
    /** A drain of this many rows or more is logged with where its time went (a backlog, not the single rows of each change). */
    private static final int LOGGED_DRAIN = 1000;
    private static final Argument<Map<String, String>> HEADERS = Argument.mapOf(String.class, String.class);

    private final Sql sql;
    private final JsonMapper json;
    private final OutboxRelaySettings settings;
    private final AtomicLong published = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile FaultHook faultHook = () -> { };
    private final RenewableProducer producer;
    /** The relay's own connection: {@code LISTEN}, the lease, the reads and the marks. Only the worker thread uses it. */
    private Connection session;
    private boolean leased;
    private long lastPrune;

    /** Runs after a batch was sent and acknowledged and before it is marked published (tests simulate a crash there). */
    @FunctionalInterface
    public interface FaultHook {
        void afterSendBeforeMark();
    }

    public OutboxRelay(Sql sql, JsonMapper json, OutboxRelaySettings settings, Optional<MeterRegistry> meters, KafkaProducerFactory producers) {
        this.sql = sql;
        this.producer = new RenewableProducer(producers, PRODUCER);
        this.json = json;
        this.settings = settings;
        meters.ifPresent(registry -> {
            FunctionCounter.builder("patchbay.outbox.published", published, AtomicLong::get)
                    .description("outbox rows published to Kafka by this instance").register(registry);
            Gauge.builder("patchbay.outbox.pending", this, OutboxRelay::pendingOrNaN)
                    .description("outbox rows not yet published").register(registry);
        });
        this.worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    public long publishedCount() {
        return published.get();
    }

    /** Rows waiting to be published (for the metrics; NaN when the database does not answer). */
    public double pendingOrNaN() {
        try {
            return sql.one("SELECT count(*) FROM outbox_event WHERE published_at IS NULL", r -> r.getLong(1)).orElse(0L);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    public void setFaultHook(FaultHook hook) {
        this.faultHook = hook == null ? () -> { } : hook;
    }

    private void run() {
        Duration backoff = settings.minBackoff();
        while (running) {
            try {
                publishPending();
                backoff = settings.minBackoff();
                pruneIfDue();
                awaitWork(settings.pollInterval());
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warn("outbox relay: publishing failed ({}); retrying in {} ms", Retries.rootMessage(e), backoff.toMillis());
                producer.renew();
                if (e instanceof SQLException) {
                    closeSession();
                }
                awaitWork(backoff);
                backoff = Retries.next(backoff, settings.maxBackoff());
            }
        }
        closeSession();
    }

    /**
     * Publishes until no pending row is left, with at most {@code maxInFlightBatches} batches awaiting acknowledgement.
     *
     * @return rows published, or -1 while another instance holds the lease
     */
    int publishPending() throws SQLException, InterruptedException {
        Connection connection = session();
        if (!leased) {
            leased = tryLease(connection);
            if (!leased) {
                return -1;
            }
        }
        Deque<Batch> inFlight = new ArrayDeque<>();
        boolean more = true;
        int count = 0;
        DrainTimes times = new DrainTimes();
        while (more || !inFlight.isEmpty()) {
            if (more && inFlight.size() < settings.maxInFlightBatches()) {
                for (Batch sent : inFlight) {
                    sent.throwIfFailed(); // nothing more is sent after a refused record
                }
                // with nothing in flight, everything before is marked: start again at the lowest unmarked id
                long t = System.nanoTime();
                Batch batch = read(connection, inFlight.isEmpty() ? 0 : inFlight.getLast().lastId());
                times.read += System.nanoTime() - t;
                more = batch.size() == settings.batchSize();
                t = System.nanoTime();
                if (batch.size() > 0) {
                    send(batch);
                    inFlight.add(batch);
                }
                if (!more) {
                    producer.get().flush(); // caught up: the last records go out now, not after the producer's linger
                }
                times.send += System.nanoTime() - t;
                continue;
            }
            Batch oldest = inFlight.getFirst();
            long t = System.nanoTime();
            oldest.awaitAcknowledgements();
            times.await += System.nanoTime() - t;
            faultHook.afterSendBeforeMark();
            t = System.nanoTime();
            mark(connection, oldest);
            times.mark += System.nanoTime() - t;
            inFlight.removeFirst();
            published.addAndGet(oldest.size());
            count += oldest.size();
        }
        if (count >= LOGGED_DRAIN) {
            LOG.info("outbox relay: published {} rows in {} ms (reading {} ms, handing to the producer {} ms, waiting for Kafka's "
                    + "acknowledgements {} ms, marking {} ms)", count, times.millis(System.nanoTime() - times.started), times.millis(times.read),
                    times.millis(times.send), times.millis(times.await), times.millis(times.mark));
        }
        return count;
    }

    /** Where one drain's time went: a drain of at least {@link #LOGGED_DRAIN} rows is logged with it. */
    private static final class DrainTimes {
        final long started = System.nanoTime();
        long read;
        long send;
        long await;
        long mark;

        long millis(long nanos) {
            return nanos / 1_000_000;
        }
    }

    private static boolean tryLease(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, LOCK_KEY);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Batch read(Connection connection, long afterId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(READ)) {
            st.setLong(1, afterId);
            st.setInt(2, settings.batchSize());
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>(settings.batchSize());
            List<Long> ids = new ArrayList<>(settings.batchSize());
            OffsetDateTime readAt = null;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString("topic"), rs.getString("record_key"), rs.getBytes("payload"));
                    headers(rs.getString("headers")).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                    records.add(record);
                    ids.add(rs.getLong("id"));
                    readAt = rs.getObject("read_at", OffsetDateTime.class);
                }
            }
            return new Batch(ids.toArray(Long[]::new), records, readAt);
        }
    }

    /** Hands the batch's records to the producer, in id order; stops at the first record Kafka refused. */
    private void send(Batch batch) {
        Producer<String, byte[]> p = producer.get();
        for (ProducerRecord<String, byte[]> record : batch.records()) {
            batch.throwIfFailed();
            p.send(record, batch);
        }
        batch.sent();
    }

    private void mark(Connection connection, Batch batch) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(MARK)) {
            st.setObject(1, batch.readAt());
            st.setArray(2, connection.createArrayOf("bigint", batch.ids()));
            st.executeUpdate();
        }
    }

    private Map<String, String> headers(String headersJson) {
        try {
            return json.readValue(headersJson, HEADERS);
        } catch (IOException e) {
            throw new IllegalStateException("outbox row has unreadable headers", e);
        }
    }

    /** The relay's connection, opened (and listening) on first use. */
    private Connection session() throws SQLException {
        if (session == null) {
            Properties properties = new Properties();
            properties.setProperty("user", settings.jdbcUser());
            properties.setProperty("password", settings.jdbcPassword());
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
            try (Statement st = connection.createStatement()) {
                st.execute("LISTEN " + OutboxWriter.CHANNEL);
                // a mark lost in a crash only publishes its rows again (at-least-once, consumers dedupe): the relay's own
                // commits need not wait for the WAL flush; the rows themselves were committed by their writers
                st.execute("SET synchronous_commit TO off");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            session = connection;
            leased = false;
        }
        return session;
    }

    private void awaitWork(Duration timeout) {
        try {
            session().unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
        } catch (SQLException e) {
            closeSession();
            Retries.pause(timeout);
        }
    }

    private void pruneIfDue() {
        long now = System.currentTimeMillis();
        if (now - lastPrune < settings.pruneInterval().toMillis()) {
            return;
        }
        lastPrune = now;
        int pruned = sql.inTransaction(() -> sql.update(
                "DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event WHERE published_at < now() - make_interval(secs => ?) "
                        + "ORDER BY id LIMIT 10000)", (double) settings.retention().toSeconds()));
        if (pruned > 0) {
            LOG.info("outbox relay: pruned {} published rows older than {}", pruned, settings.retention());
        }
    }

    /** Closes the relay's connection, which ends the lease (PostgreSQL releases a session's advisory locks with it). */
    private void closeSession() {
        leased = false;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.debug("closing the relay's connection", e);
            }
            session = null;
        }
    }

    @PreDestroy
    public void stop() {
        running = false;
        worker.interrupt();
        try {
            worker.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Rows read together, sent together and marked together once Kafka acknowledged each of them; the producer calls
     * {@link #onCompletion} once per record, on its own thread.
     */
    private static final class Batch implements Callback {
        private final Long[] ids;
        private final List<ProducerRecord<String, byte[]>> records;
        private final OffsetDateTime readAt;
        private final CountDownLatch outstanding;
        private volatile Exception failure;
        private long deadline;

        Batch(Long[] ids, List<ProducerRecord<String, byte[]>> records, OffsetDateTime readAt) {
            this.ids = ids;
            this.records = records;
            this.readAt = readAt;
            this.outstanding = new CountDownLatch(records.size());
        }

        int size() {
            return ids.length;
        }

        long lastId() {
            return ids[ids.length - 1];
        }

        Long[] ids() {
            return ids;
        }

        List<ProducerRecord<String, byte[]>> records() {
            return records;
        }

        OffsetDateTime readAt() {
            return readAt;
        }

        void sent() {
            deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null && failure == null) {
                failure = exception;
            }
            outstanding.countDown();
        }

        void throwIfFailed() {
            Exception e = failure;
            if (e != null) {
                throw new IllegalStateException("Kafka did not acknowledge: " + Retries.rootMessage(e), e);
            }
        }

        void awaitAcknowledgements() throws InterruptedException {
            if (!outstanding.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("Kafka did not acknowledge " + outstanding.getCount() + " records within " + SEND_TIMEOUT.toMillis() + " ms");
            }
            throwIfFailed();
        }
    }
}
