package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.test.Api;
import io.patchbay.test.DeadLetterFixture;
import io.patchbay.test.TestInfra;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters in catalog-service (operations.md, "Dead letters"): a disable whose application fails in the service's
 * own transaction (the integration's row refuses changes) is kept in the database and shown to admins; replayed once the
 * cause is fixed it disables the integration, replayed again it is a duplicate and changes nothing; discarded, it is
 * gone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersIT implements TestPropertyProvider {
    static final Duration WAIT = Duration.ofSeconds(90);
    private final String owner = Tokens.token("lena", "team_life", TeamRole.OWNER);
    private final String admin = Tokens.token("root", List.of(), true);

    @Inject
    EmbeddedServer server;
    @Inject
    LifecycleEventCodec codec;
    @Inject
    ConsumerRegistry consumers;

    private String jdbcUrl;
    private Api api;
    private DeadLetterFixture.Client admins;
    private DeadLetterFixture.Events events;

    @Override
    public Map<String, String> getProperties() {
        jdbcUrl = TestInfra.get().newDatabase("catalog_dead_letters");
        int port = DeadLetterFixture.freePort();
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(jdbcUrl));
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("catalog-it.config-service", "true");
        props.put("patchbay.consumer.group-id", "catalog-dead-letters-it-" + UUID.randomUUID());
        props.put("patchbay.consumer.initial-backoff", "50ms");
        props.put("patchbay.consumer.retries", "2");
        props.put("patchbay.discovery.poll-interval", "100ms");
        props.put("patchbay.discovery.connect-timeout", "3s");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        admins = DeadLetterFixture.client(api);
        events = DeadLetterFixture.events();
    }

    @AfterAll
    void closeProducer() {
        events.close();
    }

    private void publish(UUID eventId, ConfigurationLifecycleEvent event) throws Exception {
        // the attempts a dead letter counts assume the partition was not assigned in the poll that reads the record
        await().atMost(WAIT).until(() -> DeadLetterFixture.partitionsAssigned(consumers));
        OutboxMessage m = codec.toOutbox(eventId, event);
        events.send(m.topic(), m.key(), m.payload(), m.headers());
    }

    private JsonNode integration(String id) {
        Api.Response r = api.get("/api/admin/v4/integrations/" + id, owner);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private long number(String query, Object... params) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aDisableThatCannotBeAppliedIsDeadLetteredReplayedOnceAfterTheFixThenADuplicateAndDiscarded() throws Exception {
        String config = "icfg_dlt" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "000000000";
        Api.Response created = api.post("/api/admin/v4/integrations", owner, "{\"name\":\"Dead letter " + config + "\",\"type\":\"kafka\","
                + "\"integration_config\":{\"bootstrap_servers\":\"" + TestInfra.get().kafkaBootstrap() + "\"},\"configuration_id\":\""
                + config + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().get("id").asText();
        // the discovery writes the row too: refuse changes only once it is done
        await().atMost(WAIT).until(() -> integration(id).get("status").asText().equals("Active"));
        DeadLetterFixture refusal = DeadLetterFixture.refusingChangesTo(jdbcUrl, "integration");
        refusal.refuse(config);

        UUID eventId = UUID.randomUUID();
        publish(eventId, LifecycleIT.disabled(config, 2));
        JsonNode dead = await().atMost(WAIT).until(() -> DeadLetterFixture.findOnTopic(admins, admin, config).orElse(null), d -> d != null);
        DeadLetterFixture.assertRecorded(dead, eventId, LifecycleEventType.DISABLED.ceType(), config, 3);
        String deadLetter = dead.get("id").asText();
        assertThat(integration(id).get("status").asText()).as("not applied").isEqualTo("Active");
        assertThat(number("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isZero();
        DeadLetterFixture.assertAdminOnly(admins, owner, deadLetter);

        refusal.allow(config);
        DeadLetterFixture.assertReplayed(admins, admin, deadLetter, "applied");
        assertThat(integration(id).get("status").asText()).isEqualTo("Disabled");
        assertThat(number("SELECT count(*) FROM inbox_event WHERE event_id = ? AND outcome = 'applied'", eventId)).isEqualTo(1);
        String changed = "SELECT (extract(epoch FROM updated_at) * 1000000)::bigint FROM integration WHERE configuration_id = ?";
        long before = number(changed, config);

        DeadLetterFixture.assertReplayed(admins, admin, deadLetter, "duplicate");
        assertThat(number(changed, config)).as("not applied twice").isEqualTo(before);
        assertThat(number("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isEqualTo(1);

        DeadLetterFixture.assertDiscarded(admins, admin, deadLetter, config);
        assertThat(DeadLetterFixture.assertAuditedByAdmin(admins, admin, deadLetter, "root")).as("audited")
                .containsExactly("dead_letter.discarded", "dead_letter.replayed", "dead_letter.replayed");
        assertThat(integration(id).get("status").asText()).as("discarding undoes nothing").isEqualTo("Disabled");
    }
}
