package io.patchbay.kernel.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.patchbay.kernel.auth.TeamMembership;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.kernel.event.ConfigurationDisabled;
import io.patchbay.kernel.event.ConfigurationLifecycleEvent;
import io.patchbay.kernel.event.LifecycleEventType;
import io.patchbay.kernel.event.LifecycleTopic;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.infra.auth.TokenMinter;
import io.patchbay.kernel.infra.deadletter.DeadLetter;
import io.patchbay.kernel.infra.deadletter.DeadLetterStore;
import io.patchbay.kernel.infra.event.LifecycleEventCodec;
import io.patchbay.kernel.infra.outbox.OutboxMessage;
import io.patchbay.kernel.secret.SecretScrubber;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.TestInfra;
import io.patchbay.test.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters kept in the consuming service's database and handled through {@code /admin/dead-letters}, against a real
 * PostgreSQL and Kafka: a record whose application fails (a trigger the test installs refuses it) is dead-lettered into
 * the {@code dead_letter} table and the dead-letter topic, listed with its fields, replayed after the trigger is gone
 * (applied once), replayed again (a duplicate, not applied twice), and discarded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** A secret of the service's settings that the refusal quotes: it must never be kept, returned or published. */
    private static final String CURSOR_SECRET = "cursor-secret-of-the-dead-letter-it";
    private final TestInfra infra = TestInfra.get();
    private final String admin = TokenMinter.dev().mint("operator", List.of(), List.of("admin"), null, Duration.ofMinutes(30));
    private final String owner = TokenMinter.dev().mint("owner", List.of(new TeamMembership("team_a", TeamRole.OWNER)), List.of(),
            null, Duration.ofMinutes(30));
    private String jdbcUrl;
    private EmbeddedServer server;
    private Api api;
    private String groupId;
    private KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void start() throws Exception {
        jdbcUrl = infra.newDatabase("kernel_dead_letters");
        migrate(jdbcUrl);
        groupId = "kernel-dead-letter-it-" + UUID.randomUUID();
        server = start(jdbcUrl, groupId, Map.of());
        api = new Api(server.getURI());
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", infra.kafkaBootstrap(), "acks", "all"), new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close();
        }
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    private void migrate(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, infra.user(), infra.password()); Statement st = c.createStatement()) {
            st.execute(resource("/db/kernel/outbox/V0_1__patchbay_kernel_outbox.sql"));
            st.execute(resource("/db/kernel/inbox/V0_2__patchbay_kernel_inbox.sql"));
            st.execute(resource("/db/kernel/audit/V0_3__patchbay_kernel_audit.sql"));
            st.execute(resource("/db/kernel/dead-letters/V0_4__patchbay_kernel_dead_letters.sql"));
            st.execute("CREATE TABLE applied_event (configuration_id TEXT NOT NULL, version BIGINT NOT NULL, "
                    + "applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), seq BIGSERIAL PRIMARY KEY)");
            st.execute("CREATE TABLE refused (configuration_id TEXT NOT NULL, version BIGINT NOT NULL)");
            // the condition the tests fix: the handler's insert fails while (configuration_id, version) is in "refused"
            st.execute("""
                    CREATE FUNCTION refuse_applied_event() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF EXISTS (SELECT 1 FROM refused r WHERE r.configuration_id = NEW.configuration_id AND r.version = NEW.version) THEN
                        RAISE EXCEPTION 'configuration % is refused (see %)', NEW.configuration_id, 'SECRET';
                      END IF;
                      RETURN NEW;
                    END $$""".replace("SECRET", CURSOR_SECRET));
            st.execute("CREATE TRIGGER refuse_applied_event BEFORE INSERT ON applied_event FOR EACH ROW EXECUTE FUNCTION refuse_applied_event()");
        }
    }

    private EmbeddedServer start(String url, String group, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(infra.micronautProperties(url));
        props.put("micronaut.application.name", "kernel-dead-letter-it");
        props.put("micronaut.server.port", "-1");
        props.put("patchbay.consumer.group-id", group);
        props.put("patchbay.consumer.retries", 2);
        props.put("patchbay.consumer.initial-backoff", "50ms");
        props.put("patchbay.outbox.relay.enabled", "false");
        props.put("patchbay.cursor.secret", CURSOR_SECRET);
        props.put("kernel-it.handler", "true");
        props.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DeadLetterIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ConfigurationLifecycleEvent event(String configurationId, long version) {
        return new ConfigurationDisabled(configurationId, "oac_xzpVzcUOgcB1nrVlirtKhbWV", "slack", "team_a", "team_a", "user1", version,
                1_700_000_000_000L + version, 1_700_000_000_000L + version, "disabled-by-owner");
    }

    private static String configId() {
        return Ids.prefixed("icfg_", 24);
    }

    private RecordMetadata publish(UUID eventId, ConfigurationLifecycleEvent event) throws Exception {
        OutboxMessage m = server.getApplicationContext().getBean(LifecycleEventCodec.class).toOutbox(eventId, event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(m.topic(), m.key(), m.payload());
        m.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record).get();
    }

    private void sql(String statement, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
             PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private long count(String query, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
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

    /** Every dead letter, following the cursors with {@code limit}; checks the newest-first order across pages. */
    private List<JsonNode> all(int limit) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/admin/dead-letters?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.json().get("data").size()).isLessThanOrEqualTo(limit);
            page.json().get("data").forEach(out::add);
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
        } while (cursor != null);
        for (int i = 1; i < out.size(); i++) {
            assertThat(Instant.parse(out.get(i).get("dead_lettered_at").asText()))
                    .isBeforeOrEqualTo(Instant.parse(out.get(i - 1).get("dead_lettered_at").asText()));
        }
        return out;
    }

    private JsonNode deadLetterOf(String subject) {
        return all(1000).stream().filter(d -> subject.equals(d.get("subject").asText(null))).findFirst().orElse(null);
    }

    @Test
    void aPoisonRecordIsListedReplayedOnceAfterTheCauseIsFixedThenReportedAsADuplicateAndDiscarded() throws Exception {
        String poisoned = configId();
        String next = configId();
        sql("INSERT INTO refused VALUES (?, 1)", poisoned);
        UUID eventId = UUID.randomUUID();
        RecordMetadata written = publish(eventId, event(poisoned, 1));
        publish(UUID.randomUUID(), event(next, 1));

        await().atMost(WAIT).until(() -> deadLetterOf(poisoned) != null);
        assertThat(count("SELECT count(*) FROM applied_event WHERE configuration_id = ?", poisoned)).isZero();
        await("the partition moved on").atMost(WAIT).until(() -> count("SELECT count(*) FROM applied_event WHERE configuration_id = ?", next) == 1);

        JsonNode dead = deadLetterOf(poisoned);
        String id = dead.get("id").asText();
        assertThat(dead.get("event_id").asText()).isEqualTo(eventId.toString());
        assertThat(dead.get("event_type").asText()).isEqualTo(LifecycleEventType.DISABLED.ceType());
        assertThat(dead.get("topic").asText()).isEqualTo(LifecycleTopic.NAME);
        assertThat(dead.get("partition").asInt()).isEqualTo(written.partition());
        assertThat(dead.get("offset").asLong()).isEqualTo(written.offset());
        assertThat(dead.get("consumer_group").asText()).isEqualTo(groupId);
        assertThat(dead.get("record_key").asText()).isEqualTo(poisoned);
        assertThat(dead.get("attempts").asInt()).as("the first try and two retries").isEqualTo(3);
        assertThat(dead.get("in_dead_letter_topic").asBoolean()).isTrue();
        assertThat(dead.get("last_replay").isNull()).isTrue();
        assertThat(dead.has("payload")).as("the list leaves the record out").isFalse();
        assertThat(Instant.parse(dead.get("dead_lettered_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(dead.get("error").get("class").asText()).isNotBlank();
        assertThat(dead.get("error").get("message").asText()).contains("configuration " + poisoned + " is refused")
                .contains(SecretScrubber.REDACTED).doesNotContain(CURSOR_SECRET);
        // the copy on the topic carries the same scrubbed error
        assertThat(TopicReader.read(infra.kafkaBootstrap(), LifecycleTopic.DEAD_LETTER, r -> poisoned.equals(r.key()))).singleElement()
                .satisfies(r -> assertThat(new String(r.headers().lastHeader(LifecycleTopic.DLT_ERROR).value(), StandardCharsets.UTF_8))
                        .contains(poisoned).doesNotContain(CURSOR_SECRET));

        Api.Response one = api.get("/admin/dead-letters/" + id, admin);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().get("payload").asText()).contains(poisoned);
        assertThat(one.json().get("headers").get(LifecycleTopic.CE_ID).asText()).isEqualTo(eventId.toString());

        // the cause is still there: the replay fails again, says why, and counts one more attempt
        Api.Response again = api.post("/admin/dead-letters/" + id + "/replay", admin, null);
        assertProblem(again, 409, null);
        assertThat(again.json().get("code").asText()).isEqualTo("replay_failed");
        assertThat(again.json().get("detail").asText()).contains("is refused").doesNotContain(CURSOR_SECRET);
        JsonNode failed = api.get("/admin/dead-letters/" + id, admin).json();
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);
        assertThat(failed.get("last_replay").get("outcome").asText()).isEqualTo("failed");
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).as("nothing of the failed replay stays").isZero();

        sql("DELETE FROM refused WHERE configuration_id = ?", poisoned);
        Api.Response replayed = api.post("/admin/dead-letters/" + id + "/replay", admin, null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asText()).isEqualTo("applied");
        assertThat(replayed.json().get("dead_letter").get("last_replay").get("outcome").asText()).isEqualTo("applied");
        assertThat(count("SELECT count(*) FROM applied_event WHERE configuration_id = ?", poisoned)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = ? AND outcome = 'applied'", eventId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM configuration_projection WHERE configuration_id = ? AND state = 'DISABLED'", poisoned))
                .isEqualTo(1);

        Api.Response twice = api.post("/admin/dead-letters/" + id + "/replay", admin, null);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
        assertThat(twice.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(count("SELECT count(*) FROM applied_event WHERE configuration_id = ?", poisoned)).as("never applied twice").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM inbox_event WHERE event_id = ?", eventId)).isEqualTo(1);

        Api.Response discarded = api.send("DELETE", "/admin/dead-letters/" + id, admin, null);
        assertThat(discarded.status()).as(discarded.toString()).isEqualTo(204);
        assertProblem(api.get("/admin/dead-letters/" + id, admin), 404, null);
        assertProblem(api.send("DELETE", "/admin/dead-letters/" + id, admin, null), 404, null);
        assertProblem(api.post("/admin/dead-letters/" + id + "/replay", admin, null), 404, null);
        assertThat(deadLetterOf(poisoned)).isNull();
        assertThat(count("SELECT count(*) FROM applied_event WHERE configuration_id = ?", poisoned)).as("discarding undoes nothing")
                .isEqualTo(1);

        // the audit trail: the two replays the inbox took and the discard, by the admin; the failed replay left nothing
        List<JsonNode> audit = AuditEntries.ofResource(api, admin, id);
        assertThat(AuditEntries.actions(audit)).containsExactly("dead_letter.discarded", "dead_letter.replayed", "dead_letter.replayed");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.get("actor").get("type").asText()).isEqualTo("admin");
            assertThat(e.get("actor").get("id").asText()).isEqualTo("operator");
            assertThat(e.get("resource").get("type").asText()).isEqualTo("dead_letter");
        });
        assertThat(audit.get(1).get("changes").get("last_replay_outcome").get("to").asText()).isEqualTo("duplicate");
        assertThat(audit.get(2).get("changes").get("last_replay_outcome").get("from").asText()).isEqualTo("failed");
        JsonNode discard = audit.getFirst().get("changes");
        assertThat(discard.get("event_id").get("from").asText()).isEqualTo(eventId.toString());
        assertThat(discard.get("subject").get("from").asText()).isEqualTo(poisoned);
        assertThat(discard.get("subject").get("to").isNull()).isTrue();
        assertThat(AuditEntries.tableText(jdbcUrl)).doesNotContain(CURSOR_SECRET);
    }

    @Test
    void aReplayOfAnEventOlderThanWhatTheServiceKnowsIsReportedStaleAndChangesNothing() throws Exception {
        String config = configId();
        sql("INSERT INTO refused VALUES (?, 1)", config);
        publish(UUID.randomUUID(), event(config, 1));
        await().atMost(WAIT).until(() -> deadLetterOf(config) != null);
        publish(UUID.randomUUID(), event(config, 2));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM applied_event WHERE configuration_id = ?", config) == 1);
        sql("DELETE FROM refused WHERE configuration_id = ?", config);

        Api.Response replayed = api.post("/admin/dead-letters/" + deadLetterOf(config).get("id").asText() + "/replay", admin, null);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("outcome").asText()).isEqualTo("stale");
        assertThat(count("SELECT count(*) FROM applied_event WHERE configuration_id = ? AND version = 1", config)).isZero();
        assertThat(count("SELECT count(*) FROM configuration_projection WHERE configuration_id = ? AND version = 2", config)).isEqualTo(1);
    }

    /**
     * Records that cannot even be decoded, stored as the consumer stores them (they are not put on the shared topic: a
     * consumer group of another test class of this JVM without the table, whose dead-letter topic refuses records, would
     * stop at them; each consumer's DeadLettersIT puts one through its real consumer).
     */
    @Test
    void undecodableRecordsAreKeptWithWhatCouldBeReadAndTheListPagesNewestFirst() {
        DeadLetterStore store = server.getApplicationContext().getBean(DeadLetterStore.class);
        Instant base = Instant.now().plusSeconds(3600);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = configId();
            keys.add(key);
            Map<String, String> headers = new HashMap<>();
            headers.put(LifecycleTopic.CE_SPECVERSION, "1.0");
            headers.put(LifecycleTopic.CE_ID, "not-a-uuid\u0000");
            headers.put("x-empty", null);
            store.record(new DeadLetter.Failure(groupId, LifecycleTopic.NAME, 0, 1_000_000L + i, null, null, "sub\u0000ject", key, headers,
                    ("{oops" + i).getBytes(StandardCharsets.UTF_8), "io.patchbay.kernel.infra.event.InvalidEventException",
                    "header ce_id is not a UUID \ud800", 1), base.plusMillis(i));
        }
        List<JsonNode> paged = all(2);
        Set<String> ids = new HashSet<>();
        paged.forEach(d -> assertThat(ids.add(d.get("id").asText())).as("no dead letter on two pages").isTrue());
        List<String> mine = paged.stream().map(d -> d.get("record_key").asText(null)).filter(keys::contains).toList();
        assertThat(mine).as("newest first").containsExactly(keys.get(2), keys.get(1), keys.get(0));
        JsonNode undecodable = paged.stream().filter(d -> keys.getFirst().equals(d.get("record_key").asText(null))).findFirst().orElseThrow();
        assertThat(undecodable.get("event_id").isNull()).isTrue();
        assertThat(undecodable.get("event_type").isNull()).isTrue();
        assertThat(undecodable.get("subject").asText()).as("NUL cannot be stored").isEqualTo("sub\uFFFDject");
        assertThat(undecodable.get("error").get("message").asText()).isEqualTo("header ce_id is not a UUID ?");
        JsonNode one = api.get("/admin/dead-letters/" + undecodable.get("id").asText(), admin).json();
        assertThat(one.get("headers").get(LifecycleTopic.CE_ID).asText()).isEqualTo("not-a-uuid\uFFFD");
        assertThat(one.get("payload").asText()).isEqualTo("{oops0");

        Api.Response replay = api.post("/admin/dead-letters/" + undecodable.get("id").asText() + "/replay", admin, null);
        assertProblem(replay, 409, null);
        assertThat(replay.json().get("detail").asText()).contains("ce_id");
        assertThat(api.get("/admin/dead-letters/" + undecodable.get("id").asText(), admin).json().get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void onlyAdminsReachTheDeadLettersAndBadInputIsAProblemNamingTheField() {
        String some = UUID.randomUUID().toString();
        for (String[] route : List.of(new String[] {"GET", "/admin/dead-letters"}, new String[] {"GET", "/admin/dead-letters/" + some},
                new String[] {"POST", "/admin/dead-letters/" + some + "/replay"}, new String[] {"DELETE", "/admin/dead-letters/" + some})) {
            assertProblem(api.send(route[0], route[1], null, null), 401, null);
            assertProblem(api.send(route[0], route[1], owner, null), 403, null);
            assertProblem(api.send(route[0], route[1], "garbage", null), 401, null);
        }
        assertProblem(api.get("/admin/dead-letters/" + some, admin), 404, null);
        assertProblem(api.post("/admin/dead-letters/" + some + "/replay", admin, null), 404, null);
        assertProblem(api.send("DELETE", "/admin/dead-letters/" + some, admin, null), 404, null);
        assertProblem(api.get("/admin/dead-letters/not-a-uuid", admin), 400, "id");
        assertProblem(api.post("/admin/dead-letters/1234/replay", admin, null), 400, "id");
        assertProblem(api.send("DELETE", "/admin/dead-letters/%27%20OR%201=1", admin, null), 400, "id");
        assertProblem(api.get("/admin/dead-letters?limit=0", admin), 400, "limit");
        assertProblem(api.get("/admin/dead-letters?limit=1001", admin), 400, "limit");
        assertProblem(api.get("/admin/dead-letters?limit=ten", admin), 400, "limit");
        assertProblem(api.get("/admin/dead-letters?cursor=forged", admin), 400, "cursor");
        assertProblem(api.get("/admin/dead-letters?subject=x", admin), 400, "subject");
        assertThat(api.get("/admin/dead-letters?limit=1000", admin).status()).isEqualTo(200);
    }

    /**
     * When the dead-letter topic refuses the record, the row alone keeps it: the partition moves on and the row says the
     * record is not on the topic (the kernel's OutboxInboxIT shows that with neither, the offset never passes it).
     */
    @Test
    void aDeadLetterTheTopicRefusesIsKeptInTheTableAndThePartitionMovesOn() throws Exception {
        String url = infra.newDatabase("kernel_dead_letters_refused");
        migrate(url);
        String config = configId();
        String next = configId();
        try (Connection c = DriverManager.getConnection(url, infra.user(), infra.password());
             PreparedStatement ps = c.prepareStatement("INSERT INTO refused VALUES (?, 1)")) {
            ps.setString(1, config);
            ps.execute();
        }
        EmbeddedServer refusing = start(url, "kernel-dead-letter-refused-" + UUID.randomUUID(),
                Map.of("kafka.producers.lifecycle-dead-letters.max.request.size", "16"));
        try {
            publish(UUID.randomUUID(), event(config, 1));
            publish(UUID.randomUUID(), event(next, 1));
            try (Connection c = DriverManager.getConnection(url, infra.user(), infra.password())) {
                await().atMost(WAIT).until(() -> number(c, "SELECT count(*) FROM applied_event WHERE configuration_id = '" + next + "'") == 1);
                assertThat(number(c, "SELECT count(*) FROM dead_letter WHERE subject = '" + config + "' AND NOT in_dead_letter_topic"))
                        .isEqualTo(1);
            }
            Api.Response list = new Api(refusing.getURI()).get("/admin/dead-letters", admin);
            assertThat(list.json().get("data").findValuesAsText("subject")).contains(config);
        } finally {
            refusing.getApplicationContext().close();
        }
    }

    private static long number(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
