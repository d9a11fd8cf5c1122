package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The request bodies as the OpenAPI document describes them. Controllers read bodies field by field through the kernel's
 * {@code JsonBody} (so each bad field is a 400 naming it); these records only document the shapes.
 */
final class Requests {
    private static final String ACTING_TEAM = "acting team; else X-Team-Id, else the caller's only team";

    private Requests() {
    }

    @Schema(name = "EnvironmentRequest")
    record Environment(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
                       @JsonProperty("team_id") @Schema(description = ACTING_TEAM) String teamId) {
    }

    @Schema(name = "EnvironmentRenameRequest")
    record EnvironmentRename(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name) {
    }

    @Schema(name = "IntegrationRequest")
    record Integration(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "[a-z0-9][a-z0-9_-]{1,63}") String name,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "helpdesk") String category,
                       @JsonProperty("is_beta") Boolean isBeta,
                       @Schema(description = "base config (known keys only; at most 256 KiB)") Map<String, Object> config,
                       @Schema(allowableValues = {"allow", "ask", "deny"}, defaultValue = "allow") String sharing,
                       @JsonProperty("team_id") @Schema(description = ACTING_TEAM) String teamId) {
    }

    @Schema(name = "IntegrationPatchRequest")
    record IntegrationPatch(String name, String category, @JsonProperty("is_beta") Boolean isBeta,
                            @Schema(description = "replaces the stored config; \"********\" keeps a stored secret")
                            Map<String, Object> config,
                            @Schema(allowableValues = {"allow", "ask", "deny"}) String sharing) {
    }

    @Schema(name = "EnvironmentIntegrationRequest")
    record Install(@JsonProperty("integration_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
                   String integrationId,
                   @JsonProperty("environment_id") @Schema(format = "uuid", description = "implied by an environment-scoped token")
                   String environmentId,
                   @JsonProperty("is_enabled") @Schema(defaultValue = "true") Boolean isEnabled,
                   @JsonProperty("show_in_catalog") @Schema(defaultValue = "true") Boolean showInCatalog,
                   @Schema(description = "override of the integration's config (default {})") Map<String, Object> override,
                   @JsonProperty("configuration_id") @Schema(description = "a config-service configuration (checked with the caller's token)")
                   String configurationId) {
    }

    @Schema(name = "EnvironmentIntegrationPatchRequest")
    record InstallPatch(@JsonProperty("show_in_catalog") Boolean showInCatalog, @JsonProperty("is_enabled") Boolean isEnabled,
                        @Schema(description = "replaces the stored override as a whole; {} or null clears it; "
                                + "a top-level null slot is dropped") Map<String, Object> override) {
    }

    @Schema(name = "TeamRequest")
    record Team(String id, String name, String domain, String logo, @JsonProperty("is_verified") Boolean isVerified,
                @JsonProperty("is_white_label") Boolean isWhiteLabel, @JsonProperty("tos_link") String tosLink,
                @JsonProperty("allow_impersonation") Boolean allowImpersonation) {
    }
}
