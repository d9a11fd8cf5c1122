package io.patchbay.kernel.infra.kafka;

import io.micronaut.context.ApplicationContext;
import io.micronaut.configuration.kafka.config.AbstractKafkaConsumerConfiguration;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PATCHBAY_KAFKA_* variables as Kafka client properties, and as micronaut-kafka's configuration. */
class KafkaEnvironmentTest {

    @Test
    void nothingSetMeansNoClientPropertiesAndATenSecondSession() {
        assertThat(KafkaEnvironment.clientProperties(Map.of())).isEmpty();
        assertThat(KafkaEnvironment.consumerProperties(Map.of()))
                .containsEntry("session.timeout.ms", "10000").containsEntry("heartbeat.interval.ms", "3333");
    }

    @Test
    void saslScramOverTlsWithAPkcs12Truststore() {
        Map<String, String> props = KafkaEnvironment.clientProperties(Map.of(
                "PATCHBAY_KAFKA_BOOTSTRAP_SERVERS", "b1:9093,b2:9093",
                "PATCHBAY_KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "PATCHBAY_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "PATCHBAY_KAFKA_SASL_USERNAME", "patchbay",
                "PATCHBAY_KAFKA_SASL_PASSWORD", "pa\"ss\\word",
                "PATCHBAY_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
                "PATCHBAY_KAFKA_SSL_TRUSTSTORE_PASSWORD", "changeit",
                "PATCHBAY_KAFKA_SSL_TRUSTSTORE_TYPE", "pkcs12"));
        assertThat(props).containsEntry("bootstrap.servers", "b1:9093,b2:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"patchbay\" password=\"pa\\\"ss\\\\word\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("ssl.truststore.type", "PKCS12");
    }

    @Test
    void plainUsesThePlainLoginModuleAndMutualTlsTheKeystore() {
        Map<String, String> props = KafkaEnvironment.clientProperties(Map.of(
                "PATCHBAY_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "PATCHBAY_KAFKA_SASL_MECHANISM", "PLAIN",
                "PATCHBAY_KAFKA_SASL_USERNAME", "u", "PATCHBAY_KAFKA_SASL_PASSWORD", "p",
                "PATCHBAY_KAFKA_SSL_KEYSTORE_LOCATION", "/k.p12", "PATCHBAY_KAFKA_SSL_KEYSTORE_PASSWORD", "kp",
                "PATCHBAY_KAFKA_SSL_KEYSTORE_TYPE", "PKCS12"));
        assertThat(props.get("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
        assertThat(props).containsEntry("ssl.keystore.location", "/k.p12").containsEntry("ssl.keystore.password", "kp")
                .containsEntry("ssl.keystore.type", "PKCS12");
    }

    @Test
    void valuesThatCannotWorkAreRefusedNamingTheVariableNeverThePassword() {
        assertThatThrownBy(() -> KafkaEnvironment.clientProperties(Map.of("PATCHBAY_KAFKA_SECURITY_PROTOCOL", "TLS")))
                .hasMessageContaining("PATCHBAY_KAFKA_SECURITY_PROTOCOL");
        assertThatThrownBy(() -> KafkaEnvironment.clientProperties(Map.of("PATCHBAY_KAFKA_SASL_MECHANISM", "GSSAPI")))
                .hasMessageContaining("PATCHBAY_KAFKA_SASL_MECHANISM");
        assertThatThrownBy(() -> KafkaEnvironment.clientProperties(Map.of("PATCHBAY_KAFKA_SASL_USERNAME", "u",
                "PATCHBAY_KAFKA_SASL_PASSWORD", "hunter2")))
                .hasMessageContaining("PATCHBAY_KAFKA_SASL_MECHANISM").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> KafkaEnvironment.consumerProperties(Map.of("PATCHBAY_KAFKA_SESSION_TIMEOUT", "soon")))
                .hasMessageContaining("PATCHBAY_KAFKA_SESSION_TIMEOUT");
        assertThat(KafkaEnvironment.consumerProperties(Map.of("PATCHBAY_KAFKA_SESSION_TIMEOUT", "45s")))
                .containsEntry("session.timeout.ms", "45000").containsEntry("heartbeat.interval.ms", "15000");
    }

    @Test
    void everyMicronautKafkaClientGetsTheDefaultsAndTheServiceMayOverrideThem() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                "patchbay.outbox.relay.enabled", "false", "patchbay.topic.provision", "false"))) {
            assertThat(context.getBean(KafkaDefaultConfiguration.class).getHealthTimeout()).hasSeconds(3);
            assertThat(context.getBean(AbstractKafkaConsumerConfiguration.class).getConfig())
                    .containsEntry("session.timeout.ms", "10000").containsEntry("bootstrap.servers", "127.0.0.1:1");
            assertThat(context.getBean(io.micronaut.configuration.kafka.config.AbstractKafkaProducerConfiguration.class,
                    io.micronaut.inject.qualifiers.Qualifiers.byName("outbox-relay")).getConfig())
                    .containsEntry("acks", "all").containsEntry("enable.idempotence", "true").containsEntry("bootstrap.servers", "127.0.0.1:1")
                    .containsEntry("batch.size", "131072");
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("kafka.bootstrap.servers", "127.0.0.1:1",
                "kafka.consumers.default.session.timeout.ms", "6000",
                "patchbay.outbox.relay.enabled", "false", "patchbay.topic.provision", "false"))) {
            assertThat(context.getBean(AbstractKafkaConsumerConfiguration.class).getConfig()).containsEntry("session.timeout.ms", "6000");
        }
    }
}
