package io.patchbay.kernel.infra.web.request;

import io.patchbay.kernel.error.Texts;
import io.micronaut.http.HttpParameters;
import io.patchbay.kernel.error.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Query parameters other than ids: integers in a range, booleans, multi-value lists, the set of known names. */
public final class QueryParams {
    private QueryParams() {
    }

    /** An integer from {@code min} to {@code max}; else 400 naming {@code name}. */
    public static int intIn(String value, String name, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.validation(name, "must be an integer from " + min + " to " + max + ", was '" + Texts.truncate(value) + "'");
    }

    /** {@code offset}: 0 when absent. */
    public static int offset(String value) {
        return value == null ? 0 : intIn(value, "offset", 0, Integer.MAX_VALUE);
    }

    /** {@code true} or {@code false}; null when absent; else 400 naming {@code name}. */
    public static Boolean bool(String value, String name) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.validation(name, "must be true or false, was '" + Texts.truncate(value) + "'");
        };
    }

    /** All values of {@code name} and {@code name[]}; with {@code splitCommas}, comma-separated values too. Blank values are dropped. */
    public static List<String> multi(HttpParameters params, String name, boolean splitCommas) {
        List<String> out = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            for (String v : params.getAll(key)) {
                if (splitCommas) {
                    for (String part : v.split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.trim());
                        }
                    }
                } else if (!v.isBlank()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** Text PostgreSQL can store (no NUL characters), at most {@code max} characters; else 400 naming {@code name}. */
    public static String text(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw Problems.validation(name, "must be at most " + max + " characters");
        }
        return storable(value, name);
    }

    /** A free-text filter or field stored as PostgreSQL text, which cannot hold NUL characters (400, not a database error). */
    public static String storable(String value, String name) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw Problems.validation(name, "must not contain NUL (\\u0000) characters");
        }
        return value;
    }

    /** Unknown query parameters are 400 naming them, so a misspelt filter does not silently return everything. */
    public static void onlyKnown(HttpParameters params, String... known) {
        Set<String> names = Set.of(known);
        for (String name : params.names()) {
            if (!names.contains(name)) {
                throw Problems.validation(name, "is not a known query parameter (known: " + String.join(", ", known) + ")");
            }
        }
    }
}
