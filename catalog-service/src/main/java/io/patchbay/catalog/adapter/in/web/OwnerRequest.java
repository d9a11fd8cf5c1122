package io.patchbay.catalog.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/** v4's {@code owner}: the source integration is named by id or name of one of the team's integrations. */
@RequestRecord
@Serdeable
record OwnerRequest(@JsonProperty("attribute_type") @NotBlank(message = IntegrationBodies.REQUIRED) String attributeType,
                    @JsonProperty("attribute_value") @NotEmpty(message = "is required: an array of at least one string") List<String> attributeValue,
                    @JsonProperty("source_integration_reference") @Nullable String sourceIntegrationReference) {
}
