package io.patchbay.config.domain;

import java.util.Objects;

/** A team as the identity system reports it: its slug and plan. */
public record Team(String id, String slug, Plan plan) {
    public Team {
        Objects.requireNonNull(id);
        Objects.requireNonNull(plan);
    }
}
