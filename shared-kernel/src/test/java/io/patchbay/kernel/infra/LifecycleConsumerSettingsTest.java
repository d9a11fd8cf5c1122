package io.patchbay.kernel.infra;

import io.micronaut.context.ApplicationContext;
import io.patchbay.kernel.infra.inbox.LifecycleConsumerSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer group id as Micronaut resolves it from configuration (a stray "}" once ended up in it). */
class LifecycleConsumerSettingsTest {

    @Test
    void theGroupIsTheConfiguredOneElseTheApplicationName() {
        assertThat(groupId(Map.of("patchbay.consumer.group-id", "environment-service"))).isEqualTo("environment-service");
        assertThat(groupId(Map.of())).isEqualTo("svc-name");
    }

    private static String groupId(Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of("micronaut.application.name", "svc-name",
                "kafka.bootstrap.servers", "127.0.0.1:1",
                "patchbay.outbox.relay.enabled", "false", "patchbay.topic.provision", "false", "patchbay.consumer.enabled", "false"));
        props.putAll(extra);
        try (ApplicationContext context = ApplicationContext.run(props)) {
            return context.getBean(LifecycleConsumerSettings.class).groupId();
        }
    }
}
