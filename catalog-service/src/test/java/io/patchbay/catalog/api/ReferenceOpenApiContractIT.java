package io.patchbay.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.patchbay.kernel.auth.TeamRole;
import io.patchbay.test.Api;
import io.patchbay.test.TestInfra;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every v4/v2/v3 endpoint's response validated against the schema the vendor's own OpenAPI document
 * ({@code ../shared/reference/apono-integrations-openapi.json}) gives for that path, method and status — the $refs
 * resolved inside the document by json-schema-validator with the OpenAPI 3.0 dialect. Request bodies sent are checked
 * against the document's request schemas too, so the service accepts what the vendor's clients send.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceOpenApiContractIT implements TestPropertyProvider {
    static final Path REFERENCE = Path.of(System.getProperty("patchbay.reference.openapi",
            "../../shared/reference/apono-integrations-openapi.json"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    private Api api;
    private JsonNode document;
    private Path prepared;
    private JsonSchemaFactory factory;
    private final Set<String> checked = new TreeSet<>();
    private final String owner = Tokens.token("cleo", "team_contract", TeamRole.OWNER);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestInfra.get().micronautProperties(TestInfra.get().newDatabase("catalog_contract")));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.discovery.poll-interval", "100ms");
        props.put("patchbay.discovery.connect-timeout", "3s");
        return props;
    }

    private void load() throws IOException {
        if (document != null) {
            return;
        }
        Path reference = Files.exists(REFERENCE) ? REFERENCE : Path.of("/work/shared/reference/apono-integrations-openapi.json");
        document = JSON.readTree(reference.toFile());
        // OpenAPI 3.0 puts "nullable" beside allOf (e.g. last_sync_time: {allOf: [ApiInstant], nullable: true}); JSON Schema
        // would still apply the allOf to a null. Say what 3.0 means: such a property is the allOf, or null.
        JsonNode copy = document.deepCopy();
        nullableAllOf(copy.get("components").get("schemas"));
        prepared = Files.createTempFile("apono-openapi-", ".json");
        JSON.writeValue(prepared.toFile(), copy);
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b.metaSchema(OpenApi30.getInstance())
                .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    }

    private static void nullableAllOf(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean(false) && object.has("allOf")) {
                ObjectNode inner = object.deepCopy();
                inner.remove("nullable");
                inner.remove("description");
                Iterator<String> names = object.fieldNames();
                Set<String> toRemove = new LinkedHashSet<>();
                names.forEachRemaining(n -> {
                    if (!n.equals("description")) {
                        toRemove.add(n);
                    }
                });
                toRemove.forEach(object::remove);
                ArrayNode anyOf = object.putArray("anyOf");
                anyOf.add(inner);
                anyOf.addObject().putArray("enum").addNull();
            }
            object.elements().forEachRemaining(ReferenceOpenApiContractIT::nullableAllOf);
        } else if (node instanceof ArrayNode array) {
            array.forEach(ReferenceOpenApiContractIT::nullableAllOf);
        }
    }

    private JsonSchema schemaAt(String pointer) {
        return factory.getSchema(SchemaLocation.of(prepared.toUri() + "#" + pointer), SchemaValidatorsConfig.builder().build());
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    /** The response schema of {@code method path status} in the reference document. */
    private JsonSchema responseSchema(String path, String method, int status) {
        JsonNode op = document.get("paths").get(path).get(method);
        assertThat(op).as(method + " " + path + " in the reference").isNotNull();
        JsonNode response = op.get("responses").get(Integer.toString(status));
        assertThat(response).as(method + " " + path + " " + status + " in the reference").isNotNull();
        return schemaAt("/paths/" + escape(path) + "/" + method + "/responses/" + status + "/content/application~1json/schema");
    }

    private void validRequest(String path, String method, String body) throws IOException {
        JsonSchema schema = schemaAt("/paths/" + escape(path) + "/" + method + "/requestBody/content/application~1json/schema");
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(body));
        assertThat(errors).as("request " + method + " " + path + " " + body).isEmpty();
    }

    /** Sends the request and validates the answer against the reference. */
    private JsonNode call(String method, String url, String referencePath, int status, String body) throws IOException {
        load();
        String m = method.toLowerCase();
        if (body != null) {
            validRequest(referencePath, m, body);
        }
        if (api == null) {
            api = new Api(server.getURI());
        }
        Api.Response r = api.send(method, url, owner, body);
        assertThat(r.status()).as(method + " " + url + " → " + r).isEqualTo(status);
        assertThat(document.get("paths").get(referencePath).get(m).get("responses").has(Integer.toString(status)))
                .as(method + " " + referencePath + " answers " + status + " in the reference").isTrue();
        checked.add(method + " " + referencePath);
        if (status == 204) {
            assertThat(r.raw().body()).isEmpty();
            return null;
        }
        JsonNode json = r.json();
        Set<ValidationMessage> errors = responseSchema(referencePath, m, status).validate(json);
        assertThat(errors).as(method + " " + url + " response " + json).isEmpty();
        return json;
    }

    @Test
    void everyEndpointAnswersInTheReferenceShapes() throws Exception {
        String kafka = TestInfra.get().kafkaBootstrap();
        String v4Body = "{\"name\":\"Contract Kafka\",\"type\":\"kafka\",\"connector_id\":null,\"integration_config\":{\"bootstrap_servers\":\""
                + kafka + "\"},\"secret_store_config\":{\"apono\":{\"parameters\":{\"username\":\"u\",\"password\":\"p\"}}},"
                + "\"connected_resource_types\":[\"kafka-topic\",\"kafka-consumer-group\"],\"custom_access_details\":\"ask in #kafka\","
                + "\"owner\":{\"attribute_type\":\"user\",\"attribute_value\":[\"ops@example.com\"],\"source_integration_reference\":\"okta\"},"
                + "\"owners_mapping\":{\"key_name\":\"owner\",\"attribute_type\":\"group\",\"source_integration_reference\":null}}";
        JsonNode created = call("POST", "/api/admin/v4/integrations", "/api/admin/v4/integrations", 200, v4Body);
        String id = created.get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/admin/v4/integrations/" + id, owner).json().get("status").asText()
                .equals("Active"));
        JsonNode synced = call("GET", "/api/admin/v4/integrations/" + id, "/api/admin/v4/integrations/{id}", 200, null);
        assertThat(synced.get("last_sync_time").isTextual()).isTrue();
        call("GET", "/api/admin/v4/integrations?limit=1&name=" + IntegrationApiIT.enc("contract*") + "&type=kafka&status=Active",
                "/api/admin/v4/integrations", 200, null);
        call("PUT", "/api/admin/v4/integrations/" + id, "/api/admin/v4/integrations/{id}", 200, v4Body.replace(",\"type\":\"kafka\"", "")
                .replace("\"password\":\"p\"", "\"password\":\"********\"").replace("ask in #kafka", "ask in #data"));

        // v2
        JsonNode v2 = call("GET", "/api/v2/integrations/" + id, "/api/v2/integrations/{id}", 200, null);
        assertThat(v2.get("last_sync_time").isNumber()).isTrue();
        call("GET", "/api/v2/integrations?limit=10&offset=0", "/api/v2/integrations", 200, null);
        String v2Body = "{\"name\":\"Contract v2\",\"type\":\"kafka\",\"provisioner_id\":null,\"metadata\":{\"bootstrap_servers\":\"" + kafka
                + "\"},\"secret_config\":{\"type\":\"KUBERNETES\",\"namespace\":\"data\",\"name\":\"kafka-creds\"},"
                + "\"connected_resource_types\":null,\"custom_access_details\":null}";
        JsonNode v2Created = call("POST", "/api/v2/integrations", "/api/v2/integrations", 200, v2Body);
        String v2Id = v2Created.get("id").asText();
        call("PUT", "/api/v2/integrations/" + v2Id, "/api/v2/integrations/{id}", 200, v2Body.replace(",\"type\":\"kafka\"", "")
                .replace("Contract v2", "Contract v2 renamed"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.get("/api/v2/integrations/" + v2Id, owner).json().get("status").asText()
                .matches("Initializing|Refreshing"));
        call("POST", "/api/v2/integrations/" + v2Id + "/refresh", "/api/v2/integrations/{id}/refresh", 200, null);
        call("GET", "/api/v2/integrations-catalog", "/api/v2/integrations-catalog", 200, null);
        call("GET", "/api/v2/integrations-catalog/postgresql", "/api/v2/integrations-catalog/{type}", 200, null);
        call("GET", "/api/v2/integrations-catalog/kafka", "/api/v2/integrations-catalog/{type}", 200, null);

        // v3 resources, permissions, user tags (after the discovery the PUT above queued)
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/admin/v4/integrations/" + id, owner).json().get("status").asText()
                .equals("Active"));
        JsonNode resources = call("GET", "/api/v3/integrations/" + id + "/resources", "/api/v3/integrations/{id}/resources", 200, null);
        assertThat(resources.get("data").size()).isPositive();
        call("GET", "/api/v3/integrations/" + id + "/resources?resource-type=kafka-topic", "/api/v3/integrations/{id}/resources", 200, null);
        call("GET", "/api/v3/integrations/" + id + "/permissions", "/api/v3/integrations/{id}/permissions", 200, null);
        call("GET", "/api/v3/integrations/" + id + "/permissions?resource-type=kafka-topic", "/api/v3/integrations/{id}/permissions", 200, null);
        String resourceId = resources.get("data").get(0).get("id").asText();
        call("PUT", "/api/v3/integrations/resources/" + resourceId + "/user-tags", "/api/v3/integrations/resources/{resource_id}/user-tags", 200,
                "{\"tags\":{\"team\":\"data\"}}");
        call("GET", "/api/v3/integrations/resources/" + resourceId + "/user-tags", "/api/v3/integrations/resources/{resource_id}/user-tags",
                200, null);

        // connectors
        call("GET", "/api/admin/v3/connectors", "/api/admin/v3/connectors", 200, null);
        call("PUT", "/api/admin/v3/connectors/edge-contract", "/api/admin/v3/connectors/{id}", 200, "{\"name\":\"Edge\"}");
        call("GET", "/api/admin/v3/connectors/patchbay-builtin", "/api/admin/v3/connectors/{id}", 200, null);
        call("GET", "/api/admin/v3/connectors/edge-contract", "/api/admin/v3/connectors/{id}", 200, null);
        call("GET", "/api/admin/v3/connectors?status=CONNECTED&limit=1", "/api/admin/v3/connectors", 200, null);
        call("DELETE", "/api/admin/v3/connectors/edge-contract", "/api/admin/v3/connectors/{id}", 204, null);

        // deletes last
        call("DELETE", "/api/v2/integrations/" + v2Id, "/api/v2/integrations/{id}", 200, null);
        call("DELETE", "/api/admin/v4/integrations/" + id, "/api/admin/v4/integrations/{id}", 204, null);

        Set<String> ours = new TreeSet<>();
        document.get("paths").fieldNames().forEachRemaining(p -> {
            if (p.startsWith("/api/admin/v4/integrations") || p.startsWith("/api/v2/integrations") || p.startsWith("/api/v3/integrations/")
                    || p.startsWith("/api/admin/v3/connectors")) {
                document.get("paths").get(p).fieldNames().forEachRemaining(m -> ours.add(m.toUpperCase() + " " + p));
            }
        });
        assertThat(checked).as("every integrations/catalog/resources/connectors operation of the reference is exercised")
                .containsExactlyInAnyOrderElementsOf(ours);
    }

    @Test
    void theValidatorCatchesAWrongShape() throws Exception {
        load();
        JsonNode wrong = JSON.readTree("{\"id\":\"x\",\"name\":\"n\",\"type\":\"kafka\",\"category\":\"RESOURCES\",\"status\":\"Active\"}");
        assertThat(responseSchema("/api/admin/v4/integrations/{id}", "get", 200).validate(wrong)).as("integration_config is required")
                .isNotEmpty();
        JsonNode badTime = JSON.readTree("{\"id\":\"x\",\"name\":\"n\",\"type\":\"kafka\",\"status\":\"Active\",\"metadata\":{},"
                + "\"connected_resource_types\":[],\"last_sync_time\":\"yesterday\"}");
        assertThat(responseSchema("/api/v2/integrations/{id}", "get", 200).validate(badTime)).as("v2 last_sync_time is a number").isNotEmpty();
        JsonNode nullTime = JSON.readTree("{\"id\":\"x\",\"name\":\"n\",\"type\":\"kafka\",\"category\":\"R\",\"status\":\"Active\","
                + "\"integration_config\":{},\"last_sync_time\":null,\"owner\":null}");
        assertThat(responseSchema("/api/admin/v4/integrations/{id}", "get", 200).validate(nullTime)).as("nullable allOf accepts null").isEmpty();
    }
}
