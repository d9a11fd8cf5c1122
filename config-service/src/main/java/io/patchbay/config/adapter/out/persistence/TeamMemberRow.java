package io.patchbay.config.adapter.out.persistence;

import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code team_member}: a user's role in a team, as the identity system reports it. */
@MappedEntity("team_member")
record TeamMemberRow(@EmbeddedId TeamMemberKey id, String role, Instant updatedAt, String updatedBy) {
}
