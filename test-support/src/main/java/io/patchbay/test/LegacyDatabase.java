package io.patchbay.test;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database as an earlier release of a service left it: a fresh database that Flyway migrated with the files under
 * one classpath location only (a test resource holding the migrations as they were). A service's test then starts the
 * current service on it and checks that it migrates.
 */
public final class LegacyDatabase {
    private final String jdbcUrl;

    private LegacyDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public static LegacyDatabase migratedWith(String location) {
        TestInfra infra = TestInfra.get();
        String url = infra.newDatabase("legacy");
        Flyway.configure().dataSource(url, infra.user(), infra.password()).locations("classpath:" + location).load().migrate();
        return new LegacyDatabase(url);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Flyway's record of the versioned migrations applied: version → checksum. */
    public Map<String, Integer> history() {
        Map<String, Integer> history = new LinkedHashMap<>();
        query("SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL AND success ORDER BY installed_rank",
                rs -> history.put(rs.getString(1), rs.getInt(2)));
        return history;
    }

    public boolean hasTable(String name) {
        boolean[] found = {false};
        query("SELECT to_regclass('" + name.replace("'", "''") + "') IS NOT NULL", rs -> found[0] = rs.getBoolean(1));
        return found[0];
    }

    /** True when the migrations under {@code locations} validate against this database (checksums, descriptions, order). */
    public boolean validatesAgainst(String... locations) {
        TestInfra infra = TestInfra.get();
        return Flyway.configure().dataSource(jdbcUrl, infra.user(), infra.password()).locations(locations).outOfOrder(true).load()
                .validateWithResult().validationSuccessful;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row) {
        TestInfra infra = TestInfra.get();
        try (Connection c = DriverManager.getConnection(jdbcUrl, infra.user(), infra.password()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
