package io.patchbay.environment.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.ApplyLifecycleEventUseCase;
import io.patchbay.kernel.event.ConfigurationDeleted;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationEnabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.ConfigurationTransferred;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.infra.event.LifecycleEnvelope;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.inbox.InboxOutcome;
import io.patchbay.kernel.infra.inbox.LifecycleConsumer;
import io.patchbay.kernel.infra.inbox.LifecycleInbox;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * configuration_id links (checked against a stand-in config-service) and the lifecycle consumer, against a real Kafka and
 * PostgreSQL: events are published as config-service would (CloudEvents binary mode through the kernel codec).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleConsumerIT implements TestPropertyProvider {
    static final String TEAM = "team_lifecycle";
    static final Duration WAIT = Duration.ofSeconds(60);
    final String linker = Tokens.token("linker", TEAM, TeamRole.DEVELOPER);
    final String other = Tokens.token("someoneElse", TEAM, TeamRole.DEVELOPER);

    @Inject
    EmbeddedServer server;
    @Inject
    LifecycleEventCodec codec;
    @Inject
    LifecycleConsumer consumer;
    @Inject
    LifecycleInbox inbox;
    @Inject
    ApplyLifecycleEventUseCase useCase;
    Api api;
    ApiFixture fx;
    final TestDatabase db = new TestDatabase("env_lifecycle");
    String integration;
    KafkaProducer<String, byte[]> producer;

    @Override
    public Map<String, String> getProperties() {
        int port = freePort();
        Map<String, String> props = db.serviceProperties();
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("env-it.config-service", "true");
        props.put("patchbay.consumer.retries", "2");
        props.put("patchbay.consumer.initial-backoff", "50ms");
        return props;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        fx = new ApiFixture(api);
        integration = fx.integration(linker, "lifecycle-app", "crm", "allow").get("id").asText();
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfra.get().kafkaBootstrap(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void close() {
        producer.close();
    }

    static String configId(String marker) {
        return "icfg_" + marker + Ids.prefixed("", 24 - marker.length());
    }

    private JsonNode link(String configurationId, String extra) {
        String env = fx.environment(linker, "env-" + UUID.randomUUID()).get("id").asText();
        return fx.install(linker, integration, env, "\"configuration_id\":\"" + configurationId + "\"" + (extra == null ? "" : "," + extra));
    }

    private JsonNode read(String id) {
        Api.Response r = api.get("/environment-integration/" + id, linker);
        assertThat(r.status()).as(r.toString()).isIn(200, 404);
        return r.status() == 404 ? null : r.json();
    }

    private void publish(UUID eventId, ConfigurationLifecycleEvent event) throws Exception {
        OutboxMessage m = codec.toOutbox(eventId, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(m.topic(), m.key(), m.payload());
        m.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    private UUID publish(ConfigurationLifecycleEvent event) throws Exception {
        UUID id = UUID.randomUUID();
        publish(id, event);
        return id;
    }

    static ConfigurationDisabled disabled(String id, long version) {
        return new ConfigurationDisabled(id, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", version,
                1_700_000_000_000L + version, 1_700_000_000_000L + version, "disabled-by-owner");
    }

    static ConfigurationEnabled enabled(String id, long version) {
        return new ConfigurationEnabled(id, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", version,
                1_700_000_000_000L + version, 1_700_000_000_000L + version, "disabled-by-owner");
    }

    static ConfigurationTransferred transferred(String id, long version) {
        return new ConfigurationTransferred(id, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker2", version,
                1_700_000_000_000L + version, 1_700_000_000_000L + version, "linker", TEAM, TEAM);
    }

    static ConfigurationDeleted deleted(String id, long version) {
        return new ConfigurationDeleted(id, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", version,
                1_700_000_000_000L + version, 1_700_000_000_000L + version, null);
    }

    private long count(String query, Object param) {
        return db.number(query, param);
    }

    private static LifecycleEnvelope envelope(UUID id, ConfigurationLifecycleEvent event) {
        return new LifecycleEnvelope(id, LifecycleEventType.of(event), event.configurationId(), Instant.now(), event);
    }

    private static ConfigurationDisabled disabled(String id, long version, String reason) {
        return new ConfigurationDisabled(id, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", TEAM, TEAM, "linker", version,
                1_700_000_000_000L + version, 1_700_000_000_000L + version, reason);
    }

    /** An install's lifecycle columns and version, as stored. */
    private String stored(String install) {
        return db.text("SELECT concat_ws('|', is_enabled, configuration_disabled, coalesce(disabled_reason, '-'), remembered_is_enabled, version) "
                + "FROM environment_integration WHERE id = ?", UUID.fromString(install));
    }

    /** The audit entries of an install, oldest first, as action, cause event id and the changes ({@code field=from>to}, sorted). */
    private List<String> trail(String install) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : AuditEntries.ofResource(api, Tokens.admin(), install).reversed()) {
            JsonNode cause = e.get("cause");
            List<String> changes = new ArrayList<>();
            e.get("changes").fields().forEachRemaining(c -> changes.add(c.getKey() + "=" + c.getValue().get("from") + ">" + c.getValue().get("to")));
            changes.sort(null);
            out.add(e.get("action").asText() + " " + (cause.isNull() ? "-" : cause.get("event_id").asText()) + " " + String.join(",", changes));
        }
        return out;
    }

    @Test
    void aBatchWithSeveralEventsOfOneConfigurationEndsAsOneByOneWithAnEntryPerChangeNamingItsEvent() {
        String batched = configId("batchA");
        String oneByOne = configId("batchB");
        String install = link(batched, null).get("id").asText();
        String off = link(batched, "\"is_enabled\":false").get("id").asText();
        String twin = link(oneByOne, null).get("id").asText();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<ConfigurationLifecycleEvent> events = List.of(disabled(batched, 2, "disabled-by-owner"), enabled(batched, 3),
                disabled(batched, 4, "account-plan-downgrade"));

        List<LifecycleEnvelope> batch = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            batch.add(envelope(ids.get(i), events.get(i)));
        }
        assertThat(inbox.receiveAll(batch, useCase)).containsOnly(InboxOutcome.APPLIED).hasSize(3);
        for (ConfigurationLifecycleEvent e : List.of(disabled(oneByOne, 2, "disabled-by-owner"), enabled(oneByOne, 3),
                disabled(oneByOne, 4, "account-plan-downgrade"))) {
            assertThat(inbox.receive(envelope(UUID.randomUUID(), e), useCase)).isEqualTo(InboxOutcome.APPLIED);
        }

        assertThat(stored(install)).isEqualTo("f|t|account-plan-downgrade|t|4");
        assertThat(stored(install)).as("the same as the events one by one").isEqualTo(stored(twin));
        assertThat(stored(off)).isEqualTo("f|t|account-plan-downgrade|f|4");
        List<String> entries = trail(install);
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0)).startsWith("environment_integration.created - ");
        for (int i = 0; i < 3; i++) {
            assertThat(entries.get(i + 1)).as("change %d names its event", i).startsWith("environment_integration.updated " + ids.get(i) + " ");
        }
        assertThat(entries.get(1)).endsWith(" configuration_disabled=false>true,disabled_reason=null>\"disabled-by-owner\",is_enabled=true>false");
        assertThat(entries.get(2)).endsWith(" configuration_disabled=true>false,disabled_reason=\"disabled-by-owner\">null,is_enabled=false>true");
        assertThat(entries.get(3)).endsWith(" configuration_disabled=false>true,disabled_reason=null>\"account-plan-downgrade\",is_enabled=true>false");
        assertThat(trail(off)).hasSize(4);
        assertThat(trail(twin).subList(1, 4).stream().map(e -> e.replaceAll(" [0-9a-f-]{36} ", " ")).toList())
                .as("the same changes as one by one").isEqualTo(entries.subList(1, 4).stream().map(e -> e.replaceAll(" [0-9a-f-]{36} ", " ")).toList());
    }

    /** {@code n} installs, each linked to a configuration of its own ({@code prefix} + 13 digits), written straight to the table. */
    private void bulkInstalls(String prefix, int n) {
        String salt = prefix.substring(prefix.length() - 6);
        assertThat(db.number("WITH envs AS (INSERT INTO environment (id, team_id, name, created_at, updated_at, created_by, updated_by) "
                + "SELECT gen_random_uuid(), ?, lpad(g::text, 13, '0') || '-' || ?, now(), now(), 'bulk', 'bulk' FROM generate_series(1, ?) g "
                + "RETURNING id, name), installs AS (INSERT INTO environment_integration (id, integration_id, environment_id, show_in_catalog, "
                + "is_enabled, override, configuration_id, approved, configuration_disabled, disabled_reason, remembered_is_enabled, version, "
                + "created_at, updated_at, created_by, updated_by) SELECT gen_random_uuid(), ?, envs.id, true, true, '{}', ? || left(envs.name, 13), "
                + "true, false, NULL, true, 1, now(), now(), 'bulk', 'bulk' FROM envs RETURNING 1) SELECT count(*) FROM installs",
                TEAM, salt, n, UUID.fromString(integration), prefix)).isEqualTo(n);
    }

    private static String bulkConfiguration(String prefix, int i) {
        return prefix + String.format("%013d", i);
    }

    @Test
    void aPollSizedBatchIsAppliedSetBasedEachChangeNamingItsOwnEvent() {
        int n = LifecycleConsumer.MAX_POLL_RECORDS;
        String batched = "icfg_scaleA" + Ids.prefixed("", 5);
        String single = "icfg_scaleB" + Ids.prefixed("", 5);
        bulkInstalls(batched, n);
        bulkInstalls(single, n);
        List<LifecycleEnvelope> batch = new ArrayList<>();
        List<LifecycleEnvelope> oneByOne = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            batch.add(envelope(UUID.randomUUID(), disabled(bulkConfiguration(batched, i), 2, "account-plan-downgrade")));
            oneByOne.add(envelope(UUID.randomUUID(), disabled(bulkConfiguration(single, i), 2, "account-plan-downgrade")));
        }

        long start = System.nanoTime();
        assertThat(inbox.receiveAll(batch, useCase)).hasSize(n).containsOnly(InboxOutcome.APPLIED);
        long batchMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        for (LifecycleEnvelope e : oneByOne) {
            assertThat(inbox.receive(e, useCase)).isEqualTo(InboxOutcome.APPLIED);
        }
        long oneByOneMillis = (System.nanoTime() - start) / 1_000_000;
        // printed for the record, not asserted: the machine is shared
        System.out.println("BENCHMARK environment-service lifecycle-batch events=" + n + " oneBatchMillis=" + batchMillis
                + " batchesOfOneMillis=" + oneByOneMillis);

        for (String prefix : List.of(batched, single)) {
            assertThat(db.number("SELECT count(*) FROM environment_integration WHERE configuration_id LIKE ? AND configuration_disabled "
                    + "AND NOT is_enabled AND disabled_reason = 'account-plan-downgrade' AND version = 2", prefix + "%")).isEqualTo(n);
            assertThat(db.number("SELECT count(DISTINCT a.cause_event_id) FROM audit_event a JOIN environment_integration i "
                    + "ON a.resource_id = i.id::text WHERE i.configuration_id LIKE ? AND a.action = 'environment_integration.updated'", prefix + "%"))
                    .as("an entry per install, each naming its own event").isEqualTo(n);
        }
    }

    @Test
    void aBatchMixingConfigurationsAppliesEachInItsOrder() {
        String kept = configId("mixA");
        String gone = configId("mixB");
        String untouched = configId("mixC");
        String keptInstall = link(kept, null).get("id").asText();
        String goneInstall = link(gone, null).get("id").asText();
        String untouchedInstall = link(untouched, null).get("id").asText();
        UUID disableKept = UUID.randomUUID();
        UUID disableGone = UUID.randomUUID();
        UUID deleteGone = UUID.randomUUID();
        UUID transferKept = UUID.randomUUID();

        assertThat(inbox.receiveAll(List.of(envelope(disableKept, disabled(kept, 2)), envelope(disableGone, disabled(gone, 2)),
                envelope(deleteGone, deleted(gone, 3)), envelope(transferKept, transferred(kept, 3)),
                envelope(UUID.randomUUID(), disabled(kept, 3))), useCase))
                .containsExactly(InboxOutcome.APPLIED, InboxOutcome.APPLIED, InboxOutcome.APPLIED, InboxOutcome.APPLIED, InboxOutcome.STALE);

        assertThat(stored(keptInstall)).isEqualTo("t|f|-|t|3");
        assertThat(read(goneInstall)).isNull();
        assertThat(stored(untouchedInstall)).isEqualTo("t|f|-|t|1");
        assertThat(trail(keptInstall)).hasSize(3).satisfies(t -> {
            assertThat(t.get(1)).startsWith("environment_integration.updated " + disableKept + " ");
            assertThat(t.get(2)).startsWith("environment_integration.updated " + transferKept + " ");
        });
        assertThat(trail(goneInstall)).hasSize(3).satisfies(t -> {
            assertThat(t.get(1)).startsWith("environment_integration.updated " + disableGone + " ");
            assertThat(t.get(2)).startsWith("environment_integration.deleted " + deleteGone + " ");
        });
        assertThat(count("SELECT count(*) FROM configuration_projection WHERE configuration_id = ? AND state = 'ACTIVE' AND version = 3", kept))
                .isEqualTo(1);
    }

    @Test
    void theChangesAnEventMakesAreAuditedAsTheSystemNamingTheEvent() throws Exception {
        String config = configId("audit");
        String install = link(config, null).get("id").asText();

        UUID disabledEvent = publish(disabled(config, 2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(install).get("lifecycle").asText()).isEqualTo("disabled"));
        UUID deletedEvent = publish(deleted(config, 3));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(install)).isNull());

        List<JsonNode> entries = AuditEntries.ofResource(api, Tokens.admin(), install);
        assertThat(AuditEntries.actions(entries)).containsExactly("environment_integration.deleted", "environment_integration.updated",
                "environment_integration.created");
        JsonNode byDisable = entries.get(1);
        assertThat(byDisable.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(byDisable.get("cause").get("event_id").asText()).isEqualTo(disabledEvent.toString());
        assertThat(byDisable.get("cause").get("event_type").asText()).isEqualTo("io.patchbay.configuration.disabled.v1");
        assertThat(byDisable.get("request_id").isNull()).isTrue();
        assertThat(byDisable.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(byDisable.get("changes").get("configuration_disabled").get("to").asBoolean()).isTrue();
        assertThat(byDisable.get("changes").get("disabled_reason").get("to").asText()).isEqualTo("disabled-by-owner");
        JsonNode byDelete = entries.getFirst();
        assertThat(byDelete.get("cause").get("event_id").asText()).isEqualTo(deletedEvent.toString());
        assertThat(byDelete.get("cause").get("event_type").asText()).isEqualTo("io.patchbay.configuration.deleted.v1");
        assertThat(entries.getLast().get("actor").get("id").asText()).as("the install itself was the linker's request").isEqualTo("linker");
    }

    @Test
    void linksAreCheckedWithTheCallersToken() throws Exception {
        String ok = configId("good");
        JsonNode linked = link(ok, null);
        assertThat(linked.get("configuration_id").asText()).isEqualTo(ok);
        assertThat(linked.get("lifecycle").asText()).isEqualTo("active");

        String env = fx.environment(linker, "link-missing").get("id").asText();
        assertProblem(api.post("/environment-integration", linker, "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                + "\",\"configuration_id\":\"" + configId("missing") + "\"}"), 422, "configuration_id");
        String otherEnv = fx.environment(other, "link-other").get("id").asText();
        assertProblem(api.post("/environment-integration", other, "{\"integration_id\":\"" + integration + "\",\"environment_id\":\""
                + otherEnv + "\",\"configuration_id\":\"" + configId("good") + "\"}"), 422, "configuration_id");
        assertThat(db.number("SELECT count(*) FROM environment_integration WHERE environment_id IN (?, ?)", UUID.fromString(env),
                UUID.fromString(otherEnv))).as("nothing written").isZero();

        JsonNode off = link(configId("off"), null);
        assertThat(off.get("lifecycle").asText()).as("linking a disabled configuration starts disabled").isEqualTo("disabled");
        assertThat(off.get("is_enabled").asBoolean()).isFalse();
        assertThat(off.get("disabled_reason").asText()).isEqualTo("disabled-by-owner");
    }

    @Test
    void disabledThenEnabledRestoresThePreviousIsEnabledAndBlocksEnablingMeanwhile() throws Exception {
        String config = configId("dis");
        String on = link(config, null).get("id").asText();
        String off = link(config, "\"is_enabled\":false").get("id").asText();

        publish(disabled(config, 2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(on).get("lifecycle").asText()).isEqualTo("disabled"));
        JsonNode disabledOn = read(on);
        assertThat(disabledOn.get("is_enabled").asBoolean()).isFalse();
        assertThat(disabledOn.get("disabled_reason").asText()).isEqualTo("disabled-by-owner");
        assertThat(read(off).get("lifecycle").asText()).isEqualTo("disabled");
        assertProblem(api.send("PATCH", "/environment-integration/" + on, linker, "{\"is_enabled\":true}"), 409, null);
        assertThat(api.send("PATCH", "/environment-integration/" + on, linker, "{\"show_in_catalog\":false}").status())
                .as("other fields stay editable").isEqualTo(200);

        publish(enabled(config, 3));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(on).get("lifecycle").asText()).isEqualTo("active"));
        assertThat(read(on).get("is_enabled").asBoolean()).isTrue();
        assertThat(read(on).get("disabled_reason").isNull()).isTrue();
        assertThat(read(off).get("is_enabled").asBoolean()).as("restored to the previous value").isFalse();
        assertThat(read(off).get("lifecycle").asText()).isEqualTo("active");

        publish(disabled(config, 4));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(on).get("lifecycle").asText()).isEqualTo("disabled"));
        publish(transferred(config, 5));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(on).get("lifecycle").asText()).isEqualTo("active"));
        assertThat(read(on).get("is_enabled").asBoolean()).isTrue();
        assertThat(read(off).get("is_enabled").asBoolean()).isFalse();
    }

    @Test
    void deletedUninstalls() throws Exception {
        String config = configId("del");
        String id = link(config, null).get("id").asText();
        publish(deleted(config, 2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(id)).isNull());
        assertProblem(api.get("/environment-integration/" + id, linker), 404, null);
    }

    @Test
    void theSameEventTwiceIsAppliedOnceAndAnOlderVersionAfterANewerOneIsIgnored() throws Exception {
        String config = configId("dup");
        String id = link(config, null).get("id").asText();
        long duplicatesBefore = consumer.count(InboxOutcome.DUPLICATE);
        UUID eventId = UUID.randomUUID();
        publish(eventId, disabled(config, 5));
        publish(eventId, disabled(config, 5));
        await().atMost(WAIT).untilAsserted(() -> assertThat(consumer.count(InboxOutcome.DUPLICATE)).isGreaterThan(duplicatesBefore));
        assertThat(api.get("/environment-integration/" + id, linker).header("ETag")).as("changed once").isEqualTo("\"2\"");
        assertThat(count("SELECT count(*) FROM inbox_event WHERE configuration_id = ?", config)).isEqualTo(1);

        UUID stale = publish(enabled(config, 3));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM inbox_event WHERE outcome = 'stale' AND event_id = ?", stale)).isEqualTo(1));
        JsonNode after = read(id);
        assertThat(after.get("lifecycle").asText()).as("the older enable is ignored").isEqualTo("disabled");
        assertThat(after.get("is_enabled").asBoolean()).isFalse();
    }

    @Test
    void anInstallLinkedAfterItsConfigurationWasDisabledStartsDisabled() throws Exception {
        String config = configId("late");
        publish(disabled(config, 7));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM configuration_projection WHERE state = 'DISABLED' AND configuration_id = ?", config))
                        .isEqualTo(1));
        JsonNode late = link(config, null);
        assertThat(late.get("lifecycle").asText()).as("the stand-in config-service says active; the projection knows better")
                .isEqualTo("disabled");
        assertThat(late.get("is_enabled").asBoolean()).isFalse();
        assertThat(late.get("disabled_reason").asText()).isEqualTo("disabled-by-owner");
        assertProblem(api.send("PATCH", "/environment-integration/" + late.get("id").asText(), linker, "{\"is_enabled\":true}"), 409, null);

        publish(enabled(config, 8));
        await().atMost(WAIT).untilAsserted(() -> assertThat(read(late.get("id").asText()).get("is_enabled").asBoolean()).isTrue());

        String gone = configId("gone");
        publish(deleted(gone, 2));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(count("SELECT count(*) FROM configuration_projection WHERE state = 'DELETED' AND configuration_id = ?", gone))
                        .isEqualTo(1));
        String env = fx.environment(linker, "link-deleted").get("id").asText();
        assertProblem(api.post("/environment-integration", linker, "{\"integration_id\":\"" + integration + "\",\"environment_id\":\"" + env
                + "\",\"configuration_id\":\"" + gone + "\"}"), 422, "configuration_id");
    }

    @Test
    void installsLinkedWhileTheDisableIsAppliedAllEndDisabled() throws Exception {
        String config = configId("race");
        List<String> environments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            environments.add(fx.environment(linker, "race-" + i).get("id").asText());
        }
        List<String> ids = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> installs = new ArrayList<>();
            for (int i = 0; i < environments.size(); i++) {
                String env = environments.get(i);
                installs.add(pool.submit(() -> fx.install(linker, integration, env, "\"configuration_id\":\"" + config + "\"")
                        .get("id").asText()));
                if (i == environments.size() / 2) {
                    publish(disabled(config, 2));
                }
            }
            for (Future<String> f : installs) {
                ids.add(f.get());
            }
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(count("SELECT count(*) FROM configuration_projection "
                + "WHERE state = 'DISABLED' AND configuration_id = ?", config)).isEqualTo(1));
        for (String id : ids) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(read(id).get("lifecycle").asText())
                    .as("linked before, during or after the event: disabled either way").isEqualTo("disabled"));
        }
        assertThat(count("SELECT count(*) FROM environment_integration WHERE configuration_id = ? AND is_enabled", config)).isZero();
    }

    @Test
    void anUndecodableRecordLandsInTheDeadLetterTopicAndTheNextRecordIsProcessed() throws Exception {
        String poisonKey = configId("poison");
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(LifecycleTopic.NAME, poisonKey, "{oops".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(LifecycleTopic.CE_SPECVERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        producer.send(poison).get();
        String config = configId("next");
        String id = link(config, null).get("id").asText();
        publish(disabled(config, 2));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(read(id).get("lifecycle").asText()).isEqualTo("disabled");
            assertThat(TopicReader.read(TestInfra.get().kafkaBootstrap(), LifecycleTopic.DEAD_LETTER, r -> poisonKey.equals(r.key())))
                    .singleElement().satisfies(r -> assertThat(r.headers().lastHeader(LifecycleTopic.DLT_ERROR)).isNotNull());
        });
    }
}
