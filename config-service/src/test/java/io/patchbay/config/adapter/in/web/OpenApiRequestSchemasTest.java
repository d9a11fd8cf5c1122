package io.patchbay.config.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes the typed request bodies: each operation's request schema is the
 * request record's, with its required fields; only the merge-style PATCH bodies stay free-form.
 */
class OpenApiRequestSchemasTest {
    private static final Map<String, Object> DOCUMENT = load();

    @Test
    void typedBodiesCarryTheirRequiredFields() {
        assertThat(required("post", "/v1/integrations/configurations")).containsExactly("integrationIdOrSlug");
        assertThat(required("post", "/v1/integrations/configuration/{id}/transfer")).containsExactly("userId");
        assertThat(required("post", "/v1/webhooks")).containsExactlyInAnyOrder("url", "events");
        assertThat(required("put", "/v1/teams/{teamId}/members/{userId}")).containsExactly("role");
        assertThat(required("post", "/v1/integrations/apps")).containsExactlyInAnyOrder("slug", "name");
        assertThat(properties("post", "/v1/integrations/apps")).contains("isLegacy").doesNotContain("legacy");
        assertThat(properties("post", "/v1/integrations/configurations"))
                .containsExactlyInAnyOrder("integrationIdOrSlug", "scopes", "projectSelection", "projects", "source");
    }

    @Test
    void onlyThePatchBodiesStayFreeForm() {
        assertThat(schemaRef("patch", "/v1/integrations/configuration/{id}")).endsWith("/JsonNode");
        assertThat(schemaRef("patch", "/v1/integrations/apps/{idOrSlug}")).endsWith("/JsonNode");
        assertThat(schemaRef("patch", "/v1/installations/{id}")).endsWith("/JsonNode");
        assertThat(schemaRef("post", "/v1/integrations/configuration/{id}/disable")).endsWith("/DisableConfigurationRequest");
        assertThat(schemaRef("put", "/v1/teams/{teamId}")).endsWith("/PutTeamRequest");
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(String method, String path) {
        Object required = schema(method, path).get("required");
        return required == null ? List.of() : (List<String>) required;
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<String> properties(String method, String path) {
        return ((Map<String, Object>) schema(method, path).get("properties")).keySet();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String method, String path) {
        String name = schemaRef(method, path).substring("#/components/schemas/".length());
        return (Map<String, Object>) at(DOCUMENT, "components", "schemas", name);
    }

    private static String schemaRef(String method, String path) {
        return (String) at(DOCUMENT, "paths", path, method, "requestBody", "content", "application/json", "schema", "$ref");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            assertThat(current).as("%s in the OpenAPI document", String.join(" > ", keys)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        assertThat(current).as("%s in the OpenAPI document", String.join(" > ", keys)).isNotNull();
        return current;
    }

    private static Map<String, Object> load() {
        try (InputStream in = OpenApiRequestSchemasTest.class.getResourceAsStream("/META-INF/swagger/config-service.yml")) {
            assertThat(in).as("the generated OpenAPI document on the classpath").isNotNull();
            return new Yaml().load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
