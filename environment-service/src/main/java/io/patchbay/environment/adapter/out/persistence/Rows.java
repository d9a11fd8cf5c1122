package io.patchbay.environment.adapter.out.persistence;

import io.patchbay.environment.application.port.out.Page;
import io.patchbay.environment.application.port.out.PageKey;
import io.patchbay.kernel.error.Problems;
import io.micronaut.data.exceptions.DataAccessException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Shared bits of the persistence adapters. */
final class Rows {
    private Rows() {
    }

    static Instant instant(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** Rows fetched with {@code limit + 1}: the page and the key after it when there are more. */
    static <T> Page<T> page(List<T> rows, int limit, Function<T, PageKey> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, Optional.of(key.apply(page.getLast())));
    }

    /** Appends the keyset condition (newest first) for {@code alias}. */
    static void after(StringBuilder where, List<Object> params, String alias, PageKey after) {
        if (after != null) {
            where.append(" AND (").append(alias).append("created_at, ").append(alias).append("id) < (?, ?)");
            params.add(instant(after.createdAt()));
            params.add(after.id());
        }
    }

    /** A foreign key violation: what it references was deleted meanwhile. */
    static boolean isForeignKeyViolation(DataAccessException e) {
        return e.getCause() instanceof SQLException s && "23503".equals(s.getSQLState());
    }

    static RuntimeException referenceGone(String what) {
        return Problems.conflict(what + " was deleted meanwhile");
    }
}
