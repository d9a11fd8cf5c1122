package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.BadInputFuzzer;
import io.patchbay.test.ManagementSurface;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seeded bad-input run over every operation of catalog-service's generated OpenAPI document (test-support's
 * {@link BadInputFuzzer}): no 5xx, every 4xx a problem+json. A Kafka integration on the test broker is discovered first,
 * so that resources, permissions and user tags have real ids; config-service's link check is answered by the stand-in.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzIT implements TestPropertyProvider {
    static final String TEAM = "team_fuzzCatalog";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        int port = freePort();
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(TestInfra.get().newDatabase("catalog_fuzz")));
        props.put("micronaut.server.port", Integer.toString(port));
        props.put("micronaut.http.services.config-service.url", "http://127.0.0.1:" + port);
        props.put("catalog-it.config-service", "true");
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.discovery.poll-interval", "100ms");
        props.put("patchbay.discovery.connect-timeout", "2s");
        props.put("patchbay.rate-limit.limit", "1000000");
        return props;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyOperationAnswersBadInputWithA4xxProblemAndNever5xx() {
        Api api = new Api(server.getURI());
        String owner = Tokens.token("linker", TEAM, TeamRole.OWNER);
        String kafka = "{\"name\":\"Fuzz events\",\"type\":\"kafka\",\"integration_config\":{\"bootstrap_servers\":\""
                + TestInfra.get().kafkaBootstrap() + "\"}}";
        Api.Response created = api.post("/api/admin/v4/integrations", owner, kafka);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String events = created.json().get("id").asText();
        Api.Response pg = api.post("/api/admin/v4/integrations", owner, IntegrationApiIT.pg("Fuzz orders"));
        assertThat(pg.status()).as(pg.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/admin/v4/integrations/" + events, owner).json().get("status").asText().equals("Active"));
        List<String> resources = new ArrayList<>();
        for (JsonNode r : api.get("/api/v3/integrations/" + events + "/resources?limit=20", owner).json().get("data")) {
            resources.add(r.get("id").asText());
        }
        assertThat(resources).as("discovered topics").isNotEmpty();
        assertThat(api.send("PUT", "/api/v3/integrations/resources/" + resources.getFirst() + "/user-tags", owner,
                "{\"tags\":{\"owner\":\"fuzz\"}}").status()).isEqualTo(200);

        BadInputFuzzer.Report report = BadInputFuzzer.forService(server.getURI(), "/openapi/catalog-service.yml")
                .seed(1204).requestsPerOperation(40)
                .tenant(owner).otherTenant(Tokens.token("fuzzStranger", "team_fuzzOther", TeamRole.OWNER))
                .admin(Tokens.token("root", List.of(), true))
                .pathValuesUnder("/api/", "id", events, pg.json().get("id").asText())
                .pathValuesUnder("/api/admin/v3/connectors/", "id", "patchbay-builtin", "edge-fuzz")
                .pathValues("resource_id", resources.toArray(String[]::new)).pathValues("type", "postgresql", "kafka")
                .example("POST /api/admin/v4/integrations", IntegrationApiIT.pg("Fuzz new").replace("}}}",
                        "}}},\"connected_resource_types\":[\"postgresql-table\"],\"custom_access_details\":\"ask\","
                                + "\"configuration_id\":\"icfg_fuzzLinked00000000000000\""))
                .example("PUT /api/admin/v4/integrations/{id}", kafka)
                .example("POST /api/v2/integrations", "{\"name\":\"Fuzz legacy\",\"type\":\"postgresql\",\"metadata\":{\"hostname\":\"127.0.0.1\","
                        + "\"port\":\"1\"},\"secret_config\":{\"type\":\"AWS\",\"region\":\"eu-west-1\",\"secret_id\":\"pg/creds\"}}")
                .example("PUT /api/v2/integrations/{id}", "{\"name\":\"Fuzz events\",\"type\":\"kafka\",\"metadata\":{\"bootstrap_servers\":\""
                        + TestInfra.get().kafkaBootstrap() + "\"}}")
                .example("PUT /api/admin/v3/connectors/{id}", "{\"name\":\"Edge fuzz\"}")
                .example("PUT /api/v3/integrations/resources/{resource_id}/user-tags", "{\"tags\":{\"owner\":\"fuzz\",\"pii\":\"no\"}}")
                .run();
        System.out.println(report.summary());
        // + the kernel's four /admin/dead-letters operations
        assertThat(report.operations()).as("every operation of the document, GET /audit/events among them").isEqualTo(26);
        report.assertClean();
        // after thousands of requests with ids, names and junk in paths and queries, the metric labels still hold none
        ManagementSurface.assertNoTenantDataInMetrics(api, List.of(TEAM, "linker", events, resources.getFirst(), "fuzz", "passwd", "DROP TABLE", "jndi"));
    }
}
