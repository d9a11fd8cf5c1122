package io.patchbay.config.adapter.in.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.patchbay.kernel.infra.web.request.RequestRecord;

/** {@code PUT /v1/teams/{teamId}}: the team's slug and plan as the identity system reports them; absent ones stay. */
@RequestRecord
@Serdeable
public record PutTeamRequest(@Nullable String slug, @Nullable String plan) {
}
