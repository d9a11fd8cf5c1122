package io.patchbay.kernel.infra.jdbc;

import java.util.Collection;
import java.util.function.Function;

/**
 * One column of a set-based statement ({@code UPDATE … FROM unnest(?::text[], …)}, {@code INSERT … SELECT FROM unnest}):
 * the rows' values as text, in the rows' order, {@code null} kept.
 */
public final class Columns {
    private Columns() {
    }

    public static <T> String[] of(Collection<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
