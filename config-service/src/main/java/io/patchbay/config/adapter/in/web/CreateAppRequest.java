package io.patchbay.config.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * {@code POST /v1/integrations/apps}. {@code slug} and {@code name} are required, but checked by the use case after the
 * caller is known to be an admin (a non-admin hears 403 whatever the body), so they are documented as required rather
 * than constrained here.
 */
@RequestRecord
@Serdeable
public record CreateAppRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String slug,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
                               @Nullable String icon, @Nullable List<String> scopes, @Nullable Boolean marketplace,
                               @Nullable String partnerTeamId, @Nullable String requiredPlan, @Nullable Boolean available,
                               @JsonProperty("isLegacy") @Nullable Boolean legacy, @Nullable String webhookUrl) {
}
