package io.patchbay.config.adapter.in.web;

import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;
import jakarta.validation.constraints.NotBlank;

/** {@code PUT /v1/teams/{teamId}/members/{userId}}: the member's role ({@code OWNER}, {@code MEMBER} …). */
@RequestRecord
@Serdeable
public record PutMemberRequest(@NotBlank String role) {
}
