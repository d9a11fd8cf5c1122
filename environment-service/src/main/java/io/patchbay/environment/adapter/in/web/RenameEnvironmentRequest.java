package io.patchbay.environment.adapter.in.web;

import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** PATCH /environment/{id}: the only thing an environment's PATCH changes is its name, which it requires. */
@RequestRecord
@Serdeable
@Schema(name = "EnvironmentRenameRequest")
record RenameEnvironmentRequest(@NotBlank @Size(max = 100, message = "must be at most 100 characters") String name) {
}
