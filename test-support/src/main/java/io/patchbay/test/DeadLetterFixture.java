package io.patchbay.test;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the consuming services' dead-letter tests share: a condition a test can switch on and off that makes the
 * application of a lifecycle event fail inside the service (a trigger on one of its tables refusing changes to the rows
 * of the configurations the test names), and the {@code /admin/dead-letters} calls with their checks.
 * <pre>{@code
 * DeadLetterFixture refusal = DeadLetterFixture.refusingChangesTo(jdbcUrl, "environment_integration");
 * refusal.refuse(configurationId);       // the next event for it fails in the service's own transaction
 * ... await DeadLetterFixture.find(api, admin, configurationId) ...
 * refusal.allow(configurationId);        // the cause is fixed: a replay applies it
 * }</pre>
 */
public final class DeadLetterFixture {
    /**
     * How the checks call the service: test-support's {@link Api} ({@link #client(Api)}) or a service's own wrapper of it
     * (oauth-service records every answer for its secret leak scan).
     */
    @FunctionalInterface
    public interface Client {
        Api.Response send(String method, String path, String token);
    }

    public static Client client(Api api) {
        return (method, path, token) -> api.send(method, path, token, null);
    }

    /**
     * Lifecycle records sent to the test Kafka the way config-service's relay sends them (acks=all, each send awaited), so a
     * consuming service's dead-letter test can publish an event, or a record no codec can read.
     */
    public static final class Events implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());

        /** Sends one record with {@code headers} (UTF-8 values) and waits until Kafka has it. */
        public void send(String topic, String key, byte[] payload, Map<String, String> headers) throws Exception {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    public static Events events() {
        return new Events();
    }

    /** A free local port: the service's own, so its config-service stand-in can be served by the same embedded server. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True once every Kafka listener of the service has its partitions. A test that counts a dead letter's attempts
     * waits for it before publishing: a record that arrives in the very poll that assigns its partition is read once more
     * when its batch fails (micronaut-kafka 5.9 cannot resolve the error strategy there; LifecycleConsumer), which
     * would count one attempt more.
     */
    public static boolean partitionsAssigned(ConsumerRegistry consumers) {
        Set<String> ids = consumers.getConsumerIds();
        return !ids.isEmpty() && ids.stream().noneMatch(id -> consumers.getConsumerAssignment(id).isEmpty());
    }

    /** The text the refusal fails with (in the dead letter's error). */
    public static final String REFUSAL = "refused by the dead-letter test";
    private final String jdbcUrl;

    private DeadLetterFixture(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Installs the refusal on {@code table} (which has a {@code configuration_id} column): nothing is refused yet. */
    public static DeadLetterFixture refusingChangesTo(String jdbcUrl, String table) {
        DeadLetterFixture fixture = new DeadLetterFixture(jdbcUrl);
        fixture.execute("CREATE TABLE IF NOT EXISTS test_refused_configuration (configuration_id TEXT PRIMARY KEY)");
        fixture.execute("""
                CREATE OR REPLACE FUNCTION test_refuse_configuration() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM test_refused_configuration r WHERE r.configuration_id = OLD.configuration_id) THEN
                    RAISE EXCEPTION 'configuration % %', OLD.configuration_id, '%s';
                  END IF;
                  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                END $$""".replace("'%s'", "'" + REFUSAL + "'"));
        fixture.execute("CREATE OR REPLACE TRIGGER test_refuse_configuration BEFORE UPDATE OR DELETE ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION test_refuse_configuration()");
        return fixture;
    }

    /** From now on, changing a row of {@code configurationId} fails. */
    public void refuse(String configurationId) {
        execute("INSERT INTO test_refused_configuration VALUES (?) ON CONFLICT DO NOTHING", configurationId);
    }

    /** The cause is fixed. */
    public void allow(String configurationId) {
        execute("DELETE FROM test_refused_configuration WHERE configuration_id = ?", configurationId);
    }

    /** The dead letter of the event about {@code subject} (a configuration id), following every page; empty while there is none. */
    public static Optional<JsonNode> find(Client api, String adminToken, String subject) {
        String cursor = null;
        do {
            Api.Response page = api.send("GET", "/admin/dead-letters?limit=1000"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), adminToken);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            for (JsonNode d : page.json().get("data")) {
                if (subject.equals(d.get("subject").asText(null))) {
                    return Optional.of(d);
                }
            }
            JsonNode next = page.json().get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return Optional.empty();
    }

    /**
     * The dead letter of {@code subject} once it is complete: the row is written before the record is sent to the
     * dead-letter topic and marked as being there after, so a reader may see it in between.
     */
    public static Optional<JsonNode> findOnTopic(Client api, String adminToken, String subject) {
        return find(api, adminToken, subject).filter(d -> d.get("in_dead_letter_topic").asBoolean());
    }

    /** Checks what a dead letter of a handler failure records. */
    public static void assertRecorded(JsonNode deadLetter, UUID eventId, String eventType, String subject, int attempts) {
        assertThat(deadLetter.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(deadLetter.get("event_id").asText()).isEqualTo(eventId.toString());
        assertThat(deadLetter.get("event_type").asText()).isEqualTo(eventType);
        assertThat(deadLetter.get("subject").asText()).isEqualTo(subject);
        assertThat(deadLetter.get("record_key").asText()).isEqualTo(subject);
        assertThat(deadLetter.get("topic").asText()).isEqualTo("patchbay.integration-configuration.lifecycle.v1");
        assertThat(deadLetter.get("partition").asInt()).isNotNegative();
        assertThat(deadLetter.get("offset").asLong()).isNotNegative();
        assertThat(deadLetter.get("consumer_group").asText()).isNotBlank();
        assertThat(deadLetter.get("attempts").asInt()).isEqualTo(attempts);
        assertThat(deadLetter.get("error").get("class").asText()).isNotBlank();
        assertThat(deadLetter.get("error").get("message").asText()).contains(REFUSAL).contains(subject);
        assertThat(deadLetter.get("dead_lettered_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(deadLetter.get("in_dead_letter_topic").asBoolean()).isTrue();
        assertThat(deadLetter.get("last_replay").isNull()).isTrue();
    }

    /** {@code POST /admin/dead-letters/{id}/replay} answered 200 with {@code outcome}. */
    public static JsonNode assertReplayed(Client api, String adminToken, String id, String outcome) {
        Api.Response r = api.send("POST", "/admin/dead-letters/" + id + "/replay", adminToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("outcome").asText()).as(r.toString()).isEqualTo(outcome);
        assertThat(r.json().get("dead_letter").get("last_replay").get("outcome").asText()).isEqualTo(outcome);
        return r.json();
    }

    /** Every route answers 401 without a token and 403 to {@code tenantToken} (a valid token without the admin role). */
    public static void assertAdminOnly(Client api, String tenantToken, String id) {
        for (List<String> route : List.of(List.of("GET", "/admin/dead-letters"), List.of("GET", "/admin/dead-letters/" + id),
                List.of("POST", "/admin/dead-letters/" + id + "/replay"), List.of("DELETE", "/admin/dead-letters/" + id))) {
            assertProblem(api.send(route.get(0), route.get(1), null), 401, null);
            assertProblem(api.send(route.get(0), route.get(1), tenantToken), 403, null);
        }
        assertThat(api.send("GET", "/admin/dead-letters/" + id, tenantToken).raw().body()).doesNotContain(id);
    }

    /** Discards the dead letter: 204, then 404 for it and no longer in the list. */
    public static void assertDiscarded(Client api, String adminToken, String id, String subject) {
        Api.Response r = api.send("DELETE", "/admin/dead-letters/" + id, adminToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertProblem(api.send("GET", "/admin/dead-letters/" + id, adminToken), 404, null);
        assertProblem(api.send("DELETE", "/admin/dead-letters/" + id, adminToken), 404, null);
        assertThat(find(api, adminToken, subject)).isEmpty();
    }

    /**
     * The audit trail of the dead letter, newest first ({@code GET /audit/events?resource_id=}): what the admin did to it,
     * with the admin as actor. Returns the actions.
     */
    public static List<String> assertAuditedByAdmin(Client api, String adminToken, String id, String adminId) {
        Api.Response r = api.send("GET", "/audit/events?limit=1000&resource_id=" + id, adminToken);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode entry : r.json().get("data")) {
            actions.add(entry.get("action").asText());
            assertThat(entry.get("resource").get("type").asText()).isEqualTo("dead_letter");
            assertThat(entry.get("actor").get("type").asText()).as(entry.toString()).isEqualTo("admin");
            assertThat(entry.get("actor").get("id").asText()).isEqualTo(adminId);
        }
        return actions;
    }

    private void execute(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password())) {
            if (params.length == 0) {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.execute();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
