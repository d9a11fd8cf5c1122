package io.patchbay.catalog;

import io.patchbay.test.TestInfra;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V3 cleans discovery details stored before the scrubbing rule: a database at V1 with rows as the old code wrote them
 * (the postgresql connector's "as '&lt;username&gt;'" and the server's answer naming the user), migrated to the latest
 * version, keeps no user name, keeps the fixed part of each message, and leaves messages that quote no source alone.
 */
class LeakedDetailsMigrationIT {
    private final TestInfra infra = TestInfra.get();
    private final String jdbcUrl = infra.newDatabase("catalog_v3");

    private Flyway flyway(MigrationVersion target) {
        return Flyway.configure().dataSource(jdbcUrl, infra.user(), infra.password()).locations("classpath:db/migration").target(target).load();
    }

    @Test
    void storedDetailsThatCouldRepeatASecretParameterAreCleaned() throws SQLException {
        flyway(MigrationVersion.fromVersion("1")).migrate();
        Map<String, String[]> rows = new LinkedHashMap<>();
        rows.put("int_pg_user", new String[]{"apono", "could not connect to PostgreSQL at db.internal:5432/orders as 'Leaky_User': FATAL: "
                + "password authentication failed for user \"Leaky_User\""});
        rows.put("int_pg_during", new String[]{"apono", "PostgreSQL at db.internal:5432/orders failed during discovery: ERROR: permission "
                + "denied for user leaky_user"});
        rows.put("int_kafka", new String[]{"apono", "could not reach Kafka at broker:9093 (SASL_SSL): SaslAuthenticationException: "
                + "Authentication failed for leaky_user"});
        rows.put("int_kafka_settings", new String[]{"apono", "invalid Kafka client settings for broker:9093: username=\"leaky_user\" "
                + "password=\"leaky-password\""});
        rows.put("int_crash", new String[]{"apono", "discovery failed: java.lang.IllegalStateException: leaky_user"});
        rows.put("int_warned", new String[]{"apono", "discovered 3 resources and 2 permissions; could not read postgresql-table: "
                + "permission denied for role leaky_user"});
        rows.put("int_ok", new String[]{"apono", "discovered 3 resources and 2 permissions"});
        rows.put("int_privileges", new String[]{"apono", "discovered 3 resources and 1 permissions; privilege MAINTAIN on "
                + "postgresql-table is not supported by this server"});
        rows.put("int_foreign", new String[]{"apono", "connector 'edge' is not connected; only the built-in connector 'patchbay-builtin' "
                + "runs in this deployment"});
        rows.put("int_aws", new String[]{"aws", "the credentials are in the aws (region=eu-west-1, secret_id=prod/db) secret store, "
                + "which this deployment cannot reach"});
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO integration (id, team_id, name, type, "
                + "category, connector_id, status, details, integration_config, secret_store_kind, revision, created_at, updated_at, "
                + "created_by, updated_by) VALUES (?, 'team_a', ?, 'postgresql', 'RESOURCES', 'patchbay-builtin', 'Error', ?, '{}', ?, 1, "
                + "now(), now(), 'u', 'u')")) {
            for (var row : rows.entrySet()) {
                insert.setString(1, row.getKey());
                insert.setString(2, row.getKey());
                insert.setString(3, row.getValue()[1]);
                insert.setString(4, row.getValue()[0]);
                insert.executeUpdate();
            }
        }

        flyway(MigrationVersion.LATEST).migrate();

        Map<String, String> details = new LinkedHashMap<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("SELECT id, details FROM integration")) {
            while (rs.next()) {
                details.put(rs.getString(1), rs.getString(2));
            }
        }
        String removed = " (the rest of this message was removed because it could repeat a secret parameter; refresh the integration to "
                + "see the current one)";
        assertThat(details.get("int_pg_user")).isEqualTo("could not connect to PostgreSQL at db.internal:5432/orders" + removed);
        assertThat(details.get("int_pg_during")).isEqualTo("PostgreSQL at db.internal:5432/orders failed during discovery" + removed);
        assertThat(details.get("int_kafka")).isEqualTo("could not reach Kafka at broker:9093 (SASL_SSL)" + removed);
        assertThat(details.get("int_kafka_settings")).isEqualTo("invalid Kafka client settings" + removed);
        assertThat(details.get("int_crash")).isEqualTo("discovery failed" + removed);
        assertThat(details.get("int_warned")).isEqualTo("discovered 3 resources and 2 permissions; some resource types could not be read" + removed);
        assertThat(details.values()).noneMatch(d -> d.toLowerCase().contains("leaky"));
        for (String untouched : new String[]{"int_ok", "int_privileges", "int_foreign", "int_aws"}) {
            assertThat(details.get(untouched)).isEqualTo(rows.get(untouched)[1]);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
    }
}
