package io.patchbay.config.adapter.out.persistence;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The key of {@code team_member}. */
@Embeddable
record TeamMemberKey(@MappedProperty("team_id") String teamId, @MappedProperty("user_id") String userId) {
}
