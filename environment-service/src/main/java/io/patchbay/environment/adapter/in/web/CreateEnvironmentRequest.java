package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /environment. */
@RequestRecord
@Serdeable
@Schema(name = "EnvironmentRequest")
record CreateEnvironmentRequest(
        @NotBlank @Size(max = 100, message = "must be at most 100 characters") String name,
        @JsonProperty("team_id") @Nullable @Schema(description = Requests.ACTING_TEAM) String teamId) {
}
