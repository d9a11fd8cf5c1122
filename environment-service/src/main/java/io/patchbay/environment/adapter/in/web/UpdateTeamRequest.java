package io.patchbay.environment.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * PUT /team/{id}: a partial update (absent fields keep their values), so clients can send the object they read: {@code id}
 * must then be the path's, {@code created_at}/{@code updated_at} are accepted and ignored.
 */
@RequestRecord
@Serdeable
@Schema(name = "TeamRequest")
record UpdateTeamRequest(
        @Nullable @Schema(description = "the team id of the path, when given") String id,
        @Nullable @Size(max = 200, message = "must be at most 200 characters") String name,
        @Nullable @Size(max = 255, message = "must be at most 255 characters") String domain,
        @Nullable @Size(max = 2048, message = "must be at most 2048 characters") String logo,
        @JsonProperty("is_verified") @Nullable Boolean isVerified,
        @JsonProperty("is_white_label") @Nullable Boolean isWhiteLabel,
        @JsonProperty("tos_link") @Nullable @Size(max = 2048, message = "must be at most 2048 characters") String tosLink,
        @JsonProperty("allow_impersonation") @Nullable Boolean allowImpersonation,
        @JsonProperty("created_at") @Nullable @Schema(description = "ignored") String createdAt,
        @JsonProperty("updated_at") @Nullable @Schema(description = "ignored") String updatedAt) {
}
