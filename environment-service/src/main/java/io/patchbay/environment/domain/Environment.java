package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;

import java.util.UUID;

/** A team's environment (development, staging, production, …); the name is unique per team. */
public record Environment(UUID id, String teamId, String name, long version, long createdAt, long updatedAt, String createdBy,
                          String updatedBy) {
    public static final int MAX_NAME = 100;

    public static String checkName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw new DomainException.InvalidValue(field, "must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw new DomainException.InvalidValue(field, "must be at most " + MAX_NAME + " characters");
        }
        if (!name.equals(name.strip())) {
            throw new DomainException.InvalidValue(field, "must not start or end with whitespace");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException.InvalidValue(field, "must not contain control characters");
        }
        return name;
    }

    public Environment rename(String newName, long now, String by) {
        return new Environment(id, teamId, checkName(newName, "name"), version + 1, createdAt, now, createdBy, by);
    }
}
