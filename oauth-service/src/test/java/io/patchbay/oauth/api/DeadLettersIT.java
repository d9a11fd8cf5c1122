package io.patchbay.oauth.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import io.patchbay.test.DeadLetterFixture;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters in oauth-service (operations.md, "Dead letters"): a disable whose application fails in the service's own
 * transaction (the OAuth integration's row refuses changes) is kept in the database and shown to admins; replayed once
 * the cause is fixed it disables the integration, replayed again it is a duplicate and changes nothing; discarded, it is
 * gone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersIT implements TestPropertyProvider {
    static final String BASE = LifecycleConsumerIT.BASE;
    static final Duration WAIT = Duration.ofSeconds(90);
    final String owner = Tokens.token("linker", LifecycleConsumerIT.TEAM, TeamRole.OWNER);
    final String admin = Tokens.admin();

    @Inject
    EmbeddedServer server;
    @Inject
    LifecycleEventCodec codec;
    @Inject
    ConsumerRegistry consumers;
    RecordingApi api;
    DeadLetterFixture.Client admins;
    String jdbcUrl;
    DeadLetterFixture.Events events;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_dead_letters");
        TestProperties.withConfigServiceStandIn(props);
        props.put("patchbay.consumer.enabled", "true");
        props.put("patchbay.consumer.group-id", "oauth-service-dead-letters-" + UUID.randomUUID());
        props.put("patchbay.consumer.retries", "2");
        props.put("patchbay.consumer.initial-backoff", "50ms");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
        admins = (method, path, token) -> api.send(method, path, token, null);
        events = DeadLetterFixture.events();
    }

    @AfterAll
    void tearDown() {
        events.close();
    }

    private void publish(UUID eventId, io.patchbay.kernel.event.ConfigurationLifecycleEvent event) throws Exception {
        // the attempts a dead letter counts assume the partition was not assigned in the poll that reads the record
        await().atMost(WAIT).until(() -> DeadLetterFixture.partitionsAssigned(consumers));
        OutboxMessage m = codec.toOutbox(eventId, event);
        events.send(m.topic(), m.key(), m.payload(), m.headers());
    }

    private JsonNode integration(String guid) {
        Api.Response r = api.get(BASE + "/" + guid, owner);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private long number(String query, Object... params) {
        return new Db(jdbcUrl).number(query, params);
    }

    @Test
    void aDisableThatCannotBeAppliedIsDeadLetteredReplayedOnceAfterTheFixThenADuplicateAndDiscarded() throws Exception {
        String config = LifecycleConsumerIT.configurationId();
        Api.Response created = api.post(BASE, owner, Json.of(Map.of("name", "dead-letter", "template", "github", "configuration_id", config,
                "config", Map.of("client_id", "Iv1.deadletter", "client_secret", Captured.plant()))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String guid = created.json().get("guid").asText();
        DeadLetterFixture refusal = DeadLetterFixture.refusingChangesTo(jdbcUrl, "oauth_integration");
        refusal.refuse(config);

        UUID eventId = UUID.randomUUID();
        publish(eventId, LifecycleConsumerIT.disabled(config, 2, "disabled-by-admin"));
        JsonNode dead = await().atMost(WAIT).until(() -> DeadLetterFixture.findOnTopic(admins, admin, config).orElse(null), d -> d != null);
        DeadLetterFixture.assertRecorded(dead, eventId, LifecycleEventType.DISABLED.ceType(), config, 3);
        String id = dead.get("id").asText();
        assertThat(integration(guid).get("state").asText()).as("not applied").isEqualTo("active");
        assertThat(number("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isZero();
        DeadLetterFixture.assertAdminOnly(admins, owner, id);

        refusal.allow(config);
        DeadLetterFixture.assertReplayed(admins, admin, id, "applied");
        JsonNode disabled = integration(guid);
        assertThat(disabled.get("state").asText()).isEqualTo("disabled");
        assertThat(disabled.get("disabled_reason").asText()).isEqualTo("disabled-by-admin");
        long version = number("SELECT version FROM oauth_integration WHERE guid = ?", UUID.fromString(guid));
        assertThat(number("SELECT count(*) FROM inbox_event WHERE event_id = ? AND outcome = 'applied'", eventId)).isEqualTo(1);

        DeadLetterFixture.assertReplayed(admins, admin, id, "duplicate");
        assertThat(number("SELECT version FROM oauth_integration WHERE guid = ?", UUID.fromString(guid))).as("not applied twice")
                .isEqualTo(version);
        assertThat(number("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isEqualTo(1);

        DeadLetterFixture.assertDiscarded(admins, admin, id, config);
        assertThat(DeadLetterFixture.assertAuditedByAdmin(admins, admin, id, "root")).as("audited")
                .containsExactly("dead_letter.discarded", "dead_letter.replayed", "dead_letter.replayed");
        assertThat(integration(guid).get("state").asText()).as("discarding undoes nothing").isEqualTo("disabled");
    }
}
