package io.patchbay.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestInfraTest {

    private final TestInfra infra = TestInfra.get();

    @Test
    void isOneFixturePerJvm() {
        assertThat(TestInfra.get()).isSameAs(infra);
    }

    @Test
    void handsOutFreshIsolatedDatabases() throws SQLException {
        String orders = infra.newDatabase("Orders-IT");
        String billing = infra.newDatabase("Orders-IT");

        assertThat(orders).isNotEqualTo(billing).startsWith("jdbc:postgresql://").contains("/orders_it_");
        execute(orders, "CREATE TABLE item (name text)");
        execute(orders, "INSERT INTO item VALUES ('only here')");
        assertThat(query(orders, "SELECT name FROM item")).containsExactly("only here");
        assertThat(query(billing, "SELECT to_regclass('item')::text")).containsExactly((String) null);
    }

    @Test
    void givesMicronautEverythingItNeeds() {
        String url = infra.newDatabase("micronaut");

        Map<String, String> properties = infra.micronautProperties(url);

        assertThat(properties).containsOnly(
                Map.entry("datasources.default.url", url),
                Map.entry("datasources.default.username", infra.user()),
                Map.entry("datasources.default.password", infra.password()),
                Map.entry("datasources.default.driver-class-name", "org.postgresql.Driver"),
                Map.entry("kafka.bootstrap.servers", infra.kafkaBootstrap()),
                Map.entry("patchbay.topic.partitions", "1"));
    }

    @Test
    void kafkaSurvivesAStopAndStart() throws Exception {
        String topic = "test-infra-roundtrip";
        String bootstrap = infra.kafkaBootstrap();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>(topic, "before")).get(30, TimeUnit.SECONDS);

            infra.stopKafka();
            infra.startKafka();

            assertThat(infra.kafkaBootstrap()).isEqualTo(bootstrap);
            producer.send(new ProducerRecord<>(topic, "after")).get(30, TimeUnit.SECONDS);
        }
        assertThat(readAll(bootstrap, topic, 2)).containsExactly("before", "after");
    }

    @Test
    void kafkaAllowsTenSecondSessionsAndRebalancesAtOnce() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            String node = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).iterator().next().idString();
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);
            Config config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);

            // Patchbay's consumers default to a 10 s session timeout; a broker minimum above it refuses them
            assertThat(Long.parseLong(config.get("group.min.session.timeout.ms").value())).isLessThanOrEqualTo(10_000);
            assertThat(Long.parseLong(config.get("group.initial.rebalance.delay.ms").value())).isLessThanOrEqualTo(100);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return values.size() >= expected;
            });
            return values;
        }
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, infra.user(), infra.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, infra.user(), infra.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
