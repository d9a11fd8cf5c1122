package io.patchbay.config.adapter.in.web;

import io.patchbay.test.OpenApiDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes the typed request bodies: each operation's request schema is the
 * request record's, with its required fields; only the merge-style PATCH bodies stay free-form.
 */
class OpenApiRequestSchemasTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.of("config-service");

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
        assertThat(DOCUMENT.bodySchema("patch", "/v1/integrations/configuration/{id}")).isEqualTo("JsonNode");
        assertThat(DOCUMENT.bodySchema("patch", "/v1/integrations/apps/{idOrSlug}")).isEqualTo("JsonNode");
        assertThat(DOCUMENT.bodySchema("patch", "/v1/installations/{id}")).isEqualTo("JsonNode");
        assertThat(DOCUMENT.bodySchema("post", "/v1/integrations/configuration/{id}/disable")).isEqualTo("DisableConfigurationRequest");
        assertThat(DOCUMENT.bodySchema("put", "/v1/teams/{teamId}")).isEqualTo("PutTeamRequest");
    }

    private static List<String> required(String method, String path) {
        return DOCUMENT.required(DOCUMENT.bodySchema(method, path));
    }

    private static java.util.Set<String> properties(String method, String path) {
        return DOCUMENT.properties(DOCUMENT.bodySchema(method, path)).keySet();
    }
}
