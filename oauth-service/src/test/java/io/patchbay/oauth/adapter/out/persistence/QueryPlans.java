package io.patchbay.oauth.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.data.annotation.Query;
import io.micronaut.inject.ExecutableMethod;
import io.patchbay.test.TestInfra;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plans of the statements the repositories send: the SQL is the one Micronaut Data compiled into the repository (its
 * {@code @Query}, generated or written), explained with sequential scans disabled in the same transaction, so a plan shows
 * whether an index can serve the query at all (and whether it also gives the order).
 */
final class QueryPlans {
    /** A named parameter of a written {@code @Query} (not a {@code ::type} cast). */
    private static final Pattern NAMED = Pattern.compile("(?<!:):[A-Za-z][A-Za-z0-9]*");

    private final BeanContext context;
    private final String jdbcUrl;

    QueryPlans(BeanContext context, String jdbcUrl) {
        this.context = context;
        this.jdbcUrl = jdbcUrl;
    }

    /** The SQL of {@code repository.method} as the repository sends it, parameters as {@code ?}. */
    String sql(Class<?> repository, String method) {
        List<ExecutableMethod<Object, ?>> found = new ArrayList<>();
        for (ExecutableMethod<?, ?> m : context.getBeanDefinition(repository).getExecutableMethods()) {
            if (m.getMethodName().equals(method)) {
                @SuppressWarnings("unchecked") ExecutableMethod<Object, ?> typed = (ExecutableMethod<Object, ?>) m;
                found.add(typed);
            }
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(repository.getSimpleName() + "." + method + ": " + found.size() + " methods");
        }
        String query = found.getFirst().stringValue(Query.class)
                .orElseThrow(() -> new IllegalArgumentException(repository.getSimpleName() + "." + method + " has no query"));
        return NAMED.matcher(query).replaceAll("?");
    }

    /** The plan of {@code sql} with {@code params} bound in order, with sequential scans off. */
    String explain(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password())) {
            c.setAutoCommit(false);
            try {
                c.createStatement().execute("SET LOCAL enable_seqscan = off");
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(i + 1, bindable(c, params[i]));
                    }
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    return plan.toString();
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Object bindable(Connection c, Object value) throws SQLException {
        return switch (value) {
            case Instant instant -> Timestamp.from(instant);
            case String[] texts -> c.createArrayOf("text", texts);
            case Long[] longs -> {
                Array array = c.createArrayOf("bigint", longs);
                yield array;
            }
            default -> value;
        };
    }
}
