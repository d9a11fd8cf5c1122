package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;

/** One element of the associations PUT's body, a JSON array: {@code [{"oauth_integration_guid": "…"}]}. */
@RequestRecord
@Serdeable
public record AssociationRequest(@JsonProperty("oauth_integration_guid") @Nullable @NotBlank String oauthIntegrationGuid) {
}
