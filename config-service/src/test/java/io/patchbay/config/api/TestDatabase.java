package io.patchbay.config.api;

import io.patchbay.test.TestInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fresh config-service database for one test class, with direct SQL for seeding large data sets and checking rows. */
final class TestDatabase {
    private final TestInfra infra = TestInfra.get();
    private final String jdbcUrl;

    TestDatabase(String prefix) {
        this.jdbcUrl = infra.newDatabase(prefix);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The service's properties for this database (the deletion job off, so tests see only their own changes). */
    Map<String, String> serviceProperties() {
        Map<String, String> props = new HashMap<>(infra.micronautProperties(jdbcUrl));
        props.put("patchbay.deletion.job.enabled", "false");
        return props;
    }

    /**
     * Inserts {@code count} active external configurations of one team and app, {@code createdAt} spread by the SQL
     * expression over {@code i} (1..count).
     */
    void seedConfigurations(int count, String appId, String appSlug, String team, String user, String createdAtOfI) throws SQLException {
        execute("INSERT INTO configuration (id, integration_id, slug, owner_id, team_id, user_id, scopes, project_selection, source, "
                + "installation_type, status, created_at, updated_at, completed_at, version, created_by, updated_by) "
                + "SELECT 'icfg_' || substr(md5(i::text) || md5((i + 7)::text), 1, 24), '" + appId + "', '" + appSlug + "', '" + team + "', '"
                + team + "', '" + user + "', '{}', 'all', 'external', 'external', 'ready', " + createdAtOfI + ", now(), now(), 1, "
                + "'seed', 'seed' FROM generate_series(1, " + count + ") AS i");
        execute("ANALYZE configuration");
    }

    void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        return strings(sql).stream().mapToLong(Long::parseLong).findFirst().orElseThrow();
    }

    List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
    }
}
