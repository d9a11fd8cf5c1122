package io.patchbay.oauth.adapter.in.web;

import io.patchbay.test.OpenApiDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes the request record of POST /__api__/v1/oauth/integrations: the
 * operation refers to its schema, whose {@code required} lists what the record's constraints require.
 */
class OpenApiRequestSchemasTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.of("oauth-service");

    @Test
    void theCreateRequestCarriesItsRequiredFields() {
        assertThat(DOCUMENT.bodySchema("post", "/__api__/v1/oauth/integrations")).isEqualTo("CreateIntegrationRequest");
        assertThat(DOCUMENT.required("CreateIntegrationRequest")).isEqualTo(List.of("template"));
        assertThat(DOCUMENT.properties("CreateIntegrationRequest")).containsOnlyKeys("name", "description", "template", "config", "configuration_id");
    }

    @Test
    void theAssociationsPutIsAnArrayOfRecords() {
        Map<String, Object> body = DOCUMENT.body("put", "/__api__/v1/content/{content_guid}/oauth/integrations/associations");
        assertThat(body).containsEntry("type", "array");
        assertThat(OpenApiDocument.at(body, "items")).containsEntry("$ref", "#/components/schemas/AssociationRequest");
        assertThat(DOCUMENT.required("AssociationRequest")).isEqualTo(List.of("oauth_integration_guid"));
    }
}
