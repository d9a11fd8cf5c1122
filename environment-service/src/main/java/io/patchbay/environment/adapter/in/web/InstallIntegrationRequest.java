package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

import java.util.Map;

/**
 * POST /environment-integration. The ids are checked for shape at the edge (each a 400 naming its field); the override
 * is free-form configuration (validated by the domain as a partial config).
 */
@RequestRecord
@Serdeable
@Schema(name = "EnvironmentIntegrationRequest")
record InstallIntegrationRequest(
        @JsonProperty("integration_id") @NotBlank @Schema(format = "uuid") String integrationId,
        @JsonProperty("environment_id") @Nullable @Schema(format = "uuid", description = "implied by an environment-scoped token")
        String environmentId,
        @JsonProperty("is_enabled") @Nullable @Schema(defaultValue = "true") Boolean isEnabled,
        @JsonProperty("show_in_catalog") @Nullable @Schema(defaultValue = "true") Boolean showInCatalog,
        @Nullable @Schema(implementation = Map.class, description = "override of the integration's config (default {})") JsonNode override,
        @JsonProperty("configuration_id") @Nullable
        @Schema(description = "a config-service configuration (icfg_ and 24 letters or digits; checked with the caller's token)")
        String configurationId) {
}
