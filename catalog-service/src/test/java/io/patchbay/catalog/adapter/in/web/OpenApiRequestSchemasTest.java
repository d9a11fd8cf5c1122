package io.patchbay.catalog.adapter.in.web;

import io.patchbay.test.OpenApiDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document generated at build time describes every request body by its typed request record, with the
 * fields a request must carry listed as {@code required} (they were free-form objects while bodies were JSON trees).
 */
class OpenApiRequestSchemasTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.of("catalog-service");

    @Test
    void everyBodyHasARecordSchema() {
        assertThat(DOCUMENT.bodySchema("post", "/api/admin/v4/integrations")).isEqualTo("CreateIntegrationV4Request");
        assertThat(DOCUMENT.bodySchema("put", "/api/admin/v4/integrations/{id}")).isEqualTo("UpdateIntegrationV4Request");
        assertThat(DOCUMENT.bodySchema("post", "/api/v2/integrations")).isEqualTo("CreateIntegrationV2Request");
        assertThat(DOCUMENT.bodySchema("put", "/api/v2/integrations/{id}")).isEqualTo("UpdateIntegrationV2Request");
        assertThat(DOCUMENT.bodySchema("put", "/api/admin/v3/connectors/{id}")).isEqualTo("UpdateConnectorRequest");
        assertThat(DOCUMENT.bodySchema("put", "/api/v3/integrations/resources/{resource_id}/user-tags")).isEqualTo("UpdateResourceTagsRequest");
    }

    @Test
    void theSchemasListTheirRequiredFieldsByWireName() {
        assertThat(DOCUMENT.required("CreateIntegrationV4Request")).containsExactlyInAnyOrder("name", "type", "integration_config");
        assertThat(DOCUMENT.required("UpdateIntegrationV4Request")).as("type may be left out of a replace")
                .containsExactlyInAnyOrder("name", "integration_config");
        assertThat(DOCUMENT.required("CreateIntegrationV2Request")).containsExactlyInAnyOrder("name", "type", "metadata");
        assertThat(DOCUMENT.required("UpdateConnectorRequest")).containsExactly("name");
        assertThat(DOCUMENT.required("UpdateResourceTagsRequest")).containsExactly("tags");
        assertThat(DOCUMENT.required("OwnerRequest")).containsExactlyInAnyOrder("attribute_type", "attribute_value");
        assertThat(DOCUMENT.required("SecretStoreConfigRequest.Aws")).containsExactlyInAnyOrder("region", "secret_id");
        assertThat(DOCUMENT.properties("CreateIntegrationV4Request")).containsKeys("connector_id", "secret_store_config",
                "connected_resource_types", "custom_access_details", "owners_mapping", "configuration_id");
    }
}
