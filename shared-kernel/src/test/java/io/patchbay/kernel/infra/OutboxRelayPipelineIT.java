package io.patchbay.kernel.infra;

import io.micronaut.context.ApplicationContext;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.jdbc.Sql;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.kernel.infra.outbox.OutboxRelay;
import io.patchbay.kernel.infra.outbox.OutboxWriter;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay on a backlog, against a real PostgreSQL and a real Kafka: thousands of rows over several keys on a topic
 * of several partitions, published completely and in id order per key, each row marked only once Kafka acknowledged it,
 * also when publishing fails in the middle of the backlog; one instance publishing at a time. Each test gets its own
 * database and topic; no consumer runs in the context (the topic is read back directly). Also measures the relay on a
 * 10,000-row backlog and on single rows ({@code BENCHMARK} lines, {@code target/benchmarks/relay-*.json}; recorded, not
 * asserted).
 */
class OutboxRelayPipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int KEYS = 7;
    private final TestInfra infra = TestInfra.get();
    private String jdbcUrl;
    private String topic;
    private ApplicationContext context;
    /** A second service instance on the same database, when a test needs one. */
    private ApplicationContext second;

    @BeforeEach
    void databaseAndTopic() throws Exception {
        jdbcUrl = infra.newDatabase("kernel_relay");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(resource("/db/kernel/outbox/V0_1__patchbay_kernel_outbox.sql"));
        }
        topic = "relay-it-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            List<String> topics = List.of(topic, floorTopic());
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            // a producer that sends before a new partition has its leader can be stuck retrying (NOT_LEADER, then
            // OutOfOrderSequence): wait until every partition has one
            await().atMost(WAIT).until(() -> admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        }
    }

    /** Where the benchmark's floor producer sends: a topic like {@link #topic}. */
    private String floorTopic() {
        return topic + "-floor";
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        if (second != null) {
            second.close();
        }
        infra.startKafka();
    }

    private void startRelay() {
        context = relayContext();
    }

    /** A service instance with a relay (and no consumer) on this test's database. */
    private ApplicationContext relayContext() {
        Map<String, Object> props = new HashMap<>(infra.micronautProperties(jdbcUrl));
        props.put("micronaut.application.name", "kernel-relay-it");
        props.put("patchbay.outbox.poll-interval", "200ms");
        props.put("patchbay.outbox.max-backoff", "1s");
        props.put("patchbay.topic.provision", "false");
        return ApplicationContext.run(props);
    }

    @Test
    void aBacklogIsPublishedCompletelyInIdOrderPerKeyAndEveryRowIsMarked() throws Exception {
        startRelay();
        write(0, 5_000);
        await().atMost(WAIT).until(() -> unpublished() == 0);

        Map<UUID, Long> ids = outboxIds();
        List<ConsumerRecord<String, byte[]>> records = records();
        assertThat(records).as("each row exactly once: nothing failed, so nothing was sent twice").hasSize(5_000);
        assertFirstOccurrencesInIdOrderPerKey(records, ids);
        assertThat(context.getBean(OutboxRelay.class).publishedCount()).isEqualTo(5_000);
    }

    /**
     * The fault hook throws before the third batch is marked: the first two batches (1,000 rows) stay marked, the third
     * was acknowledged but not marked and later ones may be in flight. The relay renews its producer and starts again at
     * the lowest unmarked id, so the third batch is on the topic twice and everything reaches it in id order per key.
     */
    @Test
    void aFailureBeforeMarkingResumesAtTheLowestUnmarkedRowAndKeepsEveryMarkedRowPublishedOnce() throws Exception {
        startRelay();
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<List<Long>> markedAtFailure = new AtomicReference<>();
        relay.setFaultHook(() -> {
            if (calls.incrementAndGet() == 3) {
                markedAtFailure.set(markedIds());
                throw new IllegalStateException("simulated failure after the third batch was acknowledged, before it was marked");
            }
        });
        write(0, 5_000);
        await().atMost(WAIT).until(() -> unpublished() == 0);

        List<Long> allIds = outboxIds().values().stream().sorted().toList();
        assertThat(markedAtFailure.get()).as("marked in id order, batch after batch").isEqualTo(allIds.subList(0, 1_000));
        Map<UUID, Long> ids = outboxIds();
        List<ConsumerRecord<String, byte[]>> records = records();
        assertFirstOccurrencesInIdOrderPerKey(records, ids);
        assertPublishedOnce(records, ids, markedAtFailure.get());
        assertThat(records.size()).as("the acknowledged but unmarked third batch was published again").isGreaterThanOrEqualTo(5_500);
    }

    /**
     * Kafka goes away while batches are in flight (after the third batch was acknowledged): nothing is marked while it is
     * away, what was marked before stays published once, and once it is back every row reaches the topic, in id order per
     * key for the first occurrences.
     */
    @Test
    void kafkaGoingAwayMidBacklogMarksNothingUnacknowledgedAndLosesNothing() throws Exception {
        startRelay();
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch kafkaStopped = new CountDownLatch(1);
        relay.setFaultHook(() -> {
            if (calls.incrementAndGet() == 3) {
                reached.countDown();
                try {
                    kafkaStopped.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        write(0, 5_000);
        assertThat(reached.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        infra.stopKafka();
        kafkaStopped.countDown();
        write(5_000, 1_000);
        // acknowledgements that arrived before the broker went are still marked; then nothing moves for longer than
        // the producer waits for an acknowledgement (5 s)
        AtomicLong lastSeen = new AtomicLong(-1);
        await().atMost(WAIT).during(Duration.ofSeconds(7)).until(() -> lastSeen.getAndSet(unpublished()) == lastSeen.get());
        List<Long> marked = markedIds();
        List<Long> allIds = outboxIds().values().stream().sorted().toList();
        assertThat(marked).as("a prefix of the ids, marked in order").isEqualTo(allIds.subList(0, marked.size()));
        assertThat(marked.size()).isBetween(1_000, 4_999);

        infra.startKafka();
        await().atMost(WAIT).until(() -> unpublished() == 0);
        Map<UUID, Long> ids = outboxIds();
        assertThat(ids).hasSize(6_000);
        List<ConsumerRecord<String, byte[]>> records = records();
        assertFirstOccurrencesInIdOrderPerKey(records, ids);
        assertPublishedOnce(records, ids, marked);
    }

    /**
     * Two instances on one database: the first relay holds the lease (a session-level advisory lock on its own
     * connection) and publishes everything, the second publishes nothing; once the first instance is gone its lease is
     * too, and the second publishes what comes next. Every row is on the topic exactly once.
     */
    @Test
    void oneInstancePublishesAtATimeAndAnotherTakesOverWhenItsConnectionIsGone() throws Exception {
        startRelay();
        OutboxRelay first = context.getBean(OutboxRelay.class);
        await().atMost(WAIT).until(() -> leaseHolders().size() == 1);
        LeaseHolder firstHolder = leaseHolders().getFirst();
        assertThat(firstHolder.application()).isEqualTo(OutboxRelay.APPLICATION_NAME);
        second = relayContext();
        OutboxRelay next = second.getBean(OutboxRelay.class);
        write(0, 2_000);
        await().atMost(WAIT).until(() -> unpublished() == 0);
        assertThat(first.publishedCount()).isEqualTo(2_000);
        assertThat(next.publishedCount()).isZero();
        assertThat(leaseHolders()).containsExactly(firstHolder);

        context.close(); // the first instance stops: its relay's connection, and with it the lease, is gone
        context = second; // writes through the second instance from here on
        second = null;
        await().atMost(WAIT).until(() -> leaseHolders().size() == 1 && !leaseHolders().contains(firstHolder));
        write(2_000, 1_000);
        await().atMost(WAIT).until(() -> unpublished() == 0);
        assertThat(next.publishedCount()).isEqualTo(1_000);
        Map<UUID, Long> ids = outboxIds();
        List<ConsumerRecord<String, byte[]>> records = records();
        assertThat(records).hasSize(3_000);
        assertFirstOccurrencesInIdOrderPerKey(records, ids);
    }

    private record LeaseHolder(int pid, String application) {
    }

    /** The backends of this test's database that hold an advisory lock: the relay's lease. */
    private List<LeaseHolder> leaseHolders() throws SQLException {
        List<LeaseHolder> holders = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT a.pid, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                        + "WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            while (rs.next()) {
                holders.add(new LeaseHolder(rs.getInt(1), rs.getString(2)));
            }
        }
        return holders;
    }

    /**
     * The latency of one row on its own: from its commit until the relay marked it (woken by NOTIFY, read, sent,
     * flushed, acknowledged, marked), 200 times one after the other after a warm-up. Recorded, not asserted.
     */
    @Test
    void benchmarkSingleRowLatency() throws Exception {
        startRelay();
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        write(0, 500); // warm-up
        await().atMost(WAIT).until(() -> relay.publishedCount() == 500);
        for (int i = 0; i < 50; i++) {
            long before = relay.publishedCount();
            write(500 + i, 1);
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> relay.publishedCount() > before);
        }
        int n = 200;
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long before = relay.publishedCount();
            long committed = write(messages(550 + i, 1));
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> relay.publishedCount() > before);
            micros.add((System.nanoTime() - committed) / 1_000);
        }
        assertThat(unpublished()).isZero();
        List<ConsumerRecord<String, byte[]>> records = records();
        assertThat(records).hasSize(550 + n);
        assertFirstOccurrencesInIdOrderPerKey(records, outboxIds());

        List<Long> sorted = micros.stream().sorted().toList();
        double p50 = sorted.get(n / 2) / 1e3;
        double p90 = sorted.get(n * 9 / 10) / 1e3;
        double p99 = sorted.get(n * 99 / 100) / 1e3;
        double max = sorted.getLast() / 1e3;
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        String report = String.format(Locale.ROOT, "{\"rows\":%d,\"p50Millis\":%.1f,\"p90Millis\":%.1f,\"p99Millis\":%.1f,\"maxMillis\":%.1f,"
                + "\"loadavg\":\"%s\"}%n", n, p50, p90, p99, max, load);
        Path out = Path.of("target", "benchmarks", "relay-single-row.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.printf(Locale.ROOT, "BENCHMARK relay-single-row rows=%d p50Millis=%.1f p90Millis=%.1f p99Millis=%.1f maxMillis=%.1f loadavg=%s%n",
                n, p50, p90, p99, max, load);
    }

    /**
     * How fast the relay empties a 10,000-row backlog committed in one transaction (a plan downgrade): from the commit
     * until every row is marked published, after a warm-up, five times (the median is reported); next to a bare idempotent producer sending the
     * same records (the floor). Recorded, not asserted; the correctness of what was published is asserted.
     */
    @Test
    void benchmarkATenThousandRowBacklog() throws Exception {
        startRelay();
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        int n = 10_000;
        int runs = 5;
        write(0, n); // warm-up: the relay's and the producer's code compiled before the timed runs
        await().atMost(WAIT).until(() -> relay.publishedCount() == n);
        List<Long> millis = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            long before = relay.publishedCount();
            long committed = write(messages(run * n, n));
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> relay.publishedCount() >= before + n);
            millis.add((System.nanoTime() - committed) / 1_000_000);
        }
        assertThat(unpublished()).isZero();
        Map<UUID, Long> ids = outboxIds();
        List<ConsumerRecord<String, byte[]>> records = records();
        assertThat(records).hasSize((runs + 1) * n);
        assertFirstOccurrencesInIdOrderPerKey(records, ids);

        long median = millis.stream().sorted().toList().get(runs / 2);
        long floorMillis = floor(messages(0, n)) / 1_000_000;
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        String report = String.format(Locale.ROOT, "{\"events\":%d,\"millis\":%d,\"perSecond\":%d,\"runsMillis\":%s,"
                        + "\"floorMillis\":%d,\"floorPerSecond\":%d,\"loadavg\":\"%s\"}%n",
                n, median, perSecond(n, median), millis, floorMillis, perSecond(n, floorMillis), load);
        Path out = Path.of("target", "benchmarks", "relay-backlog.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.printf(Locale.ROOT, "BENCHMARK relay-backlog events=%d millis=%d perSecond=%d runsMillis=%s floorPerSecond=%d loadavg=%s%n",
                n, median, perSecond(n, median), millis, perSecond(n, floorMillis), load);
    }

    private static long perSecond(int n, long millis) {
        return Math.round(n / (Math.max(1, millis) / 1e3));
    }

    /**
     * The same records from one bare idempotent producer ({@code acks=all}) to a topic like this test's: all sent, then
     * every acknowledgement awaited; after a warm-up of 2,000.
     */
    private long floor(List<OutboxMessage> messages) throws Exception {
        String floorTopic = floorTopic();
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            sendAll(producer, floorTopic, messages.subList(0, 2_000));
            long started = System.nanoTime();
            sendAll(producer, floorTopic, messages);
            return System.nanoTime() - started;
        }
    }

    private static void sendAll(KafkaProducer<String, byte[]> producer, String topic, List<OutboxMessage> messages) throws Exception {
        List<Future<?>> acks = new ArrayList<>(messages.size());
        for (OutboxMessage m : messages) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, m.key(), m.payload());
            m.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            acks.add(producer.send(record));
        }
        for (Future<?> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
    }

    // --- writing and reading ----------------------------------------------------------------------------------------

    /** Lifecycle events as the services write them, on this test's topic, over {@value #KEYS} keys. */
    private List<OutboxMessage> messages(int from, int count) {
        LifecycleEventCodec codec = context.getBean(LifecycleEventCodec.class);
        List<OutboxMessage> messages = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            String key = "icfg_relayKey" + (i % KEYS) + "xxxxxxxxxx";
            OutboxMessage m = codec.toOutbox(UUID.randomUUID(), new ConfigurationDisabled(key, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack",
                    "team_a", "team_a", "user1", i + 1, 1_700_000_000_000L + i, 1_700_000_000_000L + i, "disabled-by-owner"));
            messages.add(new OutboxMessage(m.eventId(), topic, m.key(), m.headers(), m.payload()));
        }
        return messages;
    }

    private void write(int from, int count) {
        write(messages(from, count));
    }

    /** Commits the messages in one transaction; returns {@link System#nanoTime()} right after the commit. */
    private long write(List<OutboxMessage> messages) {
        Sql sql = context.getBean(Sql.class);
        OutboxWriter writer = context.getBean(OutboxWriter.class);
        sql.inTransaction(() -> {
            writer.append(messages);
            return null;
        });
        return System.nanoTime();
    }

    /**
     * Per key (a key is on one partition, so offset order is publication order): the outbox ids of its records, first
     * occurrence each, are all of the key's rows in id order.
     */
    private void assertFirstOccurrencesInIdOrderPerKey(List<ConsumerRecord<String, byte[]>> records, Map<UUID, Long> ids) throws SQLException {
        Map<String, LinkedHashSet<Long>> firstOccurrences = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            Long id = ids.get(eventId(r));
            assertThat(id).as("every record on the topic is an outbox row").isNotNull();
            firstOccurrences.computeIfAbsent(r.key(), k -> new LinkedHashSet<>()).add(id);
        }
        Map<String, List<Long>> expected = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT record_key, id FROM outbox_event ORDER BY id")) {
            while (rs.next()) {
                expected.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        assertThat(expected).hasSize(KEYS);
        assertThat(firstOccurrences.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, keyIds) -> assertThat(new ArrayList<>(firstOccurrences.get(key)))
                .as("first occurrences of key %s in id order, none missing", key).isEqualTo(keyIds));
    }

    /** Rows that were marked published: on the topic exactly once (acknowledged before marking, never sent again). */
    private static void assertPublishedOnce(List<ConsumerRecord<String, byte[]>> records, Map<UUID, Long> ids, List<Long> marked) {
        Map<Long, Integer> occurrences = new HashMap<>();
        records.forEach(r -> occurrences.merge(ids.get(eventId(r)), 1, Integer::sum));
        assertThat(marked).isNotEmpty().allSatisfy(id -> assertThat(occurrences.get(id)).as("occurrences of marked row %d", id).isEqualTo(1));
    }

    private static UUID eventId(ConsumerRecord<String, byte[]> r) {
        return UUID.fromString(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
    }

    private List<ConsumerRecord<String, byte[]>> records() {
        return TopicReader.read(infra.kafkaBootstrap(), topic, r -> true);
    }

    private Map<UUID, Long> outboxIds() throws SQLException {
        Map<UUID, Long> ids = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT event_id, id FROM outbox_event")) {
            while (rs.next()) {
                ids.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
        }
        return ids;
    }

    private List<Long> markedIds() {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM outbox_event WHERE published_at IS NOT NULL ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private long unpublished() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = OutboxRelayPipelineIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
