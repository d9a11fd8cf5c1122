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

/** Update integration (v2), a full replace: {@code type} may be sent only unchanged; {@code configuration_id} left out keeps the link (the controller reads that from the tree). */
@RequestRecord
@Serdeable
record UpdateIntegrationV2Request(
        @NotBlank String name,
        @Nullable String type,
        @JsonProperty("provisioner_id") @Nullable String provisionerId,
        @NotNull Map<String, @NotNull String> metadata,
        @JsonProperty("secret_config") @Valid @Nullable SecretConfigV2Request secretConfig,
        @JsonProperty("connected_resource_types") @Nullable List<String> connectedResourceTypes,
        @JsonProperty("custom_access_details") @Nullable String customAccessDetails,
        @JsonProperty("configuration_id") @Nullable String configurationId) implements IntegrationV2Body {
}
