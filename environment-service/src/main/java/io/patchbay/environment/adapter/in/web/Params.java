package io.patchbay.environment.adapter.in.web;

import io.micronaut.http.HttpRequest;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.error.Texts;
import io.patchbay.kernel.id.Ids;
import io.patchbay.kernel.paging.CursorCodec;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks path ids, query parameters and headers before they reach a use case (malformed → 400 naming them). */
final class Params {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    private static final Pattern UUID_TEXT = Ids.UUID_TEXT;
    private static final Pattern TEAM = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern CONFIGURATION = Ids.pattern("icfg_", 24);

    private Params() {
    }

    static UUID uuid(String value, String field) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw Problems.validation(field, "must be a UUID, was '" + Texts.truncate(value) + "'");
        }
        return UUID.fromString(value);
    }

    static UUID optionalUuid(String value, String field) {
        return value == null ? null : uuid(value, field);
    }

    static String team(String value, String field) {
        if (value == null || !TEAM.matcher(value).matches()) {
            throw Problems.validation(field, "must be a team id (1 to 64 letters, digits, _ or -), was '" + Texts.truncate(value) + "'");
        }
        return value;
    }

    static String optionalTeam(String value, String field) {
        return value == null ? null : team(value, field);
    }

    static String configuration(String value, String field) {
        if (!CONFIGURATION.matcher(value).matches()) {
            throw Problems.validation(field, "must be a configuration id (icfg_ and 24 letters or digits), was '"
                    + Texts.truncate(value) + "'");
        }
        return value;
    }

    static Boolean bool(String value, String field) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.validation(field, "must be true or false, was '" + Texts.truncate(value) + "'");
        };
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.validation("limit", "must be an integer from 1 to " + MAX_LIMIT + ", was '" + Texts.truncate(value) + "'");
    }

    static PageKey cursor(CursorCodec codec, String value) {
        if (value == null) {
            return null;
        }
        List<String> parts = codec.decode(value, "next_cursor", 2);
        try {
            return new PageKey(Long.parseLong(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (IllegalArgumentException e) {
            throw Problems.validation("next_cursor", "is not a valid cursor");
        }
    }

    static String encode(CursorCodec codec, PageKey key) {
        return codec.encode(List.of(Long.toString(key.createdAt()), key.id().toString()));
    }

    /** Unknown query parameters are 400 naming them, so a misspelt filter does not silently return everything. */
    static void onlyKnown(HttpRequest<?> request, String... known) {
        Set<String> names = Set.of(known);
        for (String name : request.getParameters().names()) {
            if (!names.contains(name)) {
                throw Problems.validation(name, "is not a known query parameter (known: " + String.join(", ", known) + ")");
            }
        }
    }

    static String text(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw Problems.validation(field, "must be at most " + max + " characters");
        }
        return filter(value, field);
    }

    /** A free-text filter or field stored as PostgreSQL text, which cannot hold NUL characters (400, not a database error). */
    static String filter(String value, String field) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw Problems.validation(field, "must not contain NUL (\\u0000) characters");
        }
        return value;
    }
}
