package io.patchbay.environment.domain;

import io.patchbay.kernel.error.DomainException;
import io.patchbay.kernel.error.Texts;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A team's integration: the base config of a third-party API. {@code config} is a JSON tree (maps, lists, strings,
 * numbers, booleans, nulls) whose secret values are sealed (see {@link ConfigSecrets}).
 */
public record Integration(UUID id, String teamId, String name, String category, boolean beta, Map<String, Object> config, Sharing sharing,
                          long version, long createdAt, long updatedAt, String createdBy, String updatedBy) {
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{1,63}");
    public static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public static String checkName(String name, String field) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new DomainException.InvalidValue(field, "must match [a-z0-9][a-z0-9_-]{1,63} (e.g. zendesk), was '" + Texts.truncate(name) + "'");
        }
        return name;
    }

    public static String checkCategory(String category, String field) {
        if (category == null || !CATEGORY.matcher(category).matches()) {
            throw new DomainException.InvalidValue(field, "must match [a-z0-9][a-z0-9_-]{0,63} (e.g. helpdesk, crm), was '" + Texts.truncate(category) + "'");
        }
        return category;
    }

    /** Everyone in the owning team reads it; others too unless sharing is {@code deny}. */
    public boolean readableByOutsiders() {
        return sharing != Sharing.DENY;
    }

    public Integration changed(String newName, String newCategory, Boolean newBeta, Map<String, Object> newConfig, Sharing newSharing,
                               long now, String by) {
        return new Integration(id, teamId, newName == null ? name : newName, newCategory == null ? category : newCategory,
                newBeta == null ? beta : newBeta, newConfig == null ? config : newConfig, newSharing == null ? sharing : newSharing,
                version + 1, createdAt, now, createdBy, by);
    }
}
