package io.patchbay.oauth.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes the request record of POST /__api__/v1/oauth/integrations: the
 * operation refers to its schema, whose {@code required} lists what the record's constraints require.
 */
class OpenApiRequestSchemasTest {
    private static final String DOCUMENT = "META-INF/swagger/oauth-service.yml";

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

    @Test
    void theCreateRequestCarriesItsRequiredFields() throws IOException {
        Map<String, Object> doc = document();
        assertThat(at(doc, "paths", "/__api__/v1/oauth/integrations", "post", "requestBody", "content", "application/json", "schema"))
                .containsEntry("$ref", "#/components/schemas/CreateIntegrationRequest");
        Map<String, Object> schema = at(doc, "components", "schemas", "CreateIntegrationRequest");
        assertThat(schema.get("required")).isEqualTo(List.of("template"));
        assertThat(at(schema, "properties")).containsOnlyKeys("name", "description", "template", "config", "configuration_id");
    }

    @Test
    void theAssociationsPutIsAnArrayOfRecords() throws IOException {
        Map<String, Object> doc = document();
        Map<String, Object> body = at(doc, "paths", "/__api__/v1/content/{content_guid}/oauth/integrations/associations", "put",
                "requestBody", "content", "application/json", "schema");
        assertThat(body).containsEntry("type", "array");
        assertThat(at(body, "items")).containsEntry("$ref", "#/components/schemas/AssociationRequest");
        assertThat(at(doc, "components", "schemas", "AssociationRequest").get("required")).isEqualTo(List.of("oauth_integration_guid"));
    }
}
