package io.patchbay.oauth.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.Caller;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.inbox.InboxOutcome;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase;
import io.patchbay.oauth.application.port.in.UseIntegrationUseCase.Need;
import io.patchbay.oauth.support.Captured;
import io.patchbay.oauth.support.Db;
import io.patchbay.oauth.support.Json;
import io.patchbay.oauth.support.RecordingApi;
import io.patchbay.oauth.support.TestProperties;
import io.patchbay.oauth.support.Tokens;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The lifecycle consumer against a real Kafka and PostgreSQL (events.md, oauth-service column): disabled → state disabled
 * with the reason and use refused with 409; enabled / transferred → active; deleted → the integrations disappear with
 * their associations, secrets and sessions. Duplicates are applied once, stale versions ignored, poison records parked
 * on the dead-letter topic while the next record flows.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleConsumerIT implements TestPropertyProvider {
    static final String TEAM = "team_linked";
    static final String BASE = "/__api__/v1/oauth/integrations";
    static final Duration WAIT = Duration.ofSeconds(30);
    final String owner = Tokens.token("linker", TEAM, TeamRole.OWNER);
    final Caller ownerCaller = new Caller("linker", List.of(new TeamMembership(TEAM, TeamRole.OWNER)), Set.of(), Optional.empty());

    @Inject
    EmbeddedServer server;
    @Inject
    LifecycleEventCodec codec;
    @Inject
    UseIntegrationUseCase use;
    @Inject
    LifecycleInbox inbox;
    @Inject
    ApplyLifecycleEventUseCase handler;
    RecordingApi api;
    String jdbcUrl;
    KafkaProducer<String, byte[]> producer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = TestProperties.of("oauth_consumer");
        TestProperties.withConfigServiceStandIn(props);
        props.put("patchbay.consumer.enabled", "true");
        props.put("patchbay.consumer.group-id", "oauth-service-it-" + UUID.randomUUID());
        props.put("patchbay.consumer.retries", "2");
        props.put("patchbay.consumer.initial-backoff", "50ms");
        jdbcUrl = props.get("datasources.default.url");
        return props;
    }

    @BeforeAll
    void setUp() {
        api = new RecordingApi(server.getURI());
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfra.get().kafkaBootstrap(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void tearDown() {
        producer.close();
    }

    static String configurationId() {
        return "icfg_" + Ids.prefixed("", 24);
    }

    String linked(String configurationId) {
        Api.Response r = api.post(BASE, owner, Json.of(Map.of("name", "linked", "template", "github", "configuration_id", configurationId,
                "config", Map.of("client_id", "Iv1.linked", "client_secret", Captured.plant()))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("guid").asText();
    }

    void publish(UUID eventId, ConfigurationLifecycleEvent event) {
        OutboxMessage m = codec.toOutbox(eventId, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(m.topic(), m.key(), m.payload());
        m.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    void publish(ConfigurationLifecycleEvent event) {
        publish(UUID.randomUUID(), event);
    }

    static ConfigurationDisabled disabled(String id, long version, String reason) {
        long now = System.currentTimeMillis();
        return new ConfigurationDisabled(id, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", version, now, now, reason);
    }

    static ConfigurationEnabled enabled(String id, long version) {
        long now = System.currentTimeMillis();
        return new ConfigurationEnabled(id, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", version, now, now, "disabled-by-owner");
    }

    JsonNode integration(String guid) {
        return api.get(BASE + "/" + guid, owner).json();
    }

    String state(String guid) {
        return integration(guid).get("state").asText();
    }

    long dbLong(String query, Object... params) {
        return new Db(jdbcUrl).number(query, params);
    }

    private static LifecycleEnvelope envelope(UUID id, ConfigurationLifecycleEvent event) {
        return new LifecycleEnvelope(id, LifecycleEventType.of(event), event.configurationId(), Instant.now(), event);
    }

    /** The audit entries of an integration, oldest first: action and cause event id. */
    List<String> trail(String guid) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : AuditEntries.ofResource(new Api(server.getURI()), Tokens.admin(), guid).reversed()) {
            JsonNode cause = e.get("cause");
            out.add(e.get("action").asText() + " " + (cause.isNull() ? "-" : cause.get("event_id").asText()));
        }
        return out;
    }

    @Test
    void aBatchWithSeveralEventsOfOneConfigurationEndsAsOneByOneWithAnEntryPerChangeNamingItsEvent() {
        String configuration = configurationId();
        String a = linked(configuration);
        String b = linked(configuration);
        String other = configurationId();
        String c = linked(other);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        long created = dbLong("SELECT version FROM oauth_integration WHERE guid = ?", UUID.fromString(a));
        long now = System.currentTimeMillis();
        List<InboxOutcome> outcomes = inbox.receiveAll(List.of(envelope(ids.get(0), disabled(configuration, 2, "disabled-by-owner")),
                envelope(ids.get(1), disabled(other, 2, "disabled-by-owner")), envelope(ids.get(2), enabled(configuration, 3)),
                envelope(ids.get(3), disabled(configuration, 4, "account-plan-downgrade")),
                envelope(ids.get(4), new ConfigurationDeleted(other, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", 3, now, now,
                        null))), handler);
        assertThat(outcomes).hasSize(5).containsOnly(InboxOutcome.APPLIED);

        for (String guid : List.of(a, b)) {
            JsonNode i = integration(guid);
            assertThat(i.get("state").asText()).isEqualTo("disabled");
            assertThat(i.get("disabled_reason").asText()).isEqualTo("account-plan-downgrade");
            assertThat(dbLong("SELECT version FROM oauth_integration WHERE guid = ?", UUID.fromString(guid)))
                    .as("three changes, as one by one").isEqualTo(created + 3);
            assertThat(trail(guid)).containsExactly("oauth_integration.created -", "oauth_integration.disabled " + ids.get(0),
                    "oauth_integration.enabled " + ids.get(2), "oauth_integration.disabled " + ids.get(3));
        }
        assertThat(api.get(BASE + "/" + c, owner).status()).isEqualTo(404);
        assertThat(trail(c)).containsExactly("oauth_integration.created -", "oauth_integration.disabled " + ids.get(1),
                "oauth_integration.deleted " + ids.get(4));
    }

    @Test
    void theChangesAnEventMakesAreAuditedAsTheSystemNamingTheEvent() {
        String configuration = configurationId();
        String guid = linked(configuration);
        UUID disabledEvent = UUID.randomUUID();
        publish(disabledEvent, disabled(configuration, 2, "disabled-by-owner"));
        await().atMost(WAIT).until(() -> state(guid).equals("disabled"));
        UUID deletedEvent = UUID.randomUUID();
        long now = System.currentTimeMillis();
        publish(deletedEvent, new ConfigurationDeleted(configuration, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", 3, now, now,
                null));
        await().atMost(WAIT).until(() -> api.get(BASE + "/" + guid, owner).status() == 404);

        List<JsonNode> entries = AuditEntries.ofResource(new Api(server.getURI()), Tokens.admin(), guid);
        assertThat(AuditEntries.actions(entries)).containsExactly("oauth_integration.deleted", "oauth_integration.disabled",
                "oauth_integration.created");
        JsonNode byDisable = entries.get(1);
        assertThat(byDisable.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(byDisable.get("cause").get("event_id").asText()).isEqualTo(disabledEvent.toString());
        assertThat(byDisable.get("cause").get("event_type").asText()).isEqualTo("io.patchbay.configuration.disabled.v1");
        assertThat(byDisable.get("changes").get("state").get("to").asText()).isEqualTo("disabled");
        assertThat(byDisable.get("changes").get("disabled_reason").get("to").asText()).isEqualTo("disabled-by-owner");
        assertThat(entries.getFirst().get("cause").get("event_id").asText()).isEqualTo(deletedEvent.toString());
        assertThat(entries.getFirst().get("team_id").asText()).isEqualTo(TEAM);
    }

    @Test
    void disabledEnabledTransferredAndTheUseRule() {
        String configuration = configurationId();
        String a = linked(configuration);
        String b = linked(configuration);
        String unrelated = linked(configurationId());

        publish(disabled(configuration, 2, "disabled-by-admin"));
        await().atMost(WAIT).until(() -> state(a).equals("disabled") && state(b).equals("disabled"));
        JsonNode off = integration(a);
        assertThat(off.get("disabled_reason").asText()).isEqualTo("disabled-by-admin");
        assertThat(state(unrelated)).isEqualTo("active");
        assertThatThrownBy(() -> use.requireUsable(ownerCaller, null, UUID.fromString(a), Need.PUBLISHER)).isInstanceOf(DomainException.Conflict.class);
        assertThat(api.get(BASE + "/" + a, owner).status()).as("a disabled integration can still be read").isEqualTo(200);

        publish(enabled(configuration, 3));
        await().atMost(WAIT).until(() -> state(a).equals("active") && state(b).equals("active"));
        assertThat(integration(a).get("disabled_reason").isNull()).isTrue();
        assertThat(use.requireUsable(ownerCaller, null, UUID.fromString(a), Need.PUBLISHER).integration().guid().toString()).isEqualTo(a);

        publish(disabled(configuration, 4, "transfer-team-member-removed"));
        await().atMost(WAIT).until(() -> state(b).equals("disabled"));
        long now = System.currentTimeMillis();
        publish(new ConfigurationTransferred(configuration, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "newUser", 5, now, now,
                "linker", TEAM, TEAM));
        await().atMost(WAIT).until(() -> state(b).equals("active"));
    }

    @Test
    void aDuplicateIsAppliedOnceAndAStaleVersionIsIgnored() throws Exception {
        String configuration = configurationId();
        String guid = linked(configuration);
        long version = dbLong("SELECT version FROM oauth_integration WHERE guid = ?", UUID.fromString(guid));

        UUID eventId = UUID.randomUUID();
        publish(eventId, disabled(configuration, 2, "disabled-by-owner"));
        publish(eventId, disabled(configuration, 2, "disabled-by-owner"));
        publish(enabled(configuration, 3));
        await().atMost(WAIT).until(() -> dbLong("SELECT count(*) FROM inbox_event WHERE configuration_id = ?", configuration) == 2
                && state(guid).equals("active"));
        assertThat(dbLong("SELECT version FROM oauth_integration WHERE guid = ?", UUID.fromString(guid)))
                .as("one disable and one enable were applied, the duplicate was not").isEqualTo(version + 2);

        publish(disabled(configuration, 2, "disabled-by-admin"));
        publish(disabled(configuration, 3, "disabled-by-admin"));
        publish(enabled(configuration, 4));
        await().atMost(WAIT).until(() -> dbLong("SELECT count(*) FROM inbox_event WHERE configuration_id = ?", configuration) == 5);
        assertThat(dbLong("SELECT count(*) FROM inbox_event WHERE configuration_id = ? AND outcome = 'stale'", configuration)).isEqualTo(2);
        assertThat(state(guid)).isEqualTo("active");
        assertThat(dbLong("SELECT version FROM oauth_integration WHERE guid = ?", UUID.fromString(guid))).isEqualTo(version + 2);
        assertThat(dbLong("SELECT version FROM configuration_projection WHERE configuration_id = ?", configuration)).isEqualTo(4);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        String poisonKey = configurationId();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(LifecycleTopic.NAME, poisonKey, "{oops".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(LifecycleTopic.CE_SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(LifecycleTopic.CE_TYPE, "io.patchbay.configuration.disabled.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(poison).get();
        String configuration = configurationId();
        String guid = linked(configuration);
        publish(disabled(configuration, 2, "disabled-by-owner"));

        await().atMost(WAIT).until(() -> state(guid).equals("disabled"));
        await().atMost(WAIT).until(() -> !TopicReader.read(TestInfra.get().kafkaBootstrap(), LifecycleTopic.DEAD_LETTER,
                r -> poisonKey.equals(r.key())).isEmpty());
        ConsumerRecord<String, byte[]> dead = TopicReader.read(TestInfra.get().kafkaBootstrap(), LifecycleTopic.DEAD_LETTER,
                r -> poisonKey.equals(r.key())).getFirst();
        assertThat(dead.headers().lastHeader(LifecycleTopic.DLT_ERROR)).isNotNull();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{oops");
    }

    @Test
    void deletedRemovesTheIntegrationsWithTheirAssociationsSecretsAndSessions() throws Exception {
        String configuration = configurationId();
        String a = linked(configuration);
        String keep = linked(configurationId());
        UUID content = UUID.randomUUID();
        String path = "/__api__/v1/content/" + content + "/oauth/integrations/associations";
        assertThat(api.put(path, owner, "[{\"oauth_integration_guid\":\"" + a + "\"},{\"oauth_integration_guid\":\"" + keep + "\"}]").status())
                .isEqualTo(204);
        new Db(jdbcUrl).execute("INSERT INTO oauth_session (guid, integration_id, user_id, access_token_sealed, key_id, created_time, updated_time) "
                + "SELECT gen_random_uuid(), id, 'viewer', 'v1:k1:AAAA', 'k1', now(), now() FROM oauth_integration WHERE guid = ?", UUID.fromString(a));
        long now = System.currentTimeMillis();
        publish(new ConfigurationDeleted(configuration, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", 2, now, now, null));
        await().atMost(WAIT).until(() -> api.get(BASE + "/" + a, owner).status() == 404);
        assertProblem(api.get(BASE + "/" + a, owner), 404, null);
        assertThat(api.get(path, owner).json().findValuesAsText("oauth_integration_guid")).containsExactly(keep);
        assertThat(dbLong("SELECT count(*) FROM oauth_session")).isZero();
        assertThat(dbLong("SELECT count(*) FROM oauth_integration_secret s JOIN oauth_integration i ON i.id = s.integration_id WHERE i.guid = ?",
                UUID.fromString(keep))).isEqualTo(1);
        assertThat(dbLong("SELECT count(*) FROM oauth_integration WHERE configuration_id = ?", configuration)).isZero();
        assertProblem(api.post(BASE, owner, Json.of(Map.of("template", "github", "configuration_id", configuration, "config",
                Map.of("client_id", "Iv1.late", "client_secret", Captured.plant())))), 422, "configuration_id");
    }

    @Test
    void anIntegrationLinkedAfterADisableEventStartsDisabled() {
        String configuration = configurationId();
        String other = linked(configurationId());
        publish(disabled(configuration, 7, "account-plan-downgrade"));
        publish(disabled(configurationId(), 1, "disabled-by-owner"));
        await().atMost(WAIT).until(() -> dbLong("SELECT count(*) FROM configuration_projection WHERE configuration_id = ?", configuration) == 1);
        String late = linked(configuration);
        JsonNode body = integration(late);
        assertThat(body.get("state").asText()).isEqualTo("disabled");
        assertThat(body.get("disabled_reason").asText()).isEqualTo("account-plan-downgrade");
        assertThat(state(other)).isEqualTo("active");
    }

    /**
     * Links racing the disable of their configuration: three linkers create integrations one after another while the
     * disable is applied through the inbox (as the consumer applies it) once some links have landed. Linked before, during
     * or after the event: every one ends disabled. {@code -Drace.rounds=N} repeats it (one fresh configuration per round).
     */
    @Test
    void integrationsLinkedWhileTheDisableIsAppliedAllEndDisabled() throws Exception {
        int rounds = Integer.getInteger("race.rounds", 5);
        List<String> active = new ArrayList<>();
        long linked = 0;
        for (int round = 0; round < rounds; round++) {
            String configuration = configurationId();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch before = new CountDownLatch(3);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Integer>> linkers = new ArrayList<>();
                for (int l = 0; l < 3; l++) {
                    linkers.add(pool.submit(() -> {
                        int n = 0;
                        while (!stop.get()) {
                            linked(configuration);
                            n++;
                            before.countDown();
                        }
                        return n;
                    }));
                }
                assertThat(before.await(60, TimeUnit.SECONDS)).isTrue();
                ConfigurationDisabled disable = disabled(configuration, 2, "disabled-by-owner");
                assertThat(inbox.receive(new LifecycleEnvelope(UUID.randomUUID(), LifecycleEventType.of(disable), configuration,
                        Instant.now(), disable), handler)).isEqualTo(InboxOutcome.APPLIED);
                long applied = dbLong("SELECT count(*) FROM oauth_integration WHERE configuration_id = ?", configuration);
                await().atMost(WAIT).until(() -> dbLong("SELECT count(*) FROM oauth_integration WHERE configuration_id = ?", configuration)
                        >= applied + 3);
                stop.set(true);
                for (Future<Integer> f : linkers) {
                    f.get();
                }
            }
            linked += dbLong("SELECT count(*) FROM oauth_integration WHERE configuration_id = ?", configuration);
            new Db(jdbcUrl).strings("SELECT guid FROM oauth_integration WHERE configuration_id = ? AND state <> 'disabled'", configuration)
                    .forEach(guid -> active.add(configuration + "/" + guid));
        }
        System.out.printf("RACE link-vs-disable rounds=%d links=%d leftActive=%d%n", rounds, linked, active.size());
        assertThat(active).as("integrations left active after the disable, %d rounds, %d links", rounds, linked).isEmpty();
    }
}
