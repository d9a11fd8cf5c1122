package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.environment.application.port.out.Visibility;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.UnstorableTextException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Shared bits of the persistence adapters: timestamps, keyset pages, visibility parameters, what a failed write means. */
final class Rows {
    private Rows() {
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static Instant afterCreatedAt(PageKey after) {
        return after == null ? null : instant(after.createdAt());
    }

    static UUID afterId(PageKey after) {
        return after == null ? null : after.id();
    }

    /** The environment an environment-scoped caller sees, or null. */
    static UUID scope(Visibility visibility) {
        return visibility.environment().orElse(null);
    }

    /** The teams an unscoped caller sees, or null when it sees every team (an admin) or is scoped to one environment. */
    static String[] teams(Visibility visibility) {
        return visibility.all() || visibility.environment().isPresent() ? null : visibility.teamIds().toArray(String[]::new);
    }

    /** Rows fetched with {@code limit + 1}: the page and the key after it when there are more. */
    static <T> Page<T> page(List<T> rows, int limit, Function<T, PageKey> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, Optional.of(key.apply(page.getLast())));
    }

    /** A foreign key violation (SQLSTATE 23503) anywhere in the causes: what the row references was deleted meanwhile. */
    static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && "23503".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static RuntimeException referenceGone(String what) {
        return Problems.conflict(what + " was deleted meanwhile");
    }
}
