package io.patchbay.catalog.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.Map;

/** Update Integration (v4), a full replace: {@code type} may be sent only unchanged; {@code configuration_id} left out keeps the link (the controller reads that from the tree). */
@RequestRecord
@Serdeable
record UpdateIntegrationV4Request(
        @NotBlank String name,
        @Nullable String type,
        @JsonProperty("connector_id") @Nullable String connectorId,
        @JsonProperty("integration_config") @NotNull Map<String, @NotNull String> integrationConfig,
        @JsonProperty("secret_store_config") @Valid @Nullable SecretStoreConfigRequest secretStoreConfig,
        @JsonProperty("connected_resource_types") @Nullable List<String> connectedResourceTypes,
        @JsonProperty("custom_access_details") @Nullable String customAccessDetails,
        @Valid @Nullable OwnerRequest owner,
        @JsonProperty("owners_mapping") @Valid @Nullable OwnersMappingRequest ownersMapping,
        @JsonProperty("configuration_id") @Nullable String configurationId) implements IntegrationV4Body {
}
