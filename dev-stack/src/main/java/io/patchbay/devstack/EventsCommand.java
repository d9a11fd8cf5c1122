package io.patchbay.devstack;

import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.Retries;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./patchbay events}: reads the lifecycle topic of the local stack from the beginning (without joining a
 * consumer group) and prints one line per event: time, type, configuration, version and payload.
 */
final class EventsCommand {
    private EventsCommand() {
    }

    static int run(Settings settings, Path dir, boolean follow, PrintStream out, PrintStream err) {
        int kafkaPort = StackState.read(dir).filter(StackState::launcherAlive).map(StackState::kafkaPort).orElse(settings.kafkaPort());
        Map<String, Object> props = settings.kafkaClient(kafkaPort);
        String bootstrap = String.valueOf(props.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        props.putAll(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                ConsumerConfig.CLIENT_ID_CONFIG, "patchbay-events"));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(LifecycleTopic.NAME, Duration.ofSeconds(5));
            } catch (KafkaException e) {
                err.println("patchbay events: no Kafka answers on " + bootstrap + " (is ./patchbay up running? " + Retries.rootMessage(e) + ")");
                return 1;
            }
            if (infos == null || infos.isEmpty()) {
                out.println("No lifecycle events yet (topic " + LifecycleTopic.NAME + " does not exist).");
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int printed = 0;
            while (follow || partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
                batch.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
                for (ConsumerRecord<String, byte[]> record : batch) {
                    out.println(line(record));
                    printed++;
                }
                out.flush();
            }
            if (printed == 0) {
                out.println("No lifecycle events yet.");
            }
            return 0;
        }
    }

    static String line(ConsumerRecord<String, byte[]> record) {
        String type = header(record, LifecycleTopic.CE_TYPE).map(t -> t.replace("io.patchbay.configuration.", "").replace(".v1", ""))
                .orElse("?");
        String payload = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        return String.format("%-24s %-12s %s  %s", header(record, LifecycleTopic.CE_TIME).orElse("-"), type, record.key(), payload);
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
