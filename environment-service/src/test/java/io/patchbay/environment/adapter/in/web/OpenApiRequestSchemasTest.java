package io.patchbay.environment.adapter.in.web;

import io.patchbay.test.OpenApiDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes the request records: each body operation refers to its schema,
 * whose {@code required} lists exactly the fields the record's constraints require; the PATCH bodies (JsonNode, where absent
 * and null differ) require nothing.
 */
class OpenApiRequestSchemasTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.of("environment-service");

    @Test
    void requestRecordsCarryTheirRequiredFields() {
        assertThat(DOCUMENT.bodySchema("post", "/environment")).isEqualTo("EnvironmentRequest");
        assertThat(DOCUMENT.required("EnvironmentRequest")).isEqualTo(List.of("name"));
        assertThat(OpenApiDocument.at(DOCUMENT.properties("EnvironmentRequest"), "name")).containsEntry("maxLength", 100);
        assertThat(DOCUMENT.bodySchema("patch", "/environment/{id}")).isEqualTo("EnvironmentRenameRequest");
        assertThat(DOCUMENT.required("EnvironmentRenameRequest")).isEqualTo(List.of("name"));
        assertThat(DOCUMENT.bodySchema("post", "/integration")).isEqualTo("IntegrationRequest");
        assertThat(DOCUMENT.required("IntegrationRequest")).containsExactlyInAnyOrder("name", "category");
        assertThat(DOCUMENT.bodySchema("post", "/environment-integration")).isEqualTo("EnvironmentIntegrationRequest");
        assertThat(DOCUMENT.required("EnvironmentIntegrationRequest")).isEqualTo(List.of("integration_id"));
        assertThat(DOCUMENT.bodySchema("put", "/team/{id}")).isEqualTo("TeamRequest");
        assertThat(DOCUMENT.required("TeamRequest")).as("PUT /team is a partial update").isEqualTo(List.of());
        assertThat(DOCUMENT.properties("TeamRequest")).containsKeys("is_verified", "tos_link", "created_at");
    }

    @Test
    void patchBodiesRequireNothing() {
        assertThat(DOCUMENT.required("IntegrationPatchRequest")).isEqualTo(List.of());
        assertThat(DOCUMENT.required("EnvironmentIntegrationPatchRequest")).isEqualTo(List.of());
    }
}
