package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.kernel.infra.inbox.InboxOutcome;
import io.patchbay.kernel.infra.inbox.LifecycleConsumer;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * configuration_id links (checked with a stand-in config-service) and the lifecycle consumer against real Kafka and
 * PostgreSQL: disabled → Disabled and refresh 409; enabled/transferred → the status before (a discovery when it never
 * synced); deleted → the integration and its resources are gone; duplicates, stale versions and poison records.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleIT implements TestPropertyProvider {
    @Inject
    EmbeddedServer server;
    @Inject
    LifecycleEventCodec codec;
    @Inject
    LifecycleConsumer consumer;
    @Inject
    LifecycleInbox inbox;
    @Inject
    ApplyLifecycleEventUseCase handler;

    private String jdbcUrl;
    private Api api;
    private KafkaProducer<String, byte[]> producer;
    private final String owner = Tokens.token("lena", "team_life", TeamRole.OWNER);

    @Override
    public Map<String, String> getProperties() {
        jdbcUrl = TestInfra.get().newDatabase("catalog_life");
        int port = freePort();
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(jdbcUrl));
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("catalog-it.config-service", "true");
        props.put("patchbay.consumer.group-id", "catalog-lifecycle-it");
        props.put("patchbay.consumer.initial-backoff", "20ms");
        props.put("patchbay.consumer.retries", "1");
        props.put("patchbay.discovery.poll-interval", "100ms");
        props.put("patchbay.discovery.connect-timeout", "3s");
        return props;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @AfterAll
    void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    private void publish(UUID eventId, ConfigurationLifecycleEvent event) throws Exception {
        OutboxMessage m = codec.toOutbox(eventId, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(m.topic(), m.key(), m.payload());
        m.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer().send(record).get();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    static ConfigurationDisabled disabled(String cfg, long version) {
        return new ConfigurationDisabled(cfg, "oac_x", "app", "team_life", "team_life", "lena", version, now(), now(), "disabled-by-owner");
    }

    static ConfigurationEnabled enabled(String cfg, long version) {
        return new ConfigurationEnabled(cfg, "oac_x", "app", "team_life", "team_life", "lena", version, now(), now(), "disabled-by-owner");
    }

    static ConfigurationTransferred transferred(String cfg, long version) {
        return new ConfigurationTransferred(cfg, "oac_x", "app", "team_life", "team_life", "lena", version, now(), now(), "leo", "team_old", "team_old");
    }

    static ConfigurationDeleted deleted(String cfg, long version) {
        return new ConfigurationDeleted(cfg, "oac_x", "app", "team_life", "team_life", "lena", version, now(), now(), null);
    }

    private String kafkaIntegration(String name, String configurationId) {
        Api.Response r = api().post("/api/admin/v4/integrations", owner, "{\"name\":\"" + name + "\",\"type\":\"kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":\"" + TestInfra.get().kafkaBootstrap() + "\"},\"configuration_id\":\"" + configurationId + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    private JsonNode get(String id) {
        return api().get("/api/admin/v4/integrations/" + id, owner).json();
    }

    private String status(String id) {
        Api.Response r = api().get("/api/admin/v4/integrations/" + id, owner);
        return r.status() == 404 ? "gone" : r.json().get("status").asText();
    }

    private void awaitStatus(String id, String expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> status(id).equals(expected));
    }

    @Test
    void linksAreCheckedWithConfigService() {
        String id = kafkaIntegration("Linked", "icfg_oklink000000000000000000");
        assertThat(get(id).get("configuration_id").asText()).isEqualTo("icfg_oklink000000000000000000");
        Api.Response missing = api().post("/api/admin/v4/integrations", owner, "{\"name\":\"Missing\",\"type\":\"kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":\"h:1\"},\"configuration_id\":\"icfg_missing00000000000000000\"}");
        assertProblem(missing, 422, "configuration_id");
        String other = Tokens.token("otto", "team_outside", TeamRole.OWNER);
        assertProblem(api().post("/api/admin/v4/integrations", other, "{\"name\":\"Invisible\",\"type\":\"kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":\"h:1\"},\"configuration_id\":\"icfg_ok2000000000000000000000\"}"), 422, "configuration_id");
        assertProblem(api().post("/api/admin/v4/integrations", owner, "{\"name\":\"Bad id\",\"type\":\"kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":\"h:1\"},\"configuration_id\":\"icfg bad\"}"), 400, "configuration_id");
        // linked to a disabled configuration: starts Disabled, refresh refused, no discovery queued
        String off = kafkaIntegration("Linked off", "icfg_offlink00000000000000000");
        assertThat(get(off).get("status").asText()).isEqualTo("Disabled");
        assertProblem(api().post("/api/v2/integrations/" + off + "/refresh", owner, null), 409, null);
        // v2 sees the link too, and PUT without configuration_id keeps it
        Api.Response put = api().send("PUT", "/api/v2/integrations/" + id, owner, "{\"name\":\"Linked\",\"metadata\":{\"bootstrap_servers\":\""
                + TestInfra.get().kafkaBootstrap() + "\"}}");
        assertThat(put.json().get("configuration_id").asText()).isEqualTo("icfg_oklink000000000000000000");
    }

    @Test
    void disabledThenEnabledRestoresTheStatusBefore() throws Exception {
        String cfg = "icfg_life" + UUID.randomUUID().toString().substring(0, 8) + "000000000000";
        String id = kafkaIntegration("Life " + cfg, cfg);
        awaitStatus(id, "Active");
        String syncedAt = get(id).get("last_sync_time").asText();
        publish(UUID.randomUUID(), disabled(cfg, 2));
        awaitStatus(id, "Disabled");
        assertProblem(api().post("/api/v2/integrations/" + id + "/refresh", owner, null), 409, null);
        assertThat(api().get("/api/v2/integrations/" + id, owner).json().get("status").asText()).isEqualTo("Disabled");
        publish(UUID.randomUUID(), enabled(cfg, 3));
        awaitStatus(id, "Active");
        assertThat(get(id).get("last_sync_time").asText()).as("restored, not re-synced").isEqualTo(syncedAt);
        publish(UUID.randomUUID(), disabled(cfg, 4));
        awaitStatus(id, "Disabled");
        publish(UUID.randomUUID(), transferred(cfg, 5));
        awaitStatus(id, "Active");
        assertThat(api().post("/api/v2/integrations/" + id + "/refresh", owner, null).status()).isEqualTo(200);
    }

    @Test
    void theChangesAnEventMakesAreAuditedAsTheSystemNamingTheEvent() throws Exception {
        String cfg = "icfg_audit" + UUID.randomUUID().toString().substring(0, 8) + "00000000000";
        String id = kafkaIntegration("Audited " + cfg, cfg);
        awaitStatus(id, "Active");
        UUID disabledEvent = UUID.randomUUID();
        publish(disabledEvent, disabled(cfg, 2));
        awaitStatus(id, "Disabled");
        UUID deletedEvent = UUID.randomUUID();
        publish(deletedEvent, deleted(cfg, 3));
        awaitStatus(id, "gone");

        java.util.List<JsonNode> entries = AuditEntries.ofResource(api(), Tokens.token("root", java.util.List.of(), true), id);
        assertThat(AuditEntries.actions(entries)).containsExactly("integration.deleted", "integration.disabled", "integration.discovered",
                "integration.created");
        JsonNode byDisable = entries.get(1);
        assertThat(byDisable.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(byDisable.get("cause").get("event_id").asText()).isEqualTo(disabledEvent.toString());
        assertThat(byDisable.get("cause").get("event_type").asText()).isEqualTo("io.patchbay.configuration.disabled.v1");
        assertThat(byDisable.get("changes").get("status").get("from").asText()).isEqualTo("Active");
        assertThat(byDisable.get("changes").get("status").get("to").asText()).isEqualTo("Disabled");
        assertThat(entries.getFirst().get("cause").get("event_id").asText()).isEqualTo(deletedEvent.toString());
        assertThat(entries.getFirst().get("team_id").asText()).isEqualTo("team_life");
    }

    private static LifecycleEnvelope envelope(UUID id, ConfigurationLifecycleEvent event) {
        return new LifecycleEnvelope(id, LifecycleEventType.of(event), event.configurationId(), Instant.now(), event);
    }

    /** The entries lifecycle events caused on an integration, oldest first: action and cause event id. */
    private List<String> eventTrail(String id) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : AuditEntries.ofResource(api(), Tokens.token("root", List.of(), true), id).reversed()) {
            JsonNode cause = e.get("cause");
            if (!cause.isNull() && cause.hasNonNull("event_id")) {
                out.add(e.get("action").asText() + " " + cause.get("event_id").asText());
            }
        }
        return out;
    }

    @Test
    void aBatchWithSeveralEventsOfOneConfigurationEndsAsOneByOneWithAnEntryPerChangeNamingItsEvent() throws Exception {
        String never = "icfg_offbatch" + UUID.randomUUID().toString().substring(0, 8) + "00000000";
        String gone = "icfg_batch" + UUID.randomUUID().toString().substring(0, 8) + "00000000000";
        String neverSynced = kafkaIntegration("Batch never synced", never);
        String deleted = kafkaIntegration("Batch deleted " + gone, gone);
        assertThat(status(neverSynced)).isEqualTo("Disabled");
        awaitStatus(deleted, "Active");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(UUID.randomUUID());
        }

        List<InboxOutcome> outcomes = inbox.receiveAll(List.of(envelope(ids.get(0), enabled(never, 2)), envelope(ids.get(1), disabled(gone, 2)),
                envelope(ids.get(2), disabled(never, 3)), envelope(ids.get(3), deleted(gone, 3)), envelope(ids.get(4), enabled(never, 4))),
                handler);
        assertThat(outcomes).hasSize(5).containsOnly(InboxOutcome.APPLIED);

        assertThat(status(deleted)).isEqualTo("gone");
        assertThat(eventTrail(deleted)).containsExactly("integration.disabled " + ids.get(1), "integration.deleted " + ids.get(3));
        assertThat(eventTrail(neverSynced)).containsExactly("integration.enabled " + ids.get(0), "integration.disabled " + ids.get(2),
                "integration.enabled " + ids.get(4));
        // enabled twice in the batch: one discovery queued, which runs
        awaitStatus(neverSynced, "Active");
        assertThat(get(neverSynced).get("last_sync_time").isNull()).isFalse();
    }

    @Test
    void anIntegrationThatNeverSyncedIsDiscoveredWhenEnabled() throws Exception {
        String cfg = "icfg_offnever" + UUID.randomUUID().toString().substring(0, 8) + "00000000";
        String id = kafkaIntegration("Never synced", cfg);
        assertThat(status(id)).isEqualTo("Disabled");
        publish(UUID.randomUUID(), enabled(cfg, 2));
        awaitStatus(id, "Active");
        assertThat(get(id).get("last_sync_time").isNull()).isFalse();
    }

    @Test
    void deletedTakesTheIntegrationAndItsResources() throws Exception {
        String cfg = "icfg_del" + UUID.randomUUID().toString().substring(0, 8) + "0000000000000";
        String id = kafkaIntegration("Deleted " + cfg, cfg);
        awaitStatus(id, "Active");
        assertThat(api().get("/api/v3/integrations/" + id + "/resources", owner).json().get("data").size()).isPositive();
        publish(UUID.randomUUID(), deleted(cfg, 7));
        awaitStatus(id, "gone");
        assertThat(count("SELECT count(*) FROM resource WHERE integration_id = '" + id + "'")).isZero();
        assertThat(count("SELECT count(*) FROM discovery_job WHERE integration_id = '" + id + "'")).isZero();
        // a configuration known to be deleted cannot be linked any more
        assertProblem(api().post("/api/admin/v4/integrations", owner, "{\"name\":\"Late\",\"type\":\"kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":\"h:1\"},\"configuration_id\":\"" + cfg + "\"}"), 422, "configuration_id");
    }

    @Test
    void duplicatesAreAppliedOnceAndStaleVersionsAreSkipped() throws Exception {
        String cfg = "icfg_dup" + UUID.randomUUID().toString().substring(0, 8) + "0000000000000";
        String id = kafkaIntegration("Dup " + cfg, cfg);
        awaitStatus(id, "Active");
        long duplicatesBefore = consumer.count(InboxOutcome.DUPLICATE);
        long staleBefore = consumer.count(InboxOutcome.STALE);
        UUID eventId = UUID.randomUUID();
        publish(eventId, disabled(cfg, 10));
        publish(eventId, disabled(cfg, 10));
        awaitStatus(id, "Disabled");
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.count(InboxOutcome.DUPLICATE) > duplicatesBefore);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = '" + eventId + "'")).isEqualTo(1);
        publish(UUID.randomUUID(), enabled(cfg, 12));
        awaitStatus(id, "Active");
        UUID staleId = UUID.randomUUID();
        publish(staleId, disabled(cfg, 11));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.count(InboxOutcome.STALE) > staleBefore);
        assertThat(status(id)).as("an older version does not undo the newer one").isEqualTo("Active");
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = '" + staleId + "' AND outcome = 'stale'")).isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        String cfg = "icfg_poison" + UUID.randomUUID().toString().substring(0, 8) + "0000000000";
        String id = kafkaIntegration("Poison " + cfg, cfg);
        awaitStatus(id, "Active");
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(LifecycleTopic.NAME, cfg, "{not json".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(LifecycleTopic.CE_SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(LifecycleTopic.CE_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        producer().send(poison).get();
        publish(UUID.randomUUID(), disabled(cfg, 2));
        awaitStatus(id, "Disabled");
        await().atMost(Duration.ofSeconds(30)).until(() -> !TopicReader.read(TestInfra.get().kafkaBootstrap(), LifecycleTopic.DEAD_LETTER,
                r -> cfg.equals(r.key())).isEmpty());
        var dead = TopicReader.read(TestInfra.get().kafkaBootstrap(), LifecycleTopic.DEAD_LETTER, r -> cfg.equals(r.key())).getFirst();
        assertThat(new String(dead.headers().lastHeader(LifecycleTopic.DLT_ERROR).value(), StandardCharsets.UTF_8)).isNotBlank();
    }

    @Test
    void aRecordLinkedAfterItsDisabledEventStartsDisabled() throws Exception {
        String cfg = "icfg_late" + UUID.randomUUID().toString().substring(0, 8) + "000000000000";
        publish(UUID.randomUUID(), disabled(cfg, 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM configuration_projection WHERE configuration_id = '"
                + cfg + "' AND state = 'DISABLED'") == 1);
        String id = kafkaIntegration("Late " + cfg, cfg);
        assertThat(status(id)).isEqualTo("Disabled");
        publish(UUID.randomUUID(), enabled(cfg, 4));
        awaitStatus(id, "Active");
    }

    private long count(String sql) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The consumer side of the event contract: the kernel's example records, payloads and headers as they are. */
    private void publishExample(io.patchbay.kernel.event.LifecycleEventType type) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        byte[] payload;
        JsonNode headers;
        try (var in = LifecycleIT.class.getResourceAsStream("/events/" + type.resourceName() + ".example.json");
             var h = LifecycleIT.class.getResourceAsStream("/events/headers.example.json")) {
            assertThat(in).as("example of " + type).isNotNull();
            payload = in.readAllBytes();
            headers = json.readTree(h);
        }
        String cfg = json.readTree(payload).get("configurationId").asText();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(LifecycleTopic.NAME, cfg, payload);
        headers.fields().forEachRemaining(e -> {
            String value = switch (e.getKey()) {
                case LifecycleTopic.CE_ID -> UUID.randomUUID().toString();
                case LifecycleTopic.CE_TYPE -> type.ceType();
                default -> e.getValue().asText();
            };
            record.headers().add(e.getKey(), value.getBytes(StandardCharsets.UTF_8));
        });
        producer().send(record).get();
    }

    @Test
    void theKernelsExampleEventsAreAppliedAsTheyAre() throws Exception {
        String cfg = "icfg_3bwCLgxL8qt5kjRLcv2Dit7F";
        String id = kafkaIntegration("Contract examples", cfg);
        awaitStatus(id, "Active");
        publishExample(io.patchbay.kernel.event.LifecycleEventType.DISABLED);
        awaitStatus(id, "Disabled");
        publishExample(io.patchbay.kernel.event.LifecycleEventType.ENABLED);
        awaitStatus(id, "Active");
        publishExample(io.patchbay.kernel.event.LifecycleEventType.TRANSFERRED);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM configuration_projection WHERE configuration_id = '"
                + cfg + "' AND version = 4") == 1);
        assertThat(status(id)).isEqualTo("Active");
        publishExample(io.patchbay.kernel.event.LifecycleEventType.DELETED);
        awaitStatus(id, "gone");
    }

    /**
     * Links racing the disable of their configuration: three linkers create integrations one after another while the
     * disable is applied through the inbox (as the consumer applies it) once some links have landed. Linked before, during
     * or after the event: every one ends Disabled. {@code -Drace.rounds=N} repeats it (one fresh configuration per round).
     */
    @Test
    void integrationsLinkedWhileTheDisableIsAppliedAllEndDisabled() throws Exception {
        int rounds = Integer.getInteger("race.rounds", 5);
        List<String> active = new ArrayList<>();
        long linked = 0;
        for (int round = 0; round < rounds; round++) {
            String cfg = "icfg_race" + UUID.randomUUID().toString().substring(0, 8) + "000000000000";
            String linkedTo = "SELECT count(*) FROM integration WHERE configuration_id = '" + cfg + "'";
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch before = new CountDownLatch(3);
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Integer>> linkers = new ArrayList<>();
                for (int l = 0; l < 3; l++) {
                    linkers.add(pool.submit(() -> {
                        int n = 0;
                        while (!stop.get()) {
                            kafkaIntegration("Race " + UUID.randomUUID(), cfg);
                            n++;
                            before.countDown();
                        }
                        return n;
                    }));
                }
                assertThat(before.await(60, TimeUnit.SECONDS)).isTrue();
                ConfigurationDisabled disable = disabled(cfg, 2);
                assertThat(inbox.receive(new LifecycleEnvelope(UUID.randomUUID(), LifecycleEventType.of(disable), cfg, Instant.now(), disable),
                        handler)).isEqualTo(InboxOutcome.APPLIED);
                long applied = count(linkedTo);
                await().atMost(Duration.ofSeconds(60)).until(() -> count(linkedTo) >= applied + 3);
                stop.set(true);
                for (Future<Integer> f : linkers) {
                    f.get();
                }
            }
            linked += count(linkedTo);
            try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
                 var rs = c.createStatement().executeQuery("SELECT id, status FROM integration WHERE configuration_id = '" + cfg
                         + "' AND status <> 'Disabled'")) {
                while (rs.next()) {
                    active.add(cfg + "/" + rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        System.out.printf("RACE link-vs-disable rounds=%d links=%d leftActive=%d%n", rounds, linked, active.size());
        assertThat(active).as("integrations left active after the disable, %d rounds, %d links", rounds, linked).isEmpty();
    }
}
