package io.patchbay.catalog.adapter.in.web;

import io.micronaut.http.HttpParameters;
import io.patchbay.kernel.error.Problems;

import java.util.ArrayList;
import java.util.List;

/** Query parameter reading shared by the controllers: integers in range, multi-value parameters ({@code x=a&x=b}, {@code x[]=a}). */
final class Queries {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Queries() {
    }

    static int limit(String value) {
        return value == null ? DEFAULT_LIMIT : intIn(value, "limit", 1, MAX_LIMIT);
    }

    static int offset(String value) {
        return value == null ? 0 : intIn(value, "offset", 0, Integer.MAX_VALUE);
    }

    static int intIn(String value, String name, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw Problems.validation(name, "must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problems.validation(name, "must be an integer, was '" + (value.length() > 40 ? value.substring(0, 40) : value) + "'");
        }
    }

    /** All values of {@code name} and {@code name[]}; with {@code splitCommas}, comma-separated values too. Blank values are dropped. */
    static List<String> multi(HttpParameters params, String name, boolean splitCommas) {
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
}
