package io.patchbay.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaults() {
        Settings settings = new Settings(ROOT, Map.of());
        assertThat(settings.pgPort()).isEqualTo(15432);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.topicPartitions()).isEqualTo(6);
        assertThat(ServiceDefinition.ALL).extracting(settings::port).containsExactly(8081, 8082, 8083, 8084);
        assertThat(settings.dataDir(Optional.empty())).isEqualTo(Path.of("/repo/.patchbay"));
        assertThat(settings.jwtSecret()).isEmpty();
        assertThat(settings.startTimeout()).isEqualTo(java.time.Duration.ofSeconds(120));
        assertThat(settings.webhookAllowPrivate()).as("local receivers allowed").isEqualTo("true");
    }

    @Test
    void environmentOverrides() {
        Settings settings = new Settings(ROOT, Map.of("PATCHBAY_PG_PORT", "25432", "PATCHBAY_KAFKA_PORT", " 29092 ",
                "PATCHBAY_OAUTH_PORT", "18083", "PATCHBAY_TOPIC_PARTITIONS", "2", "PATCHBAY_START_TIMEOUT", "300"));
        assertThat(settings.startTimeout()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(settings.pgPort()).isEqualTo(25432);
        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.port(ServiceDefinition.ALL.get(2))).isEqualTo(18083);
        assertThat(settings.topicPartitions()).isEqualTo(2);
        assertThat(settings.dataDir(Optional.of(Path.of("/data/pb")))).isEqualTo(Path.of("/data/pb"));
        assertThat(new Settings(ROOT, Map.of("PATCHBAY_WEBHOOK_ALLOW_PRIVATE", "false")).webhookAllowPrivate()).isEqualTo("false");
    }

    @Test
    void aBadPortNamesTheVariable() {
        assertThatThrownBy(() -> new Settings(ROOT, Map.of("PATCHBAY_CONFIG_PORT", "http")).port(ServiceDefinition.ALL.getFirst()))
                .isInstanceOf(UsageException.class).hasMessageContaining("PATCHBAY_CONFIG_PORT").hasMessageContaining("'http'");
        assertThatThrownBy(() -> new Settings(ROOT, Map.of("PATCHBAY_PG_PORT", "70000")).pgPort())
                .isInstanceOf(UsageException.class).hasMessageContaining("1 to 65535");
    }
}
