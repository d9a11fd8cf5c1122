package io.patchbay.catalog.adapter.out.discovery;

import io.patchbay.catalog.application.port.out.ResourceDiscoverer.DiscoveryRequest;
import io.patchbay.catalog.domain.CatalogType;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.IntegrationStatus;
import io.patchbay.catalog.domain.ResourceTypeSpec;
import io.patchbay.test.TestInfra;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The kafka connector on its own against the test broker: credentials from the secret parameters, SASL settings, limits. */
class KafkaDiscovererIT {
    private static final CatalogType KAFKA = new CatalogType("kafka", "Kafka", "", "RESOURCES", List.of(), false, List.of("APONO"),
            List.of("username", "password"), List.of(new ResourceTypeSpec(KafkaDiscoverer.TOPIC, "Topic", List.of("READ", "WRITE")),
            new ResourceTypeSpec(KafkaDiscoverer.GROUP, "Group", List.of("READ"))));
    private final KafkaDiscoverer discoverer = new KafkaDiscoverer(Duration.ofSeconds(2));

    private DiscoveryResult discover(Map<String, String> config, Map<String, String> credentials, Set<String> types) {
        return discoverer.discover(new DiscoveryRequest(KAFKA, config, credentials, types, Duration.ofSeconds(30)));
    }

    @Test
    void onlyTheConnectedTypesAreReadWithTheirPermissions() {
        DiscoveryResult result = discover(Map.of("bootstrap_servers", TestInfra.get().kafkaBootstrap()), Map.of(), Set.of(KafkaDiscoverer.TOPIC));
        assertThat(result.outcome()).as(result.details()).isEqualTo(IntegrationStatus.ACTIVE);
        assertThat(result.completeTypes()).containsExactly(KafkaDiscoverer.TOPIC);
        assertThat(result.resources()).allSatisfy(r -> assertThat(r.type()).isEqualTo(KafkaDiscoverer.TOPIC));
        assertThat(result.permissions()).extracting(p -> p.id()).containsExactlyInAnyOrder("kafka-topic.READ", "kafka-topic.WRITE");
    }

    @Test
    void saslWithoutCredentialsIsAnErrorSayingWhichParametersAreMissing() {
        DiscoveryResult result = discover(Map.of("bootstrap_servers", TestInfra.get().kafkaBootstrap(), "security_protocol", "SASL_PLAINTEXT"),
                Map.of(), Set.of(KafkaDiscoverer.TOPIC, KafkaDiscoverer.GROUP));
        assertThat(result.outcome()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(result.details()).contains("SASL_PLAINTEXT").contains("username and password");
    }

    @Test
    void saslCredentialsTheBrokerCannotCheckEndInErrorWithinTheLimitAndNeverShowThePassword() {
        long started = System.nanoTime();
        DiscoveryResult result = discover(Map.of("bootstrap_servers", TestInfra.get().kafkaBootstrap(), "security_protocol", "SASL_PLAINTEXT",
                "sasl_mechanism", "SCRAM-SHA-256"), Map.of("username", "svc", "password", "pa\"ss-w0rd"), Set.of(KafkaDiscoverer.TOPIC));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(result.outcome()).isEqualTo(IntegrationStatus.ERROR);
        assertThat(result.details()).contains("could not reach Kafka at " + TestInfra.get().kafkaBootstrap()).doesNotContain("pa\"ss-w0rd");
        assertThat(millis).as("bounded by the connect timeout, not hanging").isLessThan(15_000);
    }
}
