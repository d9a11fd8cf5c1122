package io.patchbay.environment.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes the request records: each body operation refers to its schema,
 * whose {@code required} lists exactly the fields the record's constraints require; the PATCH bodies (JsonNode, where absent
 * and null differ) require nothing.
 */
class OpenApiRequestSchemasTest {
    private static final String DOCUMENT = "META-INF/swagger/environment-service.yml";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws IOException {
        try (InputStream in = OpenApiRequestSchemasTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as("the generated " + DOCUMENT).isNotNull();
            return (Map<String, Object>) new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            assertThat(current).as("has %s", key).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    private static Object required(Map<String, Object> doc, String schema) {
        return at(doc, "components", "schemas", schema).getOrDefault("required", List.of());
    }

    private static String bodyRef(Map<String, Object> doc, String path, String method) {
        return (String) at(doc, "paths", path, method, "requestBody", "content", "application/json", "schema").get("$ref");
    }

    @Test
    void requestRecordsCarryTheirRequiredFields() throws IOException {
        Map<String, Object> doc = document();
        assertThat(bodyRef(doc, "/environment", "post")).isEqualTo("#/components/schemas/EnvironmentRequest");
        assertThat(required(doc, "EnvironmentRequest")).isEqualTo(List.of("name"));
        assertThat(at(doc, "components", "schemas", "EnvironmentRequest", "properties", "name")).containsEntry("maxLength", 100);
        assertThat(bodyRef(doc, "/environment/{id}", "patch")).isEqualTo("#/components/schemas/EnvironmentRenameRequest");
        assertThat(required(doc, "EnvironmentRenameRequest")).isEqualTo(List.of("name"));
        assertThat(bodyRef(doc, "/integration", "post")).isEqualTo("#/components/schemas/IntegrationRequest");
        assertThat((List<String>) required(doc, "IntegrationRequest")).containsExactlyInAnyOrder("name", "category");
        assertThat(bodyRef(doc, "/environment-integration", "post")).isEqualTo("#/components/schemas/EnvironmentIntegrationRequest");
        assertThat(required(doc, "EnvironmentIntegrationRequest")).isEqualTo(List.of("integration_id"));
        assertThat(bodyRef(doc, "/team/{id}", "put")).isEqualTo("#/components/schemas/TeamRequest");
        assertThat(required(doc, "TeamRequest")).as("PUT /team is a partial update").isEqualTo(List.of());
        assertThat(at(doc, "components", "schemas", "TeamRequest", "properties")).containsKeys("is_verified", "tos_link", "created_at");
    }

    @Test
    void patchBodiesRequireNothing() throws IOException {
        Map<String, Object> doc = document();
        assertThat(required(doc, "IntegrationPatchRequest")).isEqualTo(List.of());
        assertThat(required(doc, "EnvironmentIntegrationPatchRequest")).isEqualTo(List.of());
    }
}
