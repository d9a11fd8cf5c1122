package io.patchbay.config.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A team as the identity system reports it: its slug and plan. */
public record Team(String id, String slug, Plan plan) {
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    public Team {
        Objects.requireNonNull(id);
        Objects.requireNonNull(plan);
    }
}
