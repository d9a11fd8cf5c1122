package io.patchbay.catalog.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;

/** v4's {@code owners_mapping}. */
@RequestRecord
@Serdeable
record OwnersMappingRequest(@JsonProperty("key_name") @NotBlank(message = IntegrationBodies.REQUIRED) String keyName,
                            @JsonProperty("attribute_type") @NotBlank(message = IntegrationBodies.REQUIRED) String attributeType,
                            @JsonProperty("source_integration_reference") @Nullable String sourceIntegrationReference) {
}
