package io.patchbay.environment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.test.Api;
import io.patchbay.test.DeadLetterFixture;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters in environment-service (operations.md, "Dead letters"): a disable whose application fails in the
 * service's own transaction (the install's row refuses changes) is kept in the database and shown to admins; replayed
 * once the cause is fixed it disables the install, replayed again it is a duplicate and changes nothing; discarded, it
 * is gone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLettersIT implements TestPropertyProvider {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String TEAM = LifecycleConsumerIT.TEAM;
    final String linker = Tokens.token("linker", TEAM, TeamRole.OWNER);
    final String admin = Tokens.admin();
    final TestDatabase db = new TestDatabase("env_dead_letters");

    @Inject
    EmbeddedServer server;
    @Inject
    LifecycleEventCodec codec;
    @Inject
    ConsumerRegistry consumers;
    Api api;
    DeadLetterFixture.Client admins;
    ApiFixture fx;
    DeadLetterFixture.Events events;

    @Override
    public Map<String, String> getProperties() {
        int port = DeadLetterFixture.freePort();
        Map<String, String> props = db.serviceProperties();
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("env-it.config-service", "true");
        props.put("patchbay.consumer.retries", "2");
        props.put("patchbay.consumer.initial-backoff", "50ms");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        admins = DeadLetterFixture.client(api);
        fx = new ApiFixture(api);
        events = DeadLetterFixture.events();
    }

    @AfterAll
    void close() {
        events.close();
    }

    private void publish(UUID eventId, io.patchbay.kernel.event.ConfigurationLifecycleEvent event) throws Exception {
        // the attempts a dead letter counts assume the partition was not assigned in the poll that reads the record
        await().atMost(WAIT).until(() -> DeadLetterFixture.partitionsAssigned(consumers));
        OutboxMessage m = codec.toOutbox(eventId, event);
        events.send(m.topic(), m.key(), m.payload(), m.headers());
    }

    private JsonNode read(String id) {
        Api.Response r = api.get("/environment-integration/" + id, linker);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aDisableThatCannotBeAppliedIsDeadLetteredReplayedOnceAfterTheFixThenADuplicateAndDiscarded() throws Exception {
        String config = LifecycleConsumerIT.configId("dlt");
        String integration = fx.integration(linker, "dead-letter-app", "crm", "allow").get("id").asText();
        String env = fx.environment(linker, "dead-letter-env").get("id").asText();
        String install = fx.install(linker, integration, env, "\"configuration_id\":\"" + config + "\"").get("id").asText();
        DeadLetterFixture refusal = DeadLetterFixture.refusingChangesTo(db.jdbcUrl(), "environment_integration");
        refusal.refuse(config);

        UUID eventId = UUID.randomUUID();
        publish(eventId, LifecycleConsumerIT.disabled(config, 2));
        JsonNode dead = await().atMost(WAIT).until(() -> DeadLetterFixture.findOnTopic(admins, admin, config).orElse(null), d -> d != null);
        DeadLetterFixture.assertRecorded(dead, eventId, LifecycleEventType.DISABLED.ceType(), config, 3);
        String id = dead.get("id").asText();
        assertThat(read(install).get("lifecycle").asText()).as("not applied").isEqualTo("active");
        assertThat(db.number("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isZero();
        DeadLetterFixture.assertAdminOnly(admins, linker, id);

        refusal.allow(config);
        DeadLetterFixture.assertReplayed(admins, admin, id, "applied");
        JsonNode disabled = read(install);
        assertThat(disabled.get("lifecycle").asText()).isEqualTo("disabled");
        assertThat(disabled.get("is_enabled").asBoolean()).isFalse();
        String etag = api.get("/environment-integration/" + install, linker).header("ETag");
        assertThat(db.number("SELECT count(*) FROM inbox_event WHERE event_id = ? AND outcome = 'applied'", eventId)).isEqualTo(1);

        DeadLetterFixture.assertReplayed(admins, admin, id, "duplicate");
        assertThat(api.get("/environment-integration/" + install, linker).header("ETag")).as("not applied twice").isEqualTo(etag);
        assertThat(db.number("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isEqualTo(1);

        DeadLetterFixture.assertDiscarded(admins, admin, id, config);
        assertThat(DeadLetterFixture.assertAuditedByAdmin(admins, admin, id, "root")).as("audited")
                .containsExactly("dead_letter.discarded", "dead_letter.replayed", "dead_letter.replayed");
        assertThat(read(install).get("lifecycle").asText()).as("discarding undoes nothing").isEqualTo("disabled");
    }

    @Test
    void aRecordThatCannotBeDecodedIsKeptAtOnceAndItsReplayFailsAgain() throws Exception {
        String key = LifecycleConsumerIT.configId("undecodable");
        UUID eventId = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LifecycleTopic.CE_SPECVERSION, "1.0");
        headers.put(LifecycleTopic.CE_ID, eventId.toString());
        headers.put(LifecycleTopic.CE_TYPE, LifecycleEventType.DISABLED.ceType());
        headers.put(LifecycleTopic.CE_SUBJECT, key);
        headers.put(LifecycleTopic.CE_TIME, "2026-01-01T00:00:00Z");
        events.send(LifecycleTopic.NAME, key, "{oops".getBytes(StandardCharsets.UTF_8), headers);

        JsonNode dead = await().atMost(WAIT).until(() -> DeadLetterFixture.findOnTopic(admins, admin, key).orElse(null), d -> d != null);
        assertThat(dead.get("event_id").asText()).isEqualTo(eventId.toString());
        assertThat(dead.get("event_type").asText()).isEqualTo(LifecycleEventType.DISABLED.ceType());
        assertThat(dead.get("attempts").asInt()).as("not retried: it cannot get better").isEqualTo(1);
        assertThat(dead.get("error").get("class").asText()).endsWith("InvalidEventException");
        assertThat(dead.get("error").get("message").asText()).contains("not a JSON object");

        Api.Response replay = api.post("/admin/dead-letters/" + dead.get("id").asText() + "/replay", admin, null);
        io.patchbay.test.ProblemAssert.assertProblem(replay, 409, null);
        assertThat(replay.json().get("code").asText()).isEqualTo("replay_failed");
        assertThat(db.number("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isZero();
    }
}
