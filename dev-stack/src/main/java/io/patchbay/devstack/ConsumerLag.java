package io.patchbay.devstack;

import io.patchbay.kernel.event.LifecycleTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far each consumer group is behind on the lifecycle topic: the sum over partitions of (end offset − committed
 * offset), a partition without a commit counting from its earliest offset (the consumers start there). Empty when the
 * broker does not answer or the topic does not exist yet.
 */
final class ConsumerLag {
    private static final long TIMEOUT_SECONDS = 5;

    private ConsumerLag() {
    }

    static Map<String, OptionalLong> of(Map<String, Object> kafkaClient, List<String> groups) {
        Map<String, OptionalLong> lags = new LinkedHashMap<>();
        groups.forEach(group -> lags.put(group, OptionalLong.empty()));
        Map<String, Object> props = new java.util.HashMap<>(kafkaClient);
        props.putAll(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.CLIENT_ID_CONFIG, "patchbay-status"));
        try (Admin admin = Admin.create(props)) {
            List<TopicPartition> partitions = partitions(admin);
            Map<TopicPartition, Long> end = offsets(admin, partitions, OffsetSpec.latest());
            Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                long lag = 0;
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    long position = offset == null ? earliest.get(partition) : offset.offset();
                    lag += Math.max(0, end.get(partition) - position);
                }
                lags.put(group, OptionalLong.of(lag));
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return lags;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lags;
    }

    /** The lifecycle topic's partitions. */
    static List<TopicPartition> partitions(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        return admin.describeTopics(List.of(LifecycleTopic.NAME)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(LifecycleTopic.NAME).partitions().stream().map(p -> new TopicPartition(LifecycleTopic.NAME, p.partition())).toList();
    }

    static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
