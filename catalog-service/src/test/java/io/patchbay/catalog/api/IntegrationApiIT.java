package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.patchbay.test.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The v4/v2 integrations API over HTTP: shapes, rules, masking, filters, paging, roles, tenancy, bad input. Discovery
 * workers are off here so statuses stay where the API put them (DiscoveryIT runs them).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationApiIT implements TestPropertyProvider {
    static final String PG_SECRET = "{\"apono\":{\"parameters\":{\"username\":\"reader\",\"password\":\"s3cr3t-value\"}}}";

    @Inject
    EmbeddedServer server;

    private String jdbcUrl;
    private Api api;
    private final String owner = Tokens.token("alice", "team_api", TeamRole.OWNER);
    private final String viewer = Tokens.token("victor", "team_api", TeamRole.VIEWER);
    private final String developer = Tokens.token("dora", "team_api", TeamRole.DEVELOPER);
    private final String stranger = Tokens.token("sam", "team_other", TeamRole.OWNER);

    @Override
    public Map<String, String> getProperties() {
        jdbcUrl = TestInfra.get().newDatabase("catalog_api");
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(jdbcUrl));
        props.put("patchbay.discovery.enabled", "false");
        props.put("patchbay.consumer.enabled", "false");
        return props;
    }

    private Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    static String pg(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"postgresql\",\"integration_config\":{\"hostname\":\"127.0.0.1\",\"port\":\"5432\","
                + "\"dbname\":\"app\"},\"secret_store_config\":" + PG_SECRET + "}";
    }

    static String kafka(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"127.0.0.1:9092\"}}";
    }

    private JsonNode create(String body) {
        Api.Response r = api().post("/api/admin/v4/integrations", owner, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void createReturnsIntegrationV4WithMaskedSecretsEncryptedAtRest() throws Exception {
        JsonNode created = create(pg("Orders DB"));
        assertThat(created.get("id").asText()).matches("int_[0-9A-Za-z]{24}");
        assertThat(created.get("type").asText()).isEqualTo("postgresql");
        assertThat(created.get("category").asText()).isEqualTo("RESOURCES");
        assertThat(created.get("status").asText()).isEqualTo("Initializing");
        assertThat(created.get("connector_id").asText()).isEqualTo("patchbay-builtin");
        assertThat(created.get("last_sync_time").isNull()).isTrue();
        assertThat(created.get("integration_config").get("sslmode").asText()).as("defaults filled in").isEqualTo("prefer");
        assertThat(created.get("secret_store_config").get("apono").get("parameters").get("password").asText()).isEqualTo("********");
        assertThat(created.toString()).doesNotContain("s3cr3t-value").doesNotContain("reader");
        assertThat(created.get("connected_resource_types")).hasSize(3);
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT secret_store::text, created_by FROM integration WHERE id = '"
                     + created.get("id").asText() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain("s3cr3t-value").contains("v1:k1:");
            assertThat(rs.getString(2)).isEqualTo("alice");
        }
        JsonNode read = api().get("/api/admin/v4/integrations/" + created.get("id").asText(), viewer).json();
        assertThat(read).isEqualTo(created);
        // a job is queued for the workers, not run in the request
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT state FROM discovery_job WHERE integration_id = '" + created.get("id").asText() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("queued");
        }
    }

    @Test
    void namesAreUniquePerTeamCaseInsensitively() {
        create(kafka("Unique Name"));
        Api.Response dup = api().post("/api/admin/v4/integrations", developer, kafka("unique NAME"));
        assertProblem(dup, 409, null);
        Api.Response otherTeam = api().post("/api/admin/v4/integrations", stranger, kafka("Unique Name"));
        assertThat(otherTeam.status()).as("another tenant may use the name").isEqualTo(200);
    }

    @Test
    void concurrentCreatesOfOneNameGiveOne200AndOnly409s() throws Exception {
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                String name = i % 2 == 0 ? "Race Name" : "race name";
                answers.add(pool.submit(() -> {
                    go.await();
                    return api().post("/api/admin/v4/integrations", owner, kafka(name)).status();
                }));
            }
            go.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (var a : answers) {
            statuses.add(a.get());
        }
        assertThat(statuses).as(statuses.toString()).containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheField() {
        String url = "/api/admin/v4/integrations";
        assertProblem(api().post(url, owner, "{not json"), 400, null);
        assertProblem(api().post(url, owner, "[]"), 400, "body");
        assertProblem(api().post(url, owner, kafka("bad/name")), 400, "name");
        assertProblem(api().post(url, owner, kafka("x".repeat(101))), 400, "name");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\"}"), 400, "integration_config");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"oracle\",\"integration_config\":{}}"), 400, "type");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"integration_config\":{}}"), 400,
                "integration_config.bootstrap_servers");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"h:1\","
                + "\"colour\":\"red\"}}"), 400, "integration_config.colour");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":9092}}"), 400,
                "integration_config.bootstrap_servers");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"h:1\","
                + "\"security_protocol\":\"CARRIER_PIGEON\"}}"), 400, "integration_config.security_protocol");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"colour\":1,\"integration_config\":{}}"), 400, "colour");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"h:1\"},"
                + "\"connected_resource_types\":[\"kafka-topic\",\"postgresql-table\"]}"), 400, "connected_resource_types");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"h:1\"},"
                + "\"connector_id\":\"nope\"}"), 400, "connector_id");
        assertProblem(api().post(url, owner, "{\"name\":\"a\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"h:1\"},"
                + "\"owner\":{\"attribute_type\":\"user\"}}"), 400, "owner.attribute_value");
        // custom_access_details: 400 characters pass, 401 do not
        String ok = "{\"name\":\"cad ok\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\"h:1\"},\"custom_access_details\":\""
                + "c".repeat(400) + "\"}";
        assertThat(api().post(url, owner, ok).status()).isEqualTo(200);
        assertProblem(api().post(url, owner, ok.replace("cad ok", "cad long").replace("c".repeat(400), "c".repeat(401))), 400,
                "custom_access_details");
        // postgresql needs a secret store, with username and password
        assertProblem(api().post(url, owner, pg("no secret").replace(",\"secret_store_config\":" + PG_SECRET, "")), 400, "secret_store_config");
        assertProblem(api().post(url, owner, pg("half secret").replace(",\"password\":\"s3cr3t-value\"", "")), 400,
                "secret_store_config.apono.parameters.password");
        assertProblem(api().post(url, owner, pg("wrong port").replace("\"5432\"", "\"fivefour\"")), 400, "integration_config.port");
        // connection strings are built from these values: no driver options can be smuggled in
        assertProblem(api().post(url, owner, pg("evil host").replace("\"127.0.0.1\"", "\"h/x?socketFactory=java.io.File\"")), 400,
                "integration_config.hostname");
        assertProblem(api().post(url, owner, pg("evil db").replace("\"app\"", "\"app?sslfactory=java.io.File\"")), 400,
                "integration_config.dbname");
        assertProblem(api().post(url, owner, kafka("evil kafka").replace("127.0.0.1:9092", "not a server")), 400,
                "integration_config.bootstrap_servers");
        assertThat(api().post(url, owner, kafka("two brokers").replace("127.0.0.1:9092", "kafka-1.internal:9092, [::1]:9093")).status())
                .isEqualTo(200);
    }

    @Test
    void secretStoreConfigMustHaveExactlyOneStore() {
        String url = "/api/admin/v4/integrations";
        String base = "{\"name\":\"%s\",\"type\":\"postgresql\",\"integration_config\":{\"hostname\":\"h\"},\"secret_store_config\":%s}";
        assertProblem(api().post(url, owner, base.formatted("two", "{\"aws\":{\"region\":\"eu-west-1\",\"secret_id\":\"s\"},"
                + "\"gcp\":{\"project\":\"p\",\"secret_id\":\"s\"}}")), 400, "secret_store_config");
        assertProblem(api().post(url, owner, base.formatted("none", "{}")), 400, "secret_store_config");
        assertProblem(api().post(url, owner, base.formatted("nulls", "{\"aws\":null,\"gcp\":null}")), 400, "secret_store_config");
        assertProblem(api().post(url, owner, base.formatted("unknown", "{\"vaultwarden\":{}}")), 400, "secret_store_config.vaultwarden");
        assertProblem(api().post(url, owner, base.formatted("partial", "{\"aws\":{\"region\":\"eu-west-1\"}}")), 400,
                "secret_store_config.aws.secret_id");
        Api.Response one = api().post(url, owner, base.formatted("aws ref", "{\"aws\":{\"region\":\"eu-west-1\",\"secret_id\":\"db/creds\"},"
                + "\"gcp\":null}"));
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().get("secret_store_config").get("aws").get("secret_id").asText()).isEqualTo("db/creds");
        int n = 0;
        for (String store : List.of("{\"gcp\":{\"project\":\"p\",\"secret_id\":\"s\"}}", "{\"kubernetes\":{\"namespace\":\"n\",\"name\":\"s\"}}",
                "{\"azure\":{\"vault_url\":\"https://v\",\"name\":\"s\"}}", "{\"hashicorp_vault\":{\"secret_engine\":\"kv\",\"path\":\"db\"}}")) {
            Api.Response r = api().post(url, owner, base.formatted("store " + n++, store));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }

    @Test
    void putReplacesTheWritableFieldsTypeIsImmutableMaskedSecretsAreKept() throws Exception {
        JsonNode created = create(pg("Replace Me"));
        String id = created.get("id").asText();
        String url = "/api/admin/v4/integrations/" + id;
        String sealedBefore = sealed(id);
        assertProblem(api().send("PUT", url, owner, "{\"name\":\"Replace Me\",\"type\":\"kafka\",\"integration_config\":{\"hostname\":\"h\"}}"),
                400, "type");
        Api.Response same = api().send("PUT", url, owner, "{\"name\":\"Replaced\",\"type\":\"postgresql\",\"integration_config\":"
                + "{\"hostname\":\"10.0.0.1\",\"dbname\":\"app\"},\"secret_store_config\":{\"apono\":{\"parameters\":{\"username\":\"********\","
                + "\"password\":\"********\"}}},\"custom_access_details\":\"ask #dba\",\"connected_resource_types\":[\"postgresql-table\"]}");
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get("name").asText()).isEqualTo("Replaced");
        assertThat(same.json().get("integration_config").get("hostname").asText()).isEqualTo("10.0.0.1");
        assertThat(same.json().get("custom_access_details").asText()).isEqualTo("ask #dba");
        assertThat(same.json().get("connected_resource_types")).hasSize(1);
        assertThat(same.json().get("status").asText()).isEqualTo("Initializing");
        assertThat(sealed(id)).as("masked values keep the stored secret").isEqualTo(sealedBefore);
        // full replace: custom_access_details left out is cleared
        Api.Response cleared = api().send("PUT", url, owner, "{\"name\":\"Replaced\",\"integration_config\":{\"hostname\":\"10.0.0.1\"},"
                + "\"secret_store_config\":" + PG_SECRET + "}");
        assertThat(cleared.json().get("custom_access_details").isNull()).isTrue();
        assertThat(sealed(id)).isNotEqualTo(sealedBefore);
        assertProblem(api().send("PUT", url, viewer, "{\"name\":\"x\",\"integration_config\":{}}"), 403, null);
        assertProblem(api().send("PUT", url, stranger, "{\"name\":\"x\",\"integration_config\":{}}"), 404, null);
        assertProblem(api().send("PUT", "/api/admin/v4/integrations/int_" + "0".repeat(24), owner,
                "{\"name\":\"x\",\"integration_config\":{}}"), 404, null);
        assertProblem(api().send("PUT", "/api/admin/v4/integrations/not-an-id", owner, "{\"name\":\"x\",\"integration_config\":{}}"), 400, "id");
        // masks only stand for values that exist
        JsonNode kafka = create(kafka("Kafka no secret"));
        assertProblem(api().send("PUT", "/api/admin/v4/integrations/" + kafka.get("id").asText(), owner, "{\"name\":\"Kafka no secret\","
                + "\"integration_config\":{\"bootstrap_servers\":\"h:1\"},\"secret_store_config\":{\"apono\":{\"parameters\":"
                + "{\"username\":\"********\"}}}}"), 400, "secret_store_config.apono.parameters.username");
    }

    private String sealed(String id) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
             var rs = c.createStatement().executeQuery("SELECT secret_store::text FROM integration WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void rolesAndTenancy() {
        JsonNode created = create(kafka("Tenancy"));
        String url = "/api/admin/v4/integrations/" + created.get("id").asText();
        assertThat(api().get(url, viewer).status()).isEqualTo(200);
        assertProblem(api().get(url, stranger), 404, null);
        assertProblem(api().get(url, null), 401, null);
        assertProblem(api().get(url, "garbage"), 401, null);
        assertProblem(api().post("/api/admin/v4/integrations", viewer, kafka("viewer made")), 403, null);
        assertProblem(api().send("DELETE", url, viewer, null), 403, null);
        assertProblem(api().send("DELETE", url, stranger, null), 404, null);
        String twoTeams = Tokens.token("tia", List.of(new io.patchbay.kernel.auth.TeamMembership("team_api", TeamRole.OWNER),
                new io.patchbay.kernel.auth.TeamMembership("team_b", TeamRole.OWNER)), false);
        assertProblem(api().post("/api/admin/v4/integrations", twoTeams, kafka("which team")), 400, "X-Team-Id");
        assertThat(api().send("GET", url, twoTeams, null, "X-Team-Id", "team_api").status()).isEqualTo(200);
        assertProblem(api().send("GET", url, owner, null, "X-Team-Id", "team_b"), 403, null);
        assertProblem(api().send("GET", url, owner, null, "X-Team-Id", "not a team"), 400, "X-Team-Id");
        assertThat(api().send("DELETE", url, developer, null).status()).isEqualTo(204);
        assertProblem(api().get(url, owner), 404, null);
    }

    @Test
    void wildcardFiltersAndPagingWithTheTokenAlone() {
        String team = "team_filters";
        String token = Tokens.token("flo", team, TeamRole.OWNER);
        for (String name : List.of("Prod_DB", "ProdXDB", "prod-db-2", "staging.db", "stagingXdb", "Analytics Prod", "Kafka Main", "prod")) {
            assertThat(api().post("/api/admin/v4/integrations", token, name.startsWith("Kafka") ? kafka(name) : pg(name)).status()).isEqualTo(200);
        }
        Map<String, List<String>> table = new java.util.LinkedHashMap<>();
        table.put("*prod*", List.of("Analytics Prod", "prod", "prod-db-2", "Prod_DB", "ProdXDB"));
        table.put("prod*", List.of("prod", "prod-db-2", "Prod_DB", "ProdXDB"));
        table.put("*prod", List.of("Analytics Prod", "prod"));
        table.put("PROD", List.of("prod"));
        table.put("prod_db", List.of("Prod_DB"));
        table.put("*_db", List.of("Prod_DB"));
        table.put("staging.db", List.of("staging.db"));
        table.put("prod%", List.of());
        table.put("%", List.of());
        table.put("*%*", List.of());
        table.put("prod_", List.of());
        table.put("____", List.of());
        table.put("*", List.of("Analytics Prod", "Kafka Main", "prod", "prod-db-2", "Prod_DB", "ProdXDB", "staging.db", "stagingXdb"));
        table.put("nothing*", List.of());
        table.forEach((filter, expected) -> assertThat(names(token, "name=" + enc(filter))).as("name=" + filter)
                .containsExactlyInAnyOrderElementsOf(expected));
        assertThat(names(token, "type=" + enc("*kaf*"))).containsExactly("Kafka Main");
        assertThat(names(token, "type=kafka&type=" + enc("POST*") + "&name=" + enc("*main*"))).containsExactly("Kafka Main");
        assertThat(names(token, "type[]=kafka&type[]=nothing")).containsExactly("Kafka Main");
        assertThat(names(token, "category=resources&name=prod")).containsExactly("prod");
        assertThat(names(token, "category=IDENTITY_PROVIDER")).isEmpty();
        assertThat(names(token, "status=Initializing&status=Active&name=prod")).containsExactly("prod");
        assertThat(names(token, "status=Error")).isEmpty();
        assertThat(names(token, "connector_id=patchbay-builtin&name=prod")).containsExactly("prod");
        assertThat(names(token, "connector_id=other")).isEmpty();
        assertProblem(api().get("/api/admin/v4/integrations?status=Sleeping", token), 400, "status");
        assertProblem(api().get("/api/admin/v4/integrations?limit=0", token), 400, "limit");
        assertProblem(api().get("/api/admin/v4/integrations?limit=1001", token), 400, "limit");
        assertProblem(api().get("/api/admin/v4/integrations?limit=ten", token), 400, "limit");
        assertProblem(api().get("/api/admin/v4/integrations?page_token=forged", token), 400, "page_token");

        // paging: the first page with filters, the next pages with the token alone give exactly the filtered set
        List<String> seen = new ArrayList<>();
        Api.Response page = api().get("/api/admin/v4/integrations?limit=2&name=" + enc("*prod*"), token);
        JsonNode body = page.json();
        int pages = 1;
        body.get("items").forEach(i -> seen.add(i.get("name").asText()));
        String firstToken = body.get("pagination").get("next_page_token").asText();
        while (!body.get("pagination").get("next_page_token").isNull()) {
            body = api().get("/api/admin/v4/integrations?page_token=" + enc(body.get("pagination").get("next_page_token").asText()), token).json();
            body.get("items").forEach(i -> seen.add(i.get("name").asText()));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("Analytics Prod", "prod", "prod-db-2", "Prod_DB", "ProdXDB");
        assertProblem(api().get("/api/admin/v4/integrations?name=other&page_token=" + enc(firstToken), token), 400, "page_token");
        assertThat(api().get("/api/admin/v4/integrations?name=" + enc("*prod*") + "&page_token=" + enc(firstToken), token).status())
                .as("the same filters again are fine").isEqualTo(200);
        String tampered = firstToken.substring(0, firstToken.length() - 2) + (firstToken.endsWith("A") ? "BB" : "AA");
        assertProblem(api().get("/api/admin/v4/integrations?page_token=" + enc(tampered), token), 400, "page_token");
        assertThat(names(Tokens.token("zed", "team_empty", TeamRole.VIEWER), "")).isEmpty();
    }

    @Test
    void textPostgresqlCannotStoreIsA400WhereverItComesIn() {
        String nul = enc("\u0000");
        String url = "/api/admin/v4/integrations";
        // in a query's parameters (filters, an owner's source reference) as much as in a written row
        // (the kernel's StorableTextFilter names the field before anything reaches a query)
        assertProblem(api().get(url + "?name=" + nul, owner), 400, "name");
        assertProblem(api().get(url + "?type=" + enc("kaf\u0000*"), owner), 400, "type");
        // an array parameter holding a NUL matches nothing; never a 5xx
        for (String filter : List.of("category", "connector_id", "type[]")) {
            Api.Response r = api().get(url + "?" + filter + "=" + nul, owner);
            assertThat(r.status()).as(filter + ": " + r).isLessThan(500);
        }
        assertProblem(api().post(url, owner, kafka("nul owner").replace("}}", "},\"owner\":{\"attribute_type\":\"user\","
                + "\"attribute_value\":[\"u\"],\"source_integration_reference\":\"a\\u0000b\"}}")), 400, "owner.source_integration_reference");
        assertProblem(api().post(url, owner, kafka("nul details").replace("}}", "},\"custom_access_details\":\"a\\u0000b\"}")), 400, "custom_access_details");
        assertThat(api().get(url + "?name=" + enc("nul*"), owner).json().get("items")).as("nothing was stored").isEmpty();
    }

    private List<String> names(String token, String query) {
        Api.Response r = api().get("/api/admin/v4/integrations?limit=1000&" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("pagination").has("next_page_token")).isTrue();
        List<String> out = new ArrayList<>();
        r.json().get("items").forEach(i -> out.add(i.get("name").asText()));
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void v2LegacyShapesAndRefresh() {
        Api.Response created = api().post("/api/v2/integrations", owner, "{\"name\":\"Legacy PG\",\"type\":\"postgresql\",\"metadata\":"
                + "{\"hostname\":\"127.0.0.1\"},\"secret_config\":{\"type\":\"AWS\",\"region\":\"eu-west-1\",\"secret_id\":\"pg/creds\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode v2 = created.json();
        String id = v2.get("id").asText();
        assertThat(v2.get("metadata").get("hostname").asText()).isEqualTo("127.0.0.1");
        assertThat(v2.get("provisioner_id").asText()).isEqualTo("patchbay-builtin");
        assertThat(v2.get("secret_config").get("type").asText()).isEqualTo("AWS");
        assertThat(v2.get("secret_config").get("secret_id").asText()).isEqualTo("pg/creds");
        assertThat(v2.get("connected_resource_types")).hasSize(3);
        assertThat(v2.get("last_sync_time").isNull()).isTrue();
        JsonNode v4 = api().get("/api/admin/v4/integrations/" + id, owner).json();
        assertThat(v4.get("secret_store_config").get("aws").get("region").asText()).isEqualTo("eu-west-1");
        assertProblem(api().post("/api/v2/integrations", owner, "{\"name\":\"L2\",\"type\":\"postgresql\",\"metadata\":{\"hostname\":\"h\"},"
                + "\"secret_config\":{\"type\":\"DROPBOX\"}}"), 400, "secret_config.type");
        assertProblem(api().post("/api/v2/integrations", owner, "{\"name\":\"L2\",\"type\":\"postgresql\",\"metadata\":{},"
                + "\"secret_config\":{\"type\":\"GCP\",\"project\":\"p\",\"secret_id\":\"s\"}}"), 400, "metadata.hostname");
        assertProblem(api().post("/api/v2/integrations", owner, "{\"name\":\"L2\",\"type\":\"kafka\",\"metadata\":{\"bootstrap_servers\":\"h:1\"},"
                + "\"provisioner_id\":\"ghost\"}"), 400, "provisioner_id");

        JsonNode list = api().get("/api/v2/integrations?limit=1&offset=0", owner).json();
        assertThat(list.get("data")).hasSize(1);
        assertThat(list.get("pagination").get("limit").asInt()).isEqualTo(1);
        assertThat(list.get("pagination").get("total").asInt()).isGreaterThanOrEqualTo(1);
        assertProblem(api().get("/api/v2/integrations?offset=-1", owner), 400, "offset");

        Api.Response put = api().send("PUT", "/api/v2/integrations/" + id, owner, "{\"name\":\"Legacy PG\",\"metadata\":{\"hostname\":\"10.1.1.1\"},"
                + "\"secret_config\":{\"type\":\"HASHICORP_VAULT\",\"secret_engine\":\"kv\",\"path\":\"pg\"}}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("secret_config").get("type").asText()).isEqualTo("HASHICORP_VAULT");
        assertProblem(api().send("PUT", "/api/v2/integrations/" + id, owner, "{\"name\":\"Legacy PG\",\"type\":\"kafka\",\"metadata\":{}}"), 400, "type");

        // a sync is pending (workers are off in this class): refresh is 409 until it ends
        assertProblem(api().post("/api/v2/integrations/" + id + "/refresh", owner, null), 409, null);
        assertProblem(api().post("/api/v2/integrations/" + id + "/refresh", viewer, null), 403, null);
        assertProblem(api().post("/api/v2/integrations/int_" + "1".repeat(24) + "/refresh", owner, null), 404, null);

        Api.Response deleted = api().send("DELETE", "/api/v2/integrations/" + id, owner, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText()).contains(id);
        assertProblem(api().get("/api/v2/integrations/" + id, owner), 404, null);
    }

    @Test
    void catalogListsTheTypesWithAWorkingConnector() {
        JsonNode list = api().get("/api/v2/integrations-catalog", viewer).json();
        List<String> types = new ArrayList<>();
        list.get("data").forEach(t -> types.add(t.get("type").asText()));
        assertThat(types).containsExactly("kafka", "postgresql");
        assertThat(list.get("pagination").get("total").asInt()).isEqualTo(2);
        JsonNode pg = api().get("/api/v2/integrations-catalog/postgresql", viewer).json();
        assertThat(pg.get("category").asText()).isEqualTo("RESOURCES");
        assertThat(pg.get("requires_secret").asBoolean()).isTrue();
        assertThat(pg.get("params").findValuesAsText("id")).contains("hostname", "port", "dbname", "sslmode");
        assertThat(pg.get("params").get(1).get("default").asText()).isEqualTo("5432");
        assertThat(pg.get("resource_types").findValuesAsText("id")).containsExactly("postgresql-database", "postgresql-schema", "postgresql-table");
        assertThat(pg.get("resource_types").get(2).get("permissions").toString()).contains("SELECT", "TRUNCATE", "TRIGGER");
        assertProblem(api().get("/api/v2/integrations-catalog/oracle", viewer), 404, null);
        assertProblem(api().get("/api/v2/integrations-catalog/NOT%20A%20TYPE", viewer), 400, "type");
        assertProblem(api().get("/api/v2/integrations-catalog", null), 401, null);
    }

    @Test
    void connectors() {
        String token = Tokens.token("cora", "team_conn", TeamRole.OWNER);
        JsonNode list = api().get("/api/admin/v3/connectors", token).json();
        assertThat(list.get("items")).hasSize(1);
        JsonNode builtIn = list.get("items").get(0);
        assertThat(builtIn.get("id").asText()).isEqualTo("patchbay-builtin");
        assertThat(builtIn.get("status").asText()).isEqualTo("CONNECTED");
        assertThat(builtIn.get("sessions")).hasSize(1);
        assertProblem(api().send("DELETE", "/api/admin/v3/connectors/patchbay-builtin", token, null), 409, null);
        Api.Response renamed = api().send("PUT", "/api/admin/v3/connectors/patchbay-builtin", token, "{\"name\":\"Our connector\"}");
        assertThat(renamed.json().get("name").asText()).isEqualTo("Our connector");
        Api.Response registered = api().send("PUT", "/api/admin/v3/connectors/edge-1", token, "{\"name\":\"Edge one\"}");
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("status").asText()).isEqualTo("DISCONNECTED");
        assertThat(api().get("/api/admin/v3/connectors?status=DISCONNECTED", token).json().get("items")).hasSize(1);
        JsonNode page1 = api().get("/api/admin/v3/connectors?limit=1", token).json();
        assertThat(page1.get("items")).hasSize(1);
        JsonNode page2 = api().get("/api/admin/v3/connectors?page_token=" + enc(page1.get("pagination").get("next_page_token").asText()), token).json();
        assertThat(page2.get("items").get(0).get("id").asText()).isEqualTo("edge-1");
        assertThat(page2.get("pagination").get("next_page_token").isNull()).isTrue();
        JsonNode connected1 = api().get("/api/admin/v3/connectors?status=CONNECTED,DISCONNECTED&limit=1", token).json();
        String token1 = enc(connected1.get("pagination").get("next_page_token").asText());
        assertProblem(api().get("/api/admin/v3/connectors?status=CONNECTED&page_token=" + token1, token), 400, "page_token");
        JsonNode sameFilter = api().get("/api/admin/v3/connectors?status=CONNECTED,DISCONNECTED&page_token=" + token1, token).json();
        assertThat(sameFilter.get("items")).hasSize(1);
        assertThat(sameFilter.get("items").get(0).get("id").asText()).isEqualTo("edge-1");
        // an integration on edge-1 keeps it from being deleted
        Api.Response onEdge = api().post("/api/admin/v4/integrations", token, kafka("on edge").replace("}}", "},\"connector_id\":\"edge-1\"}"));
        assertThat(onEdge.status()).as(onEdge.toString()).isEqualTo(200);
        assertProblem(api().send("DELETE", "/api/admin/v3/connectors/edge-1", token, null), 409, null);
        api().send("DELETE", "/api/admin/v4/integrations/" + onEdge.json().get("id").asText(), token, null);
        assertThat(api().send("DELETE", "/api/admin/v3/connectors/edge-1", token, null).status()).isEqualTo(204);
        assertProblem(api().get("/api/admin/v3/connectors/edge-1", token), 404, null);
        assertProblem(api().send("PUT", "/api/admin/v3/connectors/edge-2", token, "{\"name\":\"\"}"), 400, "name");
        assertProblem(api().send("PUT", "/api/admin/v3/connectors/bad%20id", token, "{\"name\":\"x\"}"), 400, "id");
        assertProblem(api().get("/api/admin/v3/connectors?status=SLEEPING", token), 400, "status");
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        Api.Response health = api().get("/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(api().get("/health/liveness", null).status()).isEqualTo(200);
        Api.Response readiness = api().get("/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.raw().body()).as("anonymous callers see the status only").doesNotContain("jdbc").doesNotContain("kafka");
        assertThat(api().get("/health/readiness", Tokens.token("root", java.util.List.of(), true)).raw().body()).as("readiness covers the database and Kafka (details for admins)")
                .contains("jdbc").contains("kafka");
        assertThat(api().get("/prometheus", null).raw().body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
        Api.Response openapi = api().get("/openapi/catalog-service.yml", null);
        assertThat(openapi.status()).isEqualTo(200);
        for (String path : List.of("/api/admin/v4/integrations:", "/api/admin/v4/integrations/{id}:", "/api/v2/integrations:",
                "/api/v2/integrations/{id}:", "/api/v2/integrations/{id}/refresh:", "/api/v2/integrations-catalog:",
                "/api/v2/integrations-catalog/{type}:", "/api/v3/integrations/{id}/resources:", "/api/v3/integrations/{id}/permissions:",
                "/api/v3/integrations/resources/{resource_id}/user-tags:", "/api/admin/v3/connectors:", "/api/admin/v3/connectors/{id}:")) {
            assertThat(openapi.raw().body()).as("OpenAPI has %s", path).contains(path);
        }
        assertThat(openapi.raw().body()).as("the caller is the token, not a parameter").doesNotContain("name: caller");
        assertThat(api().get("/swagger-ui/index.html", null).status()).isEqualTo(200);
        Api.Response withId = api().send("GET", "/health", null, null, "X-Request-Id", "req-cat-1");
        assertThat(withId.header("X-Request-Id")).isEqualTo("req-cat-1");
        assertThat(api().get("/health", null).header("X-Request-Id")).isNotBlank();
    }

    @Test
    void badInputOnEveryEndpointIsA4xxProblem() {
        String id = create(kafka("Bad input target")).get("id").asText();
        String big = "{\"name\":\"big\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(api().post("/api/admin/v4/integrations", owner, big), 413, null);
        assertProblem(api().send("PUT", "/api/admin/v4/integrations/" + id, owner, null), 400, null);
        assertProblem(api().send("PUT", "/api/admin/v4/integrations/" + id, owner, "{\"name\":7,\"integration_config\":{}}"), 400, "name");
        assertProblem(api().send("PUT", "/api/admin/v4/integrations/" + id, owner, "{\"name\":\"x\",\"integration_config\":[]}"), 400,
                "integration_config");
        assertProblem(api().send("PUT", "/api/admin/v4/integrations/" + id, owner, "{\"name\":\"x\",\"integration_config\":{},"
                + "\"connected_resource_types\":\"kafka-topic\"}"), 400, "connected_resource_types");
        assertProblem(api().send("DELETE", "/api/admin/v4/integrations/%20", owner, null), 400, "id");
        assertProblem(api().get("/api/admin/v4/integrations?page_token=" + enc("x".repeat(300)), owner), 400, "page_token");
        assertProblem(api().get("/api/admin/v4/integrations?name=" + "a".repeat(201), owner), 400, "name");
        assertProblem(api().post("/api/v2/integrations", owner, "{\"name\":\"v2 bad\",\"type\":\"kafka\",\"metadata\":\"x\"}"), 400, "metadata");
        assertProblem(api().post("/api/v2/integrations", owner, "{\"name\":\"v2 bad\",\"type\":\"kafka\",\"metadata\":{\"bootstrap_servers\":\"h:1\"},"
                + "\"secret_config\":\"AWS\"}"), 400, "secret_config");
        assertProblem(api().get("/api/v2/integrations?limit=abc", owner), 400, "limit");
        assertProblem(api().get("/api/v2/integrations/x", owner), 400, "id");
        assertProblem(api().send("DELETE", "/api/v2/integrations/x", owner, null), 400, "id");
        assertProblem(api().post("/api/v2/integrations/x/refresh", owner, null), 400, "id");
        assertProblem(api().get("/api/v2/integrations-catalog?offset=x", owner), 400, "offset");
        assertProblem(api().get("/api/v3/integrations/" + id + "/resources?limit=5000", owner), 400, "limit");
        assertProblem(api().get("/api/v3/integrations/" + id + "/resources?offset=-3", owner), 400, "offset");
        assertProblem(api().get("/api/v3/integrations/bad/resources", owner), 400, "id");
        assertProblem(api().get("/api/v3/integrations/" + id + "/permissions?resource-type=postgresql-table", owner), 400, "resource-type");
        assertProblem(api().get("/api/v3/integrations/bad/permissions", owner), 400, "id");
        String resource = "/api/v3/integrations/resources/res_" + "0".repeat(24) + "/user-tags";
        assertProblem(api().send("PUT", resource, owner, null), 400, null);
        assertProblem(api().send("PUT", resource, owner, "{\"tags\":[]}"), 400, "tags");
        assertProblem(api().send("PUT", resource, owner, "{\"tags\":{}}"), 404, null);
        assertProblem(api().send("PUT", "/api/admin/v3/connectors/edge", owner, null), 400, null);
        assertProblem(api().send("PUT", "/api/admin/v3/connectors/edge", owner, "{\"name\":\"e\",\"version\":\"9\"}"), 400, "version");
        assertProblem(api().get("/api/admin/v3/connectors?limit=0", owner), 400, "limit");
        assertProblem(api().get("/api/admin/v3/connectors?page_token=nope", owner), 400, "page_token");
        assertProblem(api().send("DELETE", "/api/admin/v3/connectors/" + "c".repeat(65), owner, null), 400, "id");
        assertProblem(api().send("DELETE", "/api/admin/v3/connectors/nobody", owner, null), 404, null);
        assertProblem(api().send("PUT", "/api/admin/v3/connectors/edge", viewer, "{\"name\":\"e\"}"), 403, null);
    }
}
