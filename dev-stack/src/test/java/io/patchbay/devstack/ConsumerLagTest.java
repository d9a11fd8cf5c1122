package io.patchbay.devstack;

import io.patchbay.infra.embedded.EmbeddedKafka;
import io.patchbay.kernel.event.LifecycleTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumer lag as ./patchbay status shows it, against a real broker. */
class ConsumerLagTest {

    @Test
    void lagIsWhatEachGroupHasNotCommittedAcrossPartitions(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, freePort())) {
            String bootstrap = kafka.bootstrapServers();
            assertThat(ConsumerLag.of(Map.of("bootstrap.servers", bootstrap), List.of("early"))).as("no topic yet")
                    .containsEntry("early", OptionalLong.empty());

            kafka.createTopic(LifecycleTopic.NAME, 2);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(LifecycleTopic.NAME, 0, "k", "p0-" + i)).get();
                }
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(LifecycleTopic.NAME, 1, "k", "p1-" + i)).get();
                }
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "behind"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.commitSync(Map.of(new TopicPartition(LifecycleTopic.NAME, 0), new OffsetAndMetadata(4),
                        new TopicPartition(LifecycleTopic.NAME, 1), new OffsetAndMetadata(3)));
            }

            Map<String, OptionalLong> lags = ConsumerLag.of(Map.of("bootstrap.servers", bootstrap), List.of("behind", "never-started"));

            assertThat(lags).containsEntry("behind", OptionalLong.of(1)).containsEntry("never-started", OptionalLong.of(8));
        }
    }

    @Test
    void noBrokerMeansUnknownLag() throws Exception {
        assertThat(ConsumerLag.of(Map.of("bootstrap.servers", "127.0.0.1:" + freePort()), List.of("environment-service")))
                .containsEntry("environment-service", OptionalLong.empty());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
