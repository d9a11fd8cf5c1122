package io.patchbay.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final String TOPIC = "lifecycle";

    @TempDir
    Path logDir;

    @Test
    void keepsRecordsAndPortAcrossAStopAndStart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0);
             KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            String bootstrap = kafka.bootstrapServers();
            kafka.createTopic(TOPIC, 1);
            producer.send(new ProducerRecord<>(TOPIC, "k", "before")).get(30, TimeUnit.SECONDS);
            assertThat(readAll(bootstrap, 1)).containsExactly("before");

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "k", "lost")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

            kafka.start();
            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            producer.send(new ProducerRecord<>(TOPIC, "k", "after")).get(30, TimeUnit.SECONDS);
            assertThat(readAll(bootstrap, 2)).containsExactly("before", "after");
        }
    }

    @Test
    void createsTopicsOnFirstUseAndExplicitly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0);
             KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            kafka.createTopic("explicit", 3);
            kafka.createTopic("explicit", 3); // idempotent
            assertThat(producer.partitionsFor("explicit")).hasSize(3);

            producer.send(new ProducerRecord<>("auto-created", "v")).get(30, TimeUnit.SECONDS);
            assertThat(producer.partitionsFor("auto-created")).hasSize(1);
        }
    }

    @Test
    void letsConsumersUseShortSessionsAndJoinAtOnce() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0);
             KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            assertSingleNodeGroupSettings(kafka.bootstrapServers());

            // Patchbay's consumers default to a 10 s session: a group member with it joins and reads
            producer.send(new ProducerRecord<>(TOPIC, "k", "joined")).get(30, TimeUnit.SECONDS);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "ten-second-session",
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                    ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(TOPIC));
                List<String> values = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                    return !values.isEmpty();
                });
                assertThat(values).containsExactly("joined");
            }
        }
    }

    @Test
    void saslSslListenerAcceptsExactlyTheCurrentScramPassword() throws Exception {
        TlsCertificates certificates = TlsCertificates.generate(logDir.resolve("tls"));
        try (EmbeddedKafka kafka = EmbeddedKafka.builder(logDir.resolve("kafka")).saslSsl(certificates).start()) {
            assertThat(kafka.saslSslBootstrapServers()).isNotEqualTo(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            assertSingleNodeGroupSettings(kafka.bootstrapServers());

            kafka.setScramPassword("relay", "first-password");
            assertThat(clusterId(kafka.saslSslClientProperties("relay", "first-password"))).isNotBlank();

            kafka.setScramPassword("relay", "second \"quoted\\ password");
            assertThatThrownBy(() -> clusterId(kafka.saslSslClientProperties("relay", "first-password")))
                    .cause().isInstanceOf(SaslAuthenticationException.class);
            assertThat(clusterId(kafka.saslSslClientProperties("relay", "second \"quoted\\ password"))).isNotBlank();

            assertThatThrownBy(() -> kafka.setScramPassword("relay", "")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPlaintextBrokerHasNoSaslSslListener() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0)) {
            assertThat(kafka.hasSaslSsl()).isFalse();
            assertThatThrownBy(kafka::saslSslBootstrapServers).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> kafka.setScramPassword("u", "p")).isInstanceOf(IllegalStateException.class);
        }
    }

    /** Single node (replication factor and min ISR 1) and consumer groups that allow 6 s sessions and join at once. */
    private static void assertSingleNodeGroupSettings(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
            assertThat(Long.parseLong(config.get("group.min.session.timeout.ms").value())).isLessThanOrEqualTo(6_000);
            assertThat(Long.parseLong(config.get("group.initial.rebalance.delay.ms").value())).isLessThanOrEqualTo(100);
            assertThat(config.get("offsets.topic.replication.factor").value()).isEqualTo("1");
            assertThat(config.get("transaction.state.log.replication.factor").value()).isEqualTo("1");
            assertThat(config.get("transaction.state.log.min.isr").value()).isEqualTo("1");
            assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
            assertThat(config.get("default.replication.factor").value()).isEqualTo("1");
        }
    }

    private static String clusterId(Map<String, Object> clientProperties) throws Exception {
        try (Admin admin = Admin.create(clientProperties)) {
            return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads partition 0 from the beginning until {@code expected} records arrived. */
    private static List<String> readAll(String bootstrap, int expected) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
            return values;
        }
    }
}
