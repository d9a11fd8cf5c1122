package io.patchbay.environment.api;

import io.patchbay.test.TestInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A fresh environment-service database for one test class, and direct SQL to check what was (not) written. */
final class TestDatabase {
    private final TestInfra infra = TestInfra.get();
    private final String jdbcUrl;

    TestDatabase(String prefix) {
        this.jdbcUrl = infra.newDatabase(prefix);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The service's properties for this database, with a consumer group of its own (each class reads the topic afresh). */
    Map<String, String> serviceProperties() {
        Map<String, String> props = new HashMap<>(infra.micronautProperties(jdbcUrl));
        props.put("patchbay.consumer.group-id", "environment-service-" + UUID.randomUUID());
        return props;
    }

    /** The first column of the only row of {@code sql} as a number. */
    long number(String sql, Object... params) {
        return Long.parseLong(text(sql, params));
    }

    /** The first column of the only row of {@code sql}. */
    String text(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
