package io.patchbay.oauth.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

import java.util.Map;

/**
 * POST /__api__/v1/oauth/integrations. {@code config} is the template's free-form configuration, taken as JSON and turned
 * into the validator's input at the edge (other JSON types than strings, booleans and null are reported by the template's
 * validator, naming the key); the name and description limits and the template's existence are the use case's.
 */
@RequestRecord
@Serdeable
@Schema(name = "CreateIntegrationRequest")
record CreateIntegrationRequest(
        @Nullable String name,
        @Nullable String description,
        @NotBlank @Schema(description = "a template key (GET /__api__/v1/oauth/templates)", example = "custom") String template,
        @Nullable @Schema(implementation = Map.class, description = "the template's fields: strings, booleans or null") JsonNode config,
        @JsonProperty("configuration_id") @Nullable
        @Schema(description = "a config-service configuration (icfg_ and 24 letters or digits; checked with the caller's token)")
        String configurationId) {
}
