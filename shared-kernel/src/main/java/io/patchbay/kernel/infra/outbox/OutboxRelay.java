package io.patchbay.kernel.infra.outbox;

import io.patchbay.kernel.infra.Retries;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.kernel.infra.jdbc.Sql;
import jakarta.annotation.PreDestroy;
import io.micronaut.configuration.kafka.KafkaProducerFactory;
import io.patchbay.kernel.infra.kafka.RenewableProducer;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes pending outbox rows to Kafka, in id order, with an idempotent producer ({@code acks=all}), and marks them
 * published in the same database transaction. Only one instance publishes at a time: each batch runs under a
 * transaction-scoped advisory lock (a lease that ends with the transaction, also when the process dies). If the process
 * dies between publish and mark the rows are published again (at-least-once; consumers dedupe by {@code ce_id}).
 * Woken by {@code NOTIFY} on commit, with a poll as fallback; backs off while Kafka is unavailable. The producer is
 * micronaut-kafka's, from the service's one {@code kafka.*} configuration (TLS, SASL), idempotent with {@code acks=all},
 * and replaced after a failed batch.
 */
@Context
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "patchbay.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x7061_7463_6862_6179L; // "patchbay"
    /** micronaut-kafka producer id: {@code kafka.producers.outbox-relay.*} (idempotent, acks=all: KafkaEnvironmentConfigurer). */
    public static final String PRODUCER = "outbox-relay";
    /** How long a batch may wait for Kafka's acknowledgements (the producer's own timeouts match it). */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

    private final Sql sql;
    private final JsonMapper json;
    private final OutboxRelaySettings settings;
    private final AtomicLong published = new AtomicLong();
    private final Thread worker;
    private volatile boolean running = true;
    private volatile FaultHook faultHook = () -> { };
    private final RenewableProducer producer;
    private Connection listener;
    private long lastPrune;

    /** Runs after a batch was sent and before it is marked published (tests simulate a crash there). */
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
                int sent = publishBatch();
                backoff = settings.minBackoff();
                pruneIfDue();
                if (sent < settings.batchSize()) {
                    awaitWork(sent < 0 ? settings.pollInterval() : settings.pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("outbox relay: publishing failed ({}); retrying in {} ms", Retries.rootMessage(e), backoff.toMillis());
                producer.renew();
                awaitWork(backoff);
                backoff = Retries.next(backoff, settings.maxBackoff());
            }
        }
        closeListener();
    }

    /** @return rows published, or -1 when another instance holds the lease */
    int publishBatch() {
        return sql.inTransaction(() -> {
            boolean leased = sql.one("SELECT pg_try_advisory_xact_lock(?)", r -> r.getBoolean(1), LOCK_KEY).orElse(false);
            if (!leased) {
                return -1;
            }
            List<PendingRow> rows = sql.list(
                    "SELECT id, topic, record_key, headers::text AS headers, payload FROM outbox_event "
                            + "WHERE published_at IS NULL ORDER BY id LIMIT ?",
                    r -> new PendingRow(r.getLong("id"), r.getString("topic"), r.getString("record_key"),
                            r.getString("headers"), r.getBytes("payload")),
                    settings.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            faultHook.afterSendBeforeMark();
            sql.update("UPDATE outbox_event SET published_at = now() WHERE id = ANY(?)",
                    (Object) rows.stream().map(PendingRow::id).toArray(Long[]::new));
            published.addAndGet(rows.size());
            return rows.size();
        });
    }

    private void send(List<PendingRow> rows) {
        Producer<String, byte[]> p = producer.get();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
            headers(row.headersJson()).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            acks.add(p.send(record));
        }
        p.flush();
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge: " + Retries.rootMessage(e), e);
            }
        }
    }

    private Map<String, String> headers(String headersJson) {
        try {
            return json.readValue(headersJson, Argument.mapOf(String.class, String.class));
        } catch (IOException e) {
            throw new IllegalStateException("outbox row has unreadable headers", e);
        }
    }

    private void awaitWork(Duration timeout) {
        try {
            if (listener == null) {
                listener = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
                try (Statement st = listener.createStatement()) {
                    st.execute("LISTEN " + OutboxWriter.CHANNEL);
                }
            }
            listener.unwrap(PGConnection.class).getNotifications((int) Math.max(1, timeout.toMillis()));
        } catch (SQLException e) {
            closeListener();
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

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                LOG.debug("closing listener", e);
            }
            listener = null;
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

    private record PendingRow(long id, String topic, String key, String headersJson, byte[] payload) {
    }
}
