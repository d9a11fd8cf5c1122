package io.patchbay.kernel.infra;

import io.micronaut.context.ApplicationContext;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.event.LifecycleTopicProvisioner;
import io.patchbay.test.TestInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TopicProvisionerIT {
    @Test
    void theLifecycleTopicAndItsDeadLetterTopicExistOnceAServiceStarts() throws Exception {
        TestInfra infra = TestInfra.get();
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.bootstrap.servers", infra.kafkaBootstrap(),
                "patchbay.topic.partitions", "1", "patchbay.outbox.relay.enabled", "false"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            LifecycleTopicProvisioner provisioner = context.getBean(LifecycleTopicProvisioner.class);
            await().atMost(Duration.ofSeconds(30)).until(provisioner::isDone);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.listTopics().names().get()).contains(LifecycleTopic.NAME, LifecycleTopic.DEAD_LETTER));
            assertThat(admin.describeTopics(List.of(LifecycleTopic.NAME)).allTopicNames().get().get(LifecycleTopic.NAME).partitions())
                    .isNotEmpty();
        }
    }
}
