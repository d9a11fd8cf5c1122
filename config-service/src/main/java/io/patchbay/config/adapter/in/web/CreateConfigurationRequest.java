package io.patchbay.config.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;

import java.util.List;

/** {@code POST /v1/integrations/configurations}: the app to install and the access asked for (enums parsed at the edge). */
@RequestRecord
@Serdeable
public record CreateConfigurationRequest(@NotBlank String integrationIdOrSlug, @Nullable List<String> scopes,
                                         @Nullable String projectSelection, @Nullable List<String> projects, @Nullable String source) {
}
