package io.patchbay.catalog.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes every request body by its typed request record, with the
 * fields a request must carry listed as {@code required} (they were free-form objects while bodies were JSON trees).
 */
class OpenApiRequestSchemasTest {
    private static final Map<String, Object> DOCUMENT = load();

    @Test
    void everyBodyHasARecordSchema() {
        assertThat(bodySchema("/api/admin/v4/integrations", "post")).isEqualTo("CreateIntegrationV4Request");
        assertThat(bodySchema("/api/admin/v4/integrations/{id}", "put")).isEqualTo("UpdateIntegrationV4Request");
        assertThat(bodySchema("/api/v2/integrations", "post")).isEqualTo("CreateIntegrationV2Request");
        assertThat(bodySchema("/api/v2/integrations/{id}", "put")).isEqualTo("UpdateIntegrationV2Request");
        assertThat(bodySchema("/api/admin/v3/connectors/{id}", "put")).isEqualTo("UpdateConnectorRequest");
        assertThat(bodySchema("/api/v3/integrations/resources/{resource_id}/user-tags", "put")).isEqualTo("UpdateResourceTagsRequest");
    }

    @Test
    void theSchemasListTheirRequiredFieldsByWireName() {
        assertThat(required("CreateIntegrationV4Request")).containsExactlyInAnyOrder("name", "type", "integration_config");
        assertThat(required("UpdateIntegrationV4Request")).as("type may be left out of a replace")
                .containsExactlyInAnyOrder("name", "integration_config");
        assertThat(required("CreateIntegrationV2Request")).containsExactlyInAnyOrder("name", "type", "metadata");
        assertThat(required("UpdateConnectorRequest")).containsExactly("name");
        assertThat(required("UpdateResourceTagsRequest")).containsExactly("tags");
        assertThat(required("OwnerRequest")).containsExactlyInAnyOrder("attribute_type", "attribute_value");
        assertThat(required("SecretStoreConfigRequest.Aws")).containsExactlyInAnyOrder("region", "secret_id");
        assertThat(properties("CreateIntegrationV4Request")).containsKeys("connector_id", "secret_store_config", "connected_resource_types",
                "custom_access_details", "owners_mapping", "configuration_id");
    }

    @SuppressWarnings("unchecked")
    private static String bodySchema(String path, String method) {
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) paths().get(path)).get(method);
        assertThat(operation).as("%s %s", method, path).isNotNull();
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) operation.get("requestBody")).get("content");
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).get("schema");
        return ((String) schema.get("$ref")).substring("#/components/schemas/".length());
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(String schema) {
        return (List<String>) schema(schema).get("required");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String schema) {
        return (Map<String, Object>) schema(schema).get("properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String name) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) DOCUMENT.get("components")).get("schemas");
        assertThat(schemas).as("schemas").containsKey(name);
        return (Map<String, Object>) schemas.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> paths() {
        return (Map<String, Object>) DOCUMENT.get("paths");
    }

    private static Map<String, Object> load() {
        try (InputStream in = OpenApiRequestSchemasTest.class.getResourceAsStream("/META-INF/swagger/catalog-service.yml")) {
            assertThat(in).as("the generated OpenAPI document on the classpath").isNotNull();
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
