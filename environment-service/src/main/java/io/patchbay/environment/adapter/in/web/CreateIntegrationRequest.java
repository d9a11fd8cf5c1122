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
 * POST /integration. {@code config} is free-form configuration (validated by the domain's {@code Configs}), taken as JSON
 * and turned into a tree at the edge; {@code sharing} is parsed at the edge.
 */
@RequestRecord
@Serdeable
@Schema(name = "IntegrationRequest")
record CreateIntegrationRequest(
        @NotBlank @Schema(pattern = "[a-z0-9][a-z0-9_-]{1,63}") String name,
        @NotBlank @Schema(example = "helpdesk") String category,
        @JsonProperty("is_beta") @Nullable Boolean isBeta,
        @Nullable @Schema(implementation = Map.class, description = "base config (known keys only; at most 256 KiB)") JsonNode config,
        @Nullable @Schema(allowableValues = {"allow", "ask", "deny"}, defaultValue = "allow") String sharing,
        @JsonProperty("team_id") @Nullable @Schema(description = Requests.ACTING_TEAM) String teamId) {
}
