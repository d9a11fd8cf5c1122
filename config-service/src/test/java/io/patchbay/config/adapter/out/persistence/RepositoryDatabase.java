package io.patchbay.config.adapter.out.persistence;

import io.micronaut.context.BeanContext;
import io.micronaut.data.annotation.Query;
import io.micronaut.inject.ExecutableMethod;
import io.patchbay.test.TestInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A fresh config-service database (the real migrations, run by the service's Flyway) for one repository test class, with
 * plain JDBC beside the repositories and the plans of the statements they send.
 */
final class RepositoryDatabase {
    private final TestInfra infra = TestInfra.get();
    private final String jdbcUrl;

    RepositoryDatabase(String prefix) {
        this.jdbcUrl = infra.newDatabase(prefix);
    }

    /** The service on this database, without its HTTP server's work, consumers or background jobs. */
    Map<String, String> properties() {
        Map<String, String> props = new HashMap<>(infra.micronautProperties(jdbcUrl));
        props.put("patchbay.consumer.enabled", "false");
        props.put("patchbay.deletion.job.enabled", "false");
        return props;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    List<String> strings(String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The SQL a repository method sends, as Micronaut Data compiled it (native queries with their parameters as '?'). */
    static String sqlOf(BeanContext context, Class<?> repository, String method) {
        List<ExecutableMethod<?, ?>> found = context.getBeanDefinition(repository).getExecutableMethods().stream()
                .filter(m -> m.getMethodName().equals(method)).<ExecutableMethod<?, ?>>map(m -> m).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(repository.getSimpleName() + "." + method + ": " + found.size() + " methods");
        }
        var metadata = found.getFirst().getAnnotationMetadata();
        return metadata.stringValue(Query.class, "rawQuery").or(() -> metadata.stringValue(Query.class)).orElseThrow();
    }

    /**
     * The plan of {@code sql} run with these values (what a call with them gets), with sequential scans off in the same
     * transaction.
     */
    String plan(String sql, Object... values) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                st.execute("SET LOCAL enable_seqscan = off");
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * The generic plan PostgreSQL makes for {@code sql} (what a server-prepared statement runs, whatever the values) with
     * sequential scans off in the same transaction: an index the statement can use shows up.
     */
    String genericPlan(String sql) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(ch);
            }
        }
        Properties simple = new Properties();
        simple.setProperty("user", infra.user());
        simple.setProperty("password", infra.password());
        simple.setProperty("preferQueryMode", "simple"); // the parameters stay $n: nothing is bound, PostgreSQL plans for any value
        try (Connection c = DriverManager.getConnection(jdbcUrl, simple)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL enable_seqscan = off");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery("EXPLAIN (GENERIC_PLAN) " + numbered)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                c.rollback();
            }
        }
    }
}
