package io.patchbay.catalog.domain;

import io.patchbay.kernel.error.DomainException;

import java.util.Locale;

/**
 * Apono's wildcard filters: {@code *x*} contains, {@code x*} prefix, {@code *x} suffix, no {@code *} exact;
 * case-insensitive; {@code %}, {@code _} and {@code \} match themselves. Made into a lower-case SQL LIKE pattern with
 * the default escape character (backslash).
 */
public final class NameFilter {
    public static final int MAX_LENGTH = 200;

    private NameFilter() {
    }

    public static String likePattern(String wildcard, String field) {
        if (wildcard.length() > MAX_LENGTH) {
            throw new DomainException.InvalidValue(field, "must be at most " + MAX_LENGTH + " characters");
        }
        StringBuilder like = new StringBuilder();
        for (char c : wildcard.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> like.append('%');
                case '%', '_', '\\' -> like.append('\\').append(c);
                default -> like.append(c);
            }
        }
        return like.toString();
    }

    /** The same match in plain Java (for in-memory stores). */
    public static boolean matches(String wildcard, String value) {
        String regex = "(?s)" + java.util.Arrays.stream(wildcard.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(java.util.regex.Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
        return value.toLowerCase(Locale.ROOT).matches(regex);
    }
}
