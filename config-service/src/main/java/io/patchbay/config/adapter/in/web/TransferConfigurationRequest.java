package io.patchbay.config.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;

/** {@code POST /v1/integrations/configuration/{id}/transfer}: the new acting user, and optionally the team to move into. */
@RequestRecord
@Serdeable
public record TransferConfigurationRequest(@NotBlank String userId, @Nullable String teamId) {
}
