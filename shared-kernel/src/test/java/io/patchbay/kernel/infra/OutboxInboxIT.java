package io.patchbay.kernel.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import io.micronaut.context.ApplicationContext;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.inbox.InboxOutcome;
import io.patchbay.kernel.infra.inbox.LifecycleConsumer;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.kernel.infra.jdbc.Sql;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.kernel.infra.outbox.OutboxRelay;
import io.patchbay.kernel.infra.outbox.OutboxWriter;
import io.patchbay.test.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox and the inbox together against a real PostgreSQL and a real Kafka: OutboxWriter → OutboxRelay → topic →
 * LifecycleConsumer → LifecycleInbox → handler. Each test gets its own database and consumer group.
 */
class OutboxInboxIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final TestInfra infra = TestInfra.get();
    private String jdbcUrl;
    private ApplicationContext context;

    @BeforeEach
    void database() throws Exception {
        jdbcUrl = infra.newDatabase("kernel_outbox");
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement()) {
            st.execute(resource("/db/kernel/outbox/V0_1__patchbay_kernel_outbox.sql"));
            st.execute(resource("/db/kernel/inbox/V0_2__patchbay_kernel_inbox.sql"));
            st.execute("CREATE TABLE applied_event (configuration_id TEXT NOT NULL, version BIGINT NOT NULL, "
                    + "applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), seq BIGSERIAL PRIMARY KEY)");
        }
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        infra.startKafka();
    }

    private String groupId;

    private void startContext() {
        startContext(Map.of());
    }

    private void startContext(Map<String, Object> extra) {
        startContext(extra, false);
    }

    /**
     * @param fromTopicEnd the new group starts after the records other tests of this JVM left on the shared topic (one
     *                     partition): a failing record of theirs that this context cannot dead-letter would hold it up
     */
    private void startContext(Map<String, Object> extra, boolean fromTopicEnd) {
        Map<String, Object> props = new HashMap<>(infra.micronautProperties(jdbcUrl));
        props.put("micronaut.application.name", "kernel-it");
        groupId = "kernel-it-" + UUID.randomUUID();
        if (fromTopicEnd) {
            startAtTopicEnd(groupId);
        }
        props.put("patchbay.consumer.group-id", groupId);
        props.put("patchbay.consumer.retries", 2);
        props.put("patchbay.consumer.initial-backoff", "50ms");
        props.put("patchbay.outbox.poll-interval", "200ms");
        props.put("patchbay.outbox.max-backoff", "1s");
        props.put("kernel-it.handler", "true");
        props.putAll(extra);
        context = ApplicationContext.run(props);
    }

    private void startAtTopicEnd(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            if (!admin.listTopics().names().get().contains(LifecycleTopic.NAME)) {
                return; // nothing on it yet
            }
            var partitions = admin.describeTopics(List.of(LifecycleTopic.NAME)).allTopicNames().get().get(LifecycleTopic.NAME).partitions()
                    .stream().map(p -> new org.apache.kafka.common.TopicPartition(LifecycleTopic.NAME, p.partition())).toList();
            Map<org.apache.kafka.common.TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            for (var e : admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get().entrySet()) {
                ends.put(e.getKey(), new OffsetAndMetadata(e.getValue().offset()));
            }
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not start group " + group + " at the topic's end", e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = OutboxInboxIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ConfigurationLifecycleEvent event(String configurationId, long version) {
        return new ConfigurationDisabled(configurationId, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", "team_a", "team_a", "user1", version,
                1_700_000_000_000L + version, 1_700_000_000_000L + version, "disabled-by-owner");
    }

    private void write(List<ConfigurationLifecycleEvent> events) {
        Sql sql = context.getBean(Sql.class);
        LifecycleEventCodec codec = context.getBean(LifecycleEventCodec.class);
        OutboxWriter writer = context.getBean(OutboxWriter.class);
        sql.inTransaction(() -> {
            writer.append(events.stream().map(e -> codec.toOutbox(UUID.randomUUID(), e)).toList());
            return null;
        });
    }

    private List<Long> appliedVersions(String configurationId) {
        Sql sql = context.getBean(Sql.class);
        return sql.inTransaction(() -> sql.list("SELECT version FROM applied_event WHERE configuration_id = ? ORDER BY seq",
                r -> r.getLong(1), configurationId));
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement();
             var rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String configId() {
        return Ids.prefixed("icfg_", 24);
    }

    @Test
    void eventsArriveInOrderPerConfigurationAndAreAppliedOnce() throws Exception {
        startContext();
        List<String> ids = List.of(configId(), configId(), configId());
        for (int version = 1; version <= 20; version++) {
            List<ConfigurationLifecycleEvent> batch = new ArrayList<>();
            for (String id : ids) {
                batch.add(event(id, version));
            }
            write(batch);
        }
        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= 20; v++) {
            expected.add(v);
        }
        await().atMost(WAIT).untilAsserted(() -> ids.forEach(id -> assertThat(appliedVersions(id)).isEqualTo(expected)));
        for (String id : ids) {
            assertThat(topicVersions(id)).isEqualTo(expected);
        }
        assertThat(count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM configuration_projection WHERE configuration_id = '" + ids.getFirst()
                + "' AND state = 'DISABLED' AND version = 20")).isEqualTo(1);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            await("offsets committed under exactly the configured group id").atMost(WAIT).untilAsserted(() ->
                    assertThat(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().values())
                            .extracting(OffsetAndMetadata::offset).isNotEmpty().allMatch(offset -> offset >= 60));
        }
    }

    @Test
    void kafkaDownAtStartUpAndAgainMidStreamLosesNothing() throws Exception {
        infra.stopKafka();
        startContext();
        String id = configId();
        for (int v = 1; v <= 30; v++) {
            write(List.of(event(id, v)));
        }
        assertThat(count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")).isEqualTo(30);
        infra.startKafka();
        await().atMost(WAIT).untilAsserted(() -> assertThat(appliedVersions(id)).hasSize(30));

        infra.stopKafka();
        for (int v = 31; v <= 60; v++) {
            write(List.of(event(id, v)));
        }
        infra.startKafka();
        await().atMost(WAIT).untilAsserted(() -> assertThat(appliedVersions(id)).hasSize(60));
        List<Long> versions = appliedVersions(id);
        for (int i = 0; i < versions.size(); i++) {
            assertThat(versions.get(i)).isEqualTo(i + 1L);
        }
    }

    @Test
    void aRelayThatDiesBetweenPublishAndMarkRepublishesAndTheInboxAppliesOnce() throws Exception {
        startContext();
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        AtomicInteger crashes = new AtomicInteger();
        relay.setFaultHook(() -> {
            if (crashes.getAndIncrement() == 0) {
                throw new IllegalStateException("simulated crash after publish, before mark");
            }
        });
        String id = configId();
        List<ConfigurationLifecycleEvent> events = new ArrayList<>();
        for (int v = 1; v <= 10; v++) {
            events.add(event(id, v));
        }
        write(events);
        LifecycleConsumer consumer = context.getBean(LifecycleConsumer.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(topicVersions(id)).hasSize(20));
        // a later event of the same configuration is on the same partition, behind the republished ones: once it is
        // applied, all twenty were read
        write(List.of(event(id, 11)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(appliedVersions(id)).contains(11L));
        assertThat(crashes.get()).isGreaterThanOrEqualTo(2);
        assertThat(appliedVersions(id)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE configuration_id = '" + id + "'")).isEqualTo(11);
        // at least: a batch retried because of another test's failing record counts its applied records again
        assertThat(consumer.count(InboxOutcome.DUPLICATE)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void staleVersionsAreSkippedAndPoisonRecordsGoToTheDeadLetterTopic() throws Exception {
        startContext();
        String id = configId();
        write(List.of(event(id, 5)));
        LifecycleConsumer consumer = context.getBean(LifecycleConsumer.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(appliedVersions(id)).containsExactly(5L));

        write(List.of(event(id, 3)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(consumer.count(InboxOutcome.STALE)).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM inbox_event WHERE outcome = 'stale'")).isEqualTo(1);

        String poisonKey = configId();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(LifecycleTopic.NAME, poisonKey, "{oops".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(LifecycleTopic.CE_SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }
        String failing = "icfg_FAIL" + Ids.prefixed("", 19);
        write(List.of(event(failing, 1), event(id, 6)));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(appliedVersions(id)).containsExactly(5L, 6L);
            // at least: the topic is shared by the test classes of this JVM, and each new group reads it from the start
            assertThat(consumer.deadLettered()).isGreaterThanOrEqualTo(2);
        });
        List<ConsumerRecord<String, byte[]>> dead = records(LifecycleTopic.DEAD_LETTER).stream()
                .filter(r -> r.key().equals(poisonKey) || r.key().equals(failing)).toList();
        assertThat(dead).hasSize(2);
        assertThat(dead).allSatisfy(r -> {
            assertThat(header(r, LifecycleTopic.DLT_ORIGINAL_TOPIC)).isEqualTo(LifecycleTopic.NAME);
            assertThat(header(r, LifecycleTopic.DLT_ORIGINAL_PARTITION)).matches("\\d+");
            assertThat(header(r, LifecycleTopic.DLT_ORIGINAL_OFFSET)).matches("\\d+");
            assertThat(header(r, LifecycleTopic.DLT_CONSUMER_GROUP)).isEqualTo(groupId);
        });
        ConsumerRecord<String, byte[]> refused = dead.stream().filter(r -> r.key().equals(failing)).findFirst().orElseThrow();
        assertThat(header(refused, LifecycleTopic.DLT_EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(refused, LifecycleTopic.DLT_ERROR)).isEqualTo("this handler refuses " + failing);
        ConsumerRecord<String, byte[]> undecodable = dead.stream().filter(r -> r.key().equals(poisonKey)).findFirst().orElseThrow();
        assertThat(header(undecodable, LifecycleTopic.DLT_EXCEPTION)).endsWith("InvalidEventException");
    }

    /**
     * micronaut-kafka moves past a record once its retries are spent. When the dead-letter topic cannot take it either,
     * the record must be read again: the committed offset of its partition stays at it and the later events of the same
     * configuration wait behind it. The group starts at the topic's end, so the failing record is in the first batch
     * after the partition was assigned: micronaut-kafka 5.9 cannot resolve its error strategy for such a batch (a
     * NullPointerException) and went on after it, committing past the record, until LifecycleConsumer read it again.
     */
    @Test
    void aRecordThatCanBeNeitherAppliedNorDeadLetteredIsNeverCommittedPast() throws Exception {
        // a dead-letter producer that refuses every record (larger than its max request size)
        startContext(Map.of("kafka.producers.lifecycle-dead-letters.max.request.size", "16"), true);
        String failing = "icfg_FAIL" + Ids.prefixed("", 19);
        RecordingHandler handler = context.getBean(RecordingHandler.class);
        write(List.of(event(failing, 1)));
        write(List.of(event(failing, 2)));
        // three full cycles of 1 + 2 retries: the record was read again after its retries were spent, twice
        await().atMost(WAIT).until(() -> handler.refusals(failing) >= 9);
        ConsumerRecord<String, byte[]> first = topicRecords(failing).getFirst();
        long failingOffset = first.offset();
        int partition = first.partition();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
                    .get(new org.apache.kafka.common.TopicPartition(LifecycleTopic.NAME, partition));
            assertThat(offset == null ? 0 : offset.offset()).isLessThanOrEqualTo(failingOffset);
        }
        assertThat(records(LifecycleTopic.DEAD_LETTER).stream().filter(r -> failing.equals(r.key()))).isEmpty();
        assertThat(appliedVersions(failing)).isEmpty();
        assertThat(handler.refusals(failing)).isGreaterThanOrEqualTo(9);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE configuration_id = '" + failing + "'")).isZero();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, byte[]>> topicRecords(String key) {
        return records(LifecycleTopic.NAME).stream().filter(r -> key.equals(r.key())).toList();
    }

    private List<Long> topicVersions(String configurationId) {
        LifecycleEventCodec codec = context.getBean(LifecycleEventCodec.class);
        List<Long> versions = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records(LifecycleTopic.NAME)) {
            if (configurationId.equals(r.key())) {
                Map<String, String> headers = new HashMap<>();
                r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
                versions.add(codec.decode(headers, r.value()).event().version());
            }
        }
        return versions;
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = reader.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> reader.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
