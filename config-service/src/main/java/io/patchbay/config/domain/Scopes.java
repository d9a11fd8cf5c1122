package io.patchbay.config.domain;

import io.patchbay.kernel.error.DomainException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Scope strings: {@code (read|read-write):<resource>}. */
public final class Scopes {
    public static final Pattern PATTERN = Pattern.compile("(read|read-write):[a-z0-9-]+");

    private Scopes() {
    }

    /** Checks the format of every scope and removes duplicates (order kept). */
    public static List<String> validFormat(List<String> scopes, String field) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (scope == null || !PATTERN.matcher(scope).matches()) {
                throw new DomainException.InvalidValue(field + "[" + i + "]", "must match (read|read-write):[a-z0-9-]+, was '" + scope + "'");
            }
            unique.add(scope);
        }
        return List.copyOf(unique);
    }
}
