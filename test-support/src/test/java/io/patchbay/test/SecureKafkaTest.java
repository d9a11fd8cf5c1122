package io.patchbay.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.patchbay.infra.embedded.TlsCertificates;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecureKafkaTest {

    private static SecureKafka kafka;

    @BeforeAll
    static void start() {
        kafka = SecureKafka.start();
    }

    @Test
    void roundTripsARecordOverSaslSslWithTheRightPassword() throws Exception {
        String password = TlsCertificates.randomPassword();
        kafka.createUser("roundtrip", password);
        kafka.createTopic("secure-roundtrip", 1);

        // the producer trusts the CA through the PEM file, the consumer through the PKCS12 trust store
        Map<String, Object> pem = kafka.clientProperties("roundtrip", password);
        pem.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        pem.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, kafka.caCertificatePem().toString());
        pem.remove(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);
        try (KafkaProducer<String, String> producer = producer(pem)) {
            producer.send(new ProducerRecord<>("secure-roundtrip", "k", "over SASL_SSL")).get(30, TimeUnit.SECONDS);
        }

        // a group member with a 6 s session (the broker allows it) reads it back
        try (KafkaConsumer<String, String> consumer = consumer(kafka.clientProperties("roundtrip", password))) {
            consumer.subscribe(List.of("secure-roundtrip"));
            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("over SASL_SSL");
        }
    }

    @Test
    void aWrongPasswordFailsFastWithoutShowingItAndTheSameClientRecoversOnceTheBrokerAcceptsIt() throws Exception {
        String right = TlsCertificates.randomPassword();
        String wrong = TlsCertificates.randomPassword();
        kafka.createUser("backlog", right);
        kafka.createTopic("secure-backlog", 1);
        try (KafkaProducer<String, String> producer = producer(kafka.clientProperties("backlog", right))) {
            producer.send(new ProducerRecord<>("secure-backlog", "k", "waited")).get(30, TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = consumer(kafka.clientProperties("backlog", wrong))) {
            consumer.subscribe(List.of("secure-backlog"));
            // no hang and no silent retrying: the refusal reaches the caller of poll
            AtomicReference<SaslAuthenticationException> refused = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(100));
                    return false;
                } catch (SaslAuthenticationException e) {
                    refused.set(e);
                    return true;
                }
            });
            assertThat(refused.get()).hasMessageContaining("invalid credentials").hasMessageContaining("SCRAM-SHA-512");
            assertThat(stackTrace(refused.get())).doesNotContain(wrong, right);

            kafka.changePassword("backlog", wrong);

            List<String> values = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).ignoreException(SaslAuthenticationException.class).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                return !values.isEmpty();
            });
            assertThat(values).containsExactly("waited");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCaFailsTheTlsHandshake() {
        Map<String, Object> untrusting = kafka.clientProperties("nobody", "irrelevant");
        untrusting.remove(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG); // the JDK's own CAs only
        untrusting.remove(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG);
        untrusting.remove(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG);
        try (KafkaProducer<String, String> producer = producer(untrusting)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("secure-untrusted", "v")).get(15, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(SslAuthenticationException.class::isInstance));
        }
    }

    @Test
    void describesOneSetOfSettingsForClientsProcessesAndMicronaut() throws Exception {
        assertThat(SecureKafka.start()).isSameAs(kafka);
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:").isNotEqualTo(kafka.plaintextBootstrap());
        assertThat(kafka.plaintextBootstrap()).isNotEqualTo(TestInfra.get().kafkaBootstrap());

        Map<String, Object> client = kafka.clientProperties("svc", "pw");
        assertThat(client).containsOnly(
                Map.entry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                Map.entry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL"),
                Map.entry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512"),
                Map.entry(SaslConfigs.SASL_JAAS_CONFIG,
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"svc\" password=\"pw\";"),
                Map.entry(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, kafka.truststore().toString()),
                Map.entry(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, kafka.truststorePassword()),
                Map.entry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12"));

        Map<String, String> micronaut = kafka.micronautProperties("svc", "pw");
        Map<String, Object> prefixed = new HashMap<>();
        client.forEach((key, value) -> prefixed.put("kafka." + key, value));
        assertThat(micronaut).isEqualTo(prefixed).containsEntry("kafka.security.protocol", "SASL_SSL");

        assertThat(kafka.environment("svc", "pw")).containsExactly(
                Map.entry("PATCHBAY_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("PATCHBAY_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                Map.entry("PATCHBAY_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"),
                Map.entry("PATCHBAY_KAFKA_SASL_USERNAME", "svc"),
                Map.entry("PATCHBAY_KAFKA_SASL_PASSWORD", "pw"),
                Map.entry("PATCHBAY_KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.truststore().toString()),
                Map.entry("PATCHBAY_KAFKA_SSL_TRUSTSTORE_PASSWORD", kafka.truststorePassword()),
                Map.entry("PATCHBAY_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12"));

        KeyStore trust = KeyStore.getInstance(kafka.truststoreType());
        try (InputStream in = Files.newInputStream(kafka.truststore())) {
            trust.load(in, kafka.truststorePassword().toCharArray());
        }
        assertThat(Collections.list(trust.aliases())).containsExactly("ca");
        assertThat(Files.readString(kafka.caCertificatePem())).startsWith("-----BEGIN CERTIFICATE-----");

        assertThat(SecureKafka.jaasConfig("a\"b", "c\\d\"e")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\\\"b\" password=\"c\\\\d\\\"e\";");
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> security) {
        Map<String, Object> properties = new HashMap<>(security);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> security) {
        Map<String, Object> properties = new HashMap<>(security);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "secure-" + TlsCertificates.randomPassword());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
