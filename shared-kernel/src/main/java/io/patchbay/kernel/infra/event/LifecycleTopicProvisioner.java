package io.patchbay.kernel.infra.event;

import io.patchbay.kernel.infra.Retries;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.patchbay.kernel.event.LifecycleTopic;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the lifecycle topic and its dead-letter topic exist, with {@code PATCHBAY_TOPIC_PARTITIONS} partitions
 * (default 6) and the broker's default replication. Works in the background, retrying while Kafka is away, so a service
 * starts without waiting for Kafka; existing topics are left as they are. The admin client is micronaut-kafka's, from
 * the service's one {@code kafka.*} configuration.
 */
@Context
@Requires(property = "kafka.bootstrap.servers")
@Requires(property = "patchbay.topic.provision", notEquals = "false")
public class LifecycleTopicProvisioner {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleTopicProvisioner.class);

    private final Thread worker;
    private volatile boolean done;

    public LifecycleTopicProvisioner(AdminClient admin, @Value("${patchbay.topic.partitions:6}") int partitions) {
        this.worker = Thread.ofPlatform().name("topic-provisioner").daemon().start(() -> provision(admin, partitions));
    }

    public boolean isDone() {
        return done;
    }

    private void provision(Admin admin, int partitions) {
        Duration backoff = Duration.ofMillis(500);
        try {
            while (!done && !Thread.currentThread().isInterrupted()) {
                try {
                    for (String topic : List.of(LifecycleTopic.NAME, LifecycleTopic.DEAD_LETTER)) {
                        create(admin, topic, partitions);
                    }
                    done = true;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    LOG.debug("topics not provisioned yet ({}); retrying", e.getMessage());
                    Thread.sleep(backoff);
                    backoff = Retries.next(backoff, Duration.ofSeconds(10));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("could not provision the lifecycle topics: {}", e.toString());
        }
    }

    private static void create(Admin admin, String topic, int partitions) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())),
                    new CreateTopicsOptions().timeoutMs(5000)).all().get(10, TimeUnit.SECONDS);
            LOG.info("created topic {} with {} partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @PreDestroy
    void stop() {
        done = true;
        worker.interrupt();
    }
}
