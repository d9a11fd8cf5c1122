package io.patchbay.config.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;

/** {@code POST /v1/integrations/configuration/{id}/disable}: an optional body; no reason is the caller's default one. */
@RequestRecord
@Serdeable
public record DisableConfigurationRequest(@Nullable String reason) {
}
