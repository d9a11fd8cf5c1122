package io.patchbay.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void runsSqlInSeparateDatabasesAndKeepsDataAcrossARestart() throws SQLException {
        EmbeddedPostgres first = EmbeddedPostgres.builder(dataDir).durable(false).start();
        int port = first.port();
        try {
            first.createDatabase("orders");
            first.createDatabase("billing");
            first.createDatabase("orders"); // idempotent

            execute(first, "orders", "CREATE TABLE item (name text)", "INSERT INTO item VALUES ('kept')");
            execute(first, "billing", "CREATE TABLE invoice (amount int)", "INSERT INTO invoice VALUES (42)");

            assertThat(query(first, "orders", "SELECT name FROM item")).containsExactly("kept");
            assertThat(query(first, "billing", "SELECT amount FROM invoice")).containsExactly("42");
            assertThat(query(first, "billing", "SELECT to_regclass('item')::text")).containsExactly((String) null);
            assertThat(query(first, "postgres", "SHOW server_version")).singleElement().asString().startsWith("17.");
        } finally {
            first.stop();
        }
        assertThat(first.isRunning()).isFalse();

        try (EmbeddedPostgres second = EmbeddedPostgres.start(dataDir, port)) {
            assertThat(second.port()).isEqualTo(port);
            assertThat(query(second, "orders", "SELECT name FROM item")).containsExactly("kept");
            assertThat(query(second, "billing", "SELECT amount FROM invoice")).containsExactly("42");
        }
    }

    @Test
    void listensOnLoopbackWithTheAdvertisedCredentials() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder(dataDir).durable(false).start()) {
            assertThat(postgres.isRunning()).isTrue();
            assertThat(postgres.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
            assertThat(query(postgres, "postgres", "SHOW listen_addresses")).containsExactly("127.0.0.1");
            assertThat(query(postgres, "postgres", "SHOW max_connections")).containsExactly("200");
            assertThat(query(postgres, "postgres", "SHOW fsync")).containsExactly("off");
            assertThat(query(postgres, "postgres", "SELECT current_user")).containsExactly("postgres");
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectoryWithTheServerLog() {
        try (EmbeddedPostgres running = EmbeddedPostgres.builder(dataDir).durable(false).start()) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(dataDir, running.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PostgreSQL exited")
                    .hasMessageContaining("lock file");
            assertThat(running.isRunning()).isTrue();
        }
    }

    private static void execute(EmbeddedPostgres postgres, String database, String... sql) throws SQLException {
        try (Connection connection = open(postgres, database); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static List<String> query(EmbeddedPostgres postgres, String database, String sql) throws SQLException {
        try (Connection connection = open(postgres, database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Connection open(EmbeddedPostgres postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }
}
