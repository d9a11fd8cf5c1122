package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/**
 * The PATCH bodies as the OpenAPI document describes them. They stay {@code JsonNode} read with the kernel's
 * {@code JsonBody}: an absent {@code config}/{@code override} keeps the stored one where {@code null} clears it, which a
 * record cannot tell apart (README, "Request bodies"); these records only document the shapes. The other bodies are
 * request records ({@code CreateEnvironmentRequest} …).
 */
final class Requests {
    static final String ACTING_TEAM = "acting team; else X-Team-Id, else the caller's only team";

    private Requests() {
    }

    @Schema(name = "IntegrationPatchRequest")
    record IntegrationPatch(@Nullable String name, @Nullable String category, @JsonProperty("is_beta") @Nullable Boolean isBeta,
                            @Nullable @Schema(description = "replaces the stored config; \"********\" keeps a stored secret")
                            Map<String, Object> config,
                            @Nullable @Schema(allowableValues = {"allow", "ask", "deny"}) String sharing) {
    }

    @Schema(name = "EnvironmentIntegrationPatchRequest")
    record InstallPatch(@JsonProperty("show_in_catalog") @Nullable Boolean showInCatalog,
                        @JsonProperty("is_enabled") @Nullable Boolean isEnabled, @Nullable @Schema(description = "replaces the stored override as a whole; {} or null clears it; "
                                + "a top-level null slot is dropped") Map<String, Object> override) {
    }
}
