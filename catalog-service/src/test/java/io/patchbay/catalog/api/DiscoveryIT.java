package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.AuditEntries;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real discovery by the background workers: the postgresql connector against databases on the test PostgreSQL, the
 * kafka connector against the test broker; dropped tables, wrong passwords, unreachable stores, crashed workers, and
 * the 5,000-table refresh.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryIT implements TestPropertyProvider {
    private static final Set<String> FINAL = Set.of("Active", "Warning", "Error");

    @Inject
    EmbeddedServer server;

    private String jdbcUrl;
    private Map<String, String> properties;
    private Api api;
    private final String owner = Tokens.token("olga", "team_disc", TeamRole.OWNER);
    private final String developer = Tokens.token("dev", "team_disc", TeamRole.DEVELOPER);
    private final String member = Tokens.token("mia", "team_disc", TeamRole.MEMBER);
    private final String stranger = Tokens.token("sam", "team_else", TeamRole.OWNER);

    @Override
    public Map<String, String> getProperties() {
        jdbcUrl = TestInfra.get().newDatabase("catalog_disc");
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(jdbcUrl));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.discovery.poll-interval", "100ms");
        props.put("patchbay.discovery.job-timeout", "120s");
        props.put("patchbay.discovery.connect-timeout", "3s");
        props.put("patchbay.discovery.workers", "2");
        properties = Map.copyOf(props);
        return props;
    }

    private Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    private String create(String body) {
        Api.Response r = api().post("/api/admin/v4/integrations", owner, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    private JsonNode awaitSynced(String id, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = api().get("/api/admin/v4/integrations/" + id, owner).json();
            return FINAL.contains(last[0].get("status").asText());
        });
        return last[0];
    }

    private Map<String, JsonNode> resources(String id, String type) {
        String q = type == null ? "" : "&resource-type=" + type;
        Api.Response r = api().get("/api/v3/integrations/" + id + "/resources?limit=1000" + q, owner);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        r.json().get("data").forEach(n -> out.put(n.get("type").asText() + ":" + n.get("name").asText(), n));
        return out;
    }

    @Test
    void postgresqlDiscoveryListsSchemasTablesAndPrivilegesAndMarksDroppedTablesDeleted() throws Exception {
        SourceDatabases.Source src = SourceDatabases.create("pgsrc");
        src.exec("CREATE SCHEMA sales", "CREATE SCHEMA hr", "CREATE TABLE sales.orders (id int)", "CREATE TABLE sales.legacy_orders (id int)",
                "CREATE TABLE hr.people (id int)", "CREATE TABLE public.settings (k text)", "CREATE VIEW sales.v_orders AS SELECT * FROM sales.orders");
        String id = create(src.integration("Source PG", "postgres", "any", ""));
        JsonNode synced = awaitSynced(id, Duration.ofSeconds(60));
        assertThat(synced.get("status").asText()).as(synced.toString()).isEqualTo("Active");
        assertThat(synced.get("last_sync_time").asText()).isNotBlank();
        assertThat(synced.get("details").asText()).contains("discovered 8 resources");
        Map<String, JsonNode> found = resources(id, null);
        assertThat(found.keySet()).containsExactlyInAnyOrder("postgresql-database:" + src.dbname(), "postgresql-schema:public",
                "postgresql-schema:sales", "postgresql-schema:hr", "postgresql-table:sales.orders", "postgresql-table:sales.legacy_orders",
                "postgresql-table:hr.people", "postgresql-table:public.settings");
        assertThat(found.values()).allSatisfy(r -> assertThat(r.get("status").get("status").asText()).isEqualTo("Active"));
        assertThat(resources(id, "postgresql-schema")).hasSize(3);
        assertProblem(api().get("/api/v3/integrations/" + id + "/resources?resource-type=kafka-topic", owner), 400, "resource-type");
        assertProblem(api().get("/api/v3/integrations/" + id + "/resources", stranger), 404, null);

        JsonNode perms = api().get("/api/v3/integrations/" + id + "/permissions?limit=100", owner).json();
        List<String> names = new ArrayList<>();
        perms.get("data").forEach(p -> names.add(p.get("resource_type").asText() + "/" + p.get("name").asText()));
        assertThat(names).contains("postgresql-database/CONNECT", "postgresql-database/TEMPORARY", "postgresql-schema/USAGE",
                "postgresql-table/SELECT", "postgresql-table/TRUNCATE", "postgresql-table/TRIGGER").hasSize(12);
        assertThat(api().get("/api/v3/integrations/" + id + "/permissions?resource-type=postgresql-schema", owner).json().get("data")).hasSize(2);

        // a table dropped at the source is Deleted after a refresh; the rest stay Active
        String legacyId = found.get("postgresql-table:sales.legacy_orders").get("id").asText();
        src.exec("DROP TABLE sales.legacy_orders");
        Instant before = Instant.parse(synced.get("last_sync_time").asText());
        Api.Response refresh = api().post("/api/v2/integrations/" + id + "/refresh", developer, null);
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(200);
        JsonNode again = awaitSynced(id, Duration.ofSeconds(60));
        assertThat(again.get("status").asText()).isEqualTo("Active");
        assertThat(Instant.parse(again.get("last_sync_time").asText())).isAfter(before);
        Map<String, JsonNode> after = resources(id, "postgresql-table");
        JsonNode legacy = after.get("postgresql-table:sales.legacy_orders");
        assertThat(legacy.get("id").asText()).as("same resource id").isEqualTo(legacyId);
        assertThat(legacy.get("status").get("status").asText()).isEqualTo("Deleted");
        assertThat(legacy.get("status").get("message").asText()).contains("no longer found");
        assertThat(after.get("postgresql-table:sales.orders").get("status").get("status").asText()).isEqualTo("Active");

        // user tags on a discovered resource
        String ordersId = after.get("postgresql-table:sales.orders").get("id").asText();
        String tagsUrl = "/api/v3/integrations/resources/" + ordersId + "/user-tags";
        assertThat(api().get(tagsUrl, owner).json().get("tags").size()).isZero();
        Api.Response put = api().send("PUT", tagsUrl, member, "{\"tags\":{\"owner\":\"sales-team\",\"pii\":\"no\"}}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("message").asText()).isNotBlank();
        JsonNode tags = api().get(tagsUrl, developer).json();
        assertThat(tags.get("resource_id").asText()).isEqualTo(ordersId);
        assertThat(tags.get("tags").get("owner").asText()).isEqualTo("sales-team");
        api().send("PUT", tagsUrl, owner, "{\"tags\":{\"env\":\"prod\"}}");
        assertThat(api().get(tagsUrl, owner).json().get("tags").size()).as("PUT replaces").isEqualTo(1);
        assertProblem(api().send("PUT", tagsUrl, developer, "{\"tags\":{\"a\":\"b\"}}"), 403, null);
        assertProblem(api().send("PUT", tagsUrl, stranger, "{\"tags\":{\"a\":\"b\"}}"), 404, null);
        StringBuilder many = new StringBuilder("{\"tags\":{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        assertProblem(api().send("PUT", tagsUrl, owner, many.append("}}").toString()), 400, "tags");
        assertProblem(api().send("PUT", tagsUrl, owner, "{\"tags\":{\"" + "k".repeat(129) + "\":\"v\"}}"), 400, "tags");
        assertProblem(api().send("PUT", tagsUrl, owner, "{\"tags\":{\"k\":\"" + "v".repeat(257) + "\"}}"), 400, "tags.k");
        assertProblem(api().send("PUT", tagsUrl, owner, "{\"tags\":{\"k\":1}}"), 400, "tags.k");
        assertProblem(api().send("PUT", tagsUrl, owner, "{\"labels\":{}}"), 400, "labels");
        // the audit trail: each discovery the workers applied is one system entry caused by "discovery"; each tag change one
        // entry by its caller; the refused tag changes none
        List<JsonNode> integrationEntries = AuditEntries.ofResource(api(), Tokens.token("root", List.of(), true), id);
        assertThat(AuditEntries.actions(integrationEntries)).containsExactly("integration.discovered", "integration.refreshed",
                "integration.discovered", "integration.created");
        JsonNode discovered = integrationEntries.getFirst();
        assertThat(discovered.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(discovered.get("cause").get("trigger").asText()).isEqualTo("discovery");
        assertThat(discovered.get("request_id").isNull()).isTrue();
        assertThat(discovered.get("changes").has("last_sync_time")).isTrue();
        List<JsonNode> tagEntries = AuditEntries.ofResource(api(), Tokens.token("root", List.of(), true), ordersId);
        assertThat(AuditEntries.actions(tagEntries)).containsExactly("resource.tags_replaced", "resource.tags_replaced");
        assertThat(tagEntries.getFirst().get("changes").get("tags.env").get("to").asText()).isEqualTo("prod");
        assertThat(tagEntries.getFirst().get("changes").get("tags.owner").get("from").asText()).isEqualTo("sales-team");
        assertThat(tagEntries.getLast().get("actor").get("type").asText()).isEqualTo("user");
        assertProblem(api().get("/api/v3/integrations/resources/res_" + "0".repeat(24) + "/user-tags", owner), 404, null);
        assertProblem(api().get("/api/v3/integrations/resources/nope/user-tags", owner), 400, "resource_id");

        // connected_resource_types: only tables are read; schemas and the database are swept to Deleted
        Api.Response narrowed = api().send("PUT", "/api/admin/v4/integrations/" + id, owner,
                src.integration("Source PG", "postgres", "any", ",\"connected_resource_types\":[\"postgresql-table\"]"));
        assertThat(narrowed.json().get("status").asText()).isEqualTo("Refreshing");
        awaitSynced(id, Duration.ofSeconds(60));
        assertThat(resources(id, "postgresql-schema").values()).allSatisfy(r -> assertThat(r.get("status").get("status").asText())
                .isEqualTo("Deleted"));
        assertThat(api().get("/api/v3/integrations/" + id + "/permissions", owner).json().get("data")).hasSize(7);

        // deleting the integration takes its resources, permissions and tags along
        assertThat(api().send("DELETE", "/api/admin/v4/integrations/" + id, owner, null).status()).isEqualTo(204);
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM resource WHERE integration_id = '" + id + "') + "
                     + "(SELECT count(*) FROM permission WHERE integration_id = '" + id + "') + (SELECT count(*) FROM resource_tag)")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void aWrongPasswordOrUsernameEndsInErrorWithDetailsThatRepeatNeither() throws Exception {
        SourceDatabases.Source src = SourceDatabases.create("pgpw");
        SourceDatabases.passwordRole(src, "catalog_probe", "right-password");
        String wrongBody = src.integration("Wrong password", "catalog_probe", "not-the-password", "");
        String wrong = create(wrongBody);
        JsonNode failed = awaitSynced(wrong, Duration.ofSeconds(60));
        assertThat(failed.get("status").asText()).isEqualTo("Error");
        assertThat(failed.get("details").asText()).contains("could not connect to PostgreSQL at " + src.host() + ":" + src.port())
                .contains("password authentication failed").contains("[redacted]");
        assertThat(failed.get("last_sync_time").isNull()).as("no successful sync").isTrue();
        assertNoCredentialAnywhere(wrong, wrongBody, "catalog_probe", "not-the-password");

        String unknownBody = src.integration("Wrong username", "catalog_nobody", "some-password", "");
        String unknown = create(unknownBody);
        JsonNode unknownFailed = awaitSynced(unknown, Duration.ofSeconds(60));
        assertThat(unknownFailed.get("status").asText()).isEqualTo("Error");
        assertThat(unknownFailed.get("details").asText()).contains("could not connect to PostgreSQL at " + src.host() + ":" + src.port());
        assertNoCredentialAnywhere(unknown, unknownBody, "catalog_nobody", "some-password");

        String right = create(src.integration("Right password", "catalog_probe", "right-password", ""));
        assertThat(awaitSynced(right, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("Active");
        // after an Error a refresh is allowed again
        assertThat(api().post("/api/v2/integrations/" + wrong + "/refresh", owner, null).status()).isEqualTo(200);
        assertThat(awaitSynced(wrong, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("Error");
        assertNoCredentialAnywhere(wrong, wrongBody, "catalog_probe", "not-the-password");
    }

    /** Neither secret parameter appears in any API answer about the integration, nor in its stored details (any case). */
    private void assertNoCredentialAnywhere(String id, String body, String... secrets) throws Exception {
        List<String> answers = new ArrayList<>();
        answers.add(api().get("/api/admin/v4/integrations/" + id, owner).raw().body());
        answers.add(api().get("/api/v2/integrations/" + id, owner).raw().body());
        answers.add(api().get("/api/admin/v4/integrations", owner).raw().body());
        answers.add(api().get("/api/v2/integrations", owner).raw().body());
        Api.Response put = api().send("PUT", "/api/admin/v4/integrations/" + id, owner, body);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        answers.add(put.raw().body());
        Api.Response putV2 = api().send("PUT", "/api/v2/integrations/" + id, owner, "{}");
        answers.add(putV2.raw().body());
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var ps = c.prepareStatement("SELECT coalesce(details, '') FROM integration WHERE id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                answers.add(rs.getString(1));
            }
        }
        for (String answer : answers) {
            for (String secret : secrets) {
                assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as("an answer about %s", id).doesNotContain(secret.toLowerCase(java.util.Locale.ROOT));
            }
        }
        awaitSynced(id, Duration.ofSeconds(60));
    }

    @Test
    void unreachableSecretStoresAndHostsEndInErrorClearly() {
        String aws = create("{\"name\":\"In AWS\",\"type\":\"postgresql\",\"integration_config\":{\"hostname\":\"127.0.0.1\"},"
                + "\"secret_store_config\":{\"aws\":{\"region\":\"eu-west-1\",\"secret_id\":\"prod/db\"}}}");
        JsonNode awsSynced = awaitSynced(aws, Duration.ofSeconds(30));
        assertThat(awsSynced.get("status").asText()).isEqualTo("Error");
        assertThat(awsSynced.get("details").asText()).contains("aws (region=eu-west-1, secret_id=prod/db)").contains("cannot reach");
        String vault = create("{\"name\":\"In Vault\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"127.0.0.1:1\"},"
                + "\"secret_store_config\":{\"hashicorp_vault\":{\"secret_engine\":\"kv\",\"path\":\"kafka\"}}}");
        assertThat(awaitSynced(vault, Duration.ofSeconds(30)).get("details").asText()).contains("hashicorp_vault");
        String closed = create("{\"name\":\"Closed port\",\"type\":\"postgresql\",\"integration_config\":{\"hostname\":\"127.0.0.1\",\"port\":\"1\","
                + "\"sslmode\":\"disable\"},\"secret_store_config\":{\"apono\":{\"parameters\":{\"username\":\"u\",\"password\":\"p\"}}}}");
        JsonNode closedSynced = awaitSynced(closed, Duration.ofSeconds(30));
        assertThat(closedSynced.get("status").asText()).isEqualTo("Error");
        assertThat(closedSynced.get("details").asText()).contains("could not connect to PostgreSQL at 127.0.0.1:1");
        String deadKafka = create("{\"name\":\"Dead Kafka\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"127.0.0.1:1\"}}");
        JsonNode kafkaSynced = awaitSynced(deadKafka, Duration.ofSeconds(60));
        assertThat(kafkaSynced.get("status").asText()).isEqualTo("Error");
        assertThat(kafkaSynced.get("details").asText()).contains("could not reach Kafka at 127.0.0.1:1");
    }

    @Test
    void kafkaDiscoveryListsTopicsAndConsumerGroups() throws Exception {
        String bootstrap = TestInfra.get().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic("disc.orders.v1", 1, (short) 1), new NewTopic("disc.payments.v1", 1, (short) 1))).all().get();
            admin.alterConsumerGroupOffsets("disc-billing-app", Map.of(new TopicPartition("disc.orders.v1", 0), new OffsetAndMetadata(0))).all().get();
        }
        String id = create("{\"name\":\"Test Kafka\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"" + bootstrap + "\"}}");
        JsonNode synced = awaitSynced(id, Duration.ofSeconds(60));
        assertThat(synced.get("status").asText()).as(synced.toString()).isEqualTo("Active");
        Map<String, JsonNode> found = resources(id, null);
        assertThat(found).containsKeys("kafka-topic:disc.orders.v1", "kafka-topic:disc.payments.v1", "kafka-consumer-group:disc-billing-app");
        assertThat(found.keySet()).noneMatch(k -> k.startsWith("kafka-topic:__"));
        JsonNode perms = api().get("/api/v3/integrations/" + id + "/permissions", owner).json();
        assertThat(perms.get("data")).hasSize(8);
        assertThat(api().get("/api/v3/integrations/" + id + "/permissions?resource-type=kafka-consumer-group", owner).json().get("data"))
                .hasSize(3);
        // only topics
        Api.Response topicsOnly = api().send("PUT", "/api/admin/v4/integrations/" + id, owner, "{\"name\":\"Test Kafka\",\"integration_config\":"
                + "{\"bootstrap_servers\":\"" + bootstrap + "\"},\"connected_resource_types\":[\"kafka-topic\"]}");
        assertThat(topicsOnly.status()).isEqualTo(200);
        awaitSynced(id, Duration.ofSeconds(60));
        assertThat(resources(id, "kafka-consumer-group").get("kafka-consumer-group:disc-billing-app").get("status").get("status").asText())
                .isEqualTo("Deleted");
    }

    @Test
    void aJobLeftByACrashedWorkerIsPickedUpAgainAndOneThatKeepsFailingIsAbandoned() throws Exception {
        SourceDatabases.Source src = SourceDatabases.create("pgcrash");
        String id = create(src.integration("Crash PG", "postgres", "any", ""));
        awaitSynced(id, Duration.ofSeconds(60));
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password()); var s = c.createStatement()) {
            // a worker claimed a refresh, then died: its lease ran out a minute ago
            s.execute("UPDATE integration SET status = 'Refreshing' WHERE id = '" + id + "'");
            s.execute("INSERT INTO discovery_job (integration_id, revision, state, attempts, lease_owner, lease_until, created_at, started_at) "
                    + "SELECT id, revision, 'running', 1, 'dead-worker', now() - interval '1 minute', now(), now() - interval '2 minutes' "
                    + "FROM integration WHERE id = '" + id + "'");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jobState(id, "dead-worker") == null);
        assertThat(awaitSynced(id, Duration.ofSeconds(30)).get("status").asText()).isEqualTo("Active");
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT state, attempts, lease_owner FROM discovery_job WHERE integration_id = '" + id
                     + "' ORDER BY id DESC LIMIT 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("done");
            assertThat(rs.getInt(2)).isEqualTo(2);
            assertThat(rs.getString(3)).startsWith("discovery-");
        }
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password()); var s = c.createStatement()) {
            s.execute("UPDATE integration SET status = 'Refreshing' WHERE id = '" + id + "'");
            s.execute("INSERT INTO discovery_job (integration_id, revision, state, attempts, lease_owner, lease_until, created_at) "
                    + "SELECT id, revision, 'running', 3, 'dead-again', now() - interval '1 second', now() FROM integration WHERE id = '" + id + "'");
        }
        JsonNode abandoned = awaitSynced(id, Duration.ofSeconds(30));
        assertThat(abandoned.get("status").asText()).isEqualTo("Error");
        assertThat(abandoned.get("details").asText()).contains("did not complete in 3 attempts");
    }

    private String jobState(String integrationId, String owner) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT state FROM discovery_job WHERE integration_id = '" + integrationId
                     + "' AND lease_owner = '" + owner + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aRefreshOfFiveThousandTablesCompletes() throws Exception {
        SourceDatabases.Source src = SourceDatabases.create("pgbig");
        long t0 = System.nanoTime();
        src.exec("DO $$ BEGIN FOR i IN 1..5000 LOOP EXECUTE format('CREATE TABLE public.t_%s (id int)', i); END LOOP; END $$");
        long setupMillis = (System.nanoTime() - t0) / 1_000_000;
        long started = System.nanoTime();
        String id = create(src.integration("Big PG", "postgres", "any", ""));
        JsonNode first = awaitSynced(id, Duration.ofSeconds(180));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("Active");
        JsonNode page = api().get("/api/v3/integrations/" + id + "/resources?resource-type=postgresql-table&limit=1", owner).json();
        assertThat(page.get("pagination").get("total").asInt()).isEqualTo(5000);
        src.exec("DROP TABLE public.t_4999", "DROP TABLE public.t_5000");
        started = System.nanoTime();
        assertThat(api().post("/api/v2/integrations/" + id + "/refresh", owner, null).status()).isEqualTo(200);
        JsonNode second = awaitSynced(id, Duration.ofSeconds(180));
        long refreshMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(second.get("status").asText()).isEqualTo("Active");
        JsonNode deleted = api().get("/api/v3/integrations/" + id + "/resources?resource-type=postgresql-table&limit=1000&offset=0", owner).json();
        assertThat(deleted.get("pagination").get("total").asInt()).isEqualTo(5000);
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT count(*) FILTER (WHERE status = 'Deleted'), count(*) FROM resource WHERE integration_id = '"
                     + id + "' AND type = 'postgresql-table'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(5000);
        }
        System.out.printf("BENCHMARK catalog-discovery-5000-tables setupMillis=%d firstSyncMillis=%d refreshMillis=%d%n", setupMillis, firstMillis,
                refreshMillis);
    }

    @Test
    void twoInstancesShareTheJobTableAndRunEveryJobOnce() throws Exception {
        Map<String, Object> second = new HashMap<>(properties);
        second.put("micronaut.server.port", "-1");
        try (EmbeddedServer other = io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, second)) {
            assertThat(other.isRunning()).isTrue();
            String bootstrap = TestInfra.get().kafkaBootstrap();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                // half through each instance's API: both write to the one job table
                Api via = i % 2 == 0 ? api() : new Api(other.getURI());
                Api.Response r = via.post("/api/admin/v4/integrations", owner, "{\"name\":\"Shared " + i + "\",\"type\":\"kafka\","
                        + "\"integration_config\":{\"bootstrap_servers\":\"" + bootstrap + "\"},\"connected_resource_types\":[\"kafka-topic\"]}");
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                ids.add(r.json().get("id").asText());
            }
            for (String id : ids) {
                assertThat(awaitSynced(id, Duration.ofSeconds(120)).get("status").asText()).isEqualTo("Active");
            }
            String in = "'" + String.join("','", ids) + "'";
            try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
                 var rs = c.createStatement().executeQuery("SELECT count(*), count(*) FILTER (WHERE state = 'done' AND attempts = 1), "
                         + "count(DISTINCT split_part(lease_owner, '-', 2)) FROM discovery_job WHERE integration_id IN (" + in + ")")) {
                rs.next();
                assertThat(rs.getLong(1)).as("one job per integration").isEqualTo(24);
                assertThat(rs.getLong(2)).as("every job claimed once and done: no two workers ran the same job").isEqualTo(24);
                System.out.printf("BENCHMARK catalog-discovery-two-instances jobs=24 instancesThatWorked=%d%n", rs.getLong(3));
            }
        }
    }
}
