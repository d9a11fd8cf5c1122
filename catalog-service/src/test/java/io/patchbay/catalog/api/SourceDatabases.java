package io.patchbay.catalog.api;

import io.patchbay.test.TestInfra;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases on the test PostgreSQL for the postgresql connector to discover. */
final class SourceDatabases {
    private SourceDatabases() {
    }

    record Source(String jdbcUrl, String host, int port, String dbname) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
        }

        void exec(String... statements) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        String integration(String name, String user, String password, String extra) {
            return "{\"name\":\"" + name + "\",\"type\":\"postgresql\",\"integration_config\":{\"hostname\":\"" + host + "\",\"port\":\"" + port
                    + "\",\"dbname\":\"" + dbname + "\",\"sslmode\":\"disable\"},\"secret_store_config\":{\"apono\":{\"parameters\":"
                    + "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}}}" + extra + "}";
        }
    }

    static Source create(String prefix) {
        String url = TestInfra.get().newDatabase(prefix);
        URI uri = URI.create(url.substring("jdbc:".length()));
        String path = uri.getPath().substring(1);
        return new Source(url, uri.getHost(), uri.getPort(), path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
    }

    /**
     * A login role that must give its password (scram), whatever the server's default authentication is: a pg_hba.conf
     * line for this role alone, put first, then a reload. Other roles keep their authentication.
     */
    static void passwordRole(Source source, String role, String password) throws SQLException {
        source.exec("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE " + role
                        + " LOGIN; END IF; END $$",
                "SET password_encryption = 'scram-sha-256'",
                "ALTER ROLE " + role + " PASSWORD '" + password + "'",
                "GRANT CONNECT ON DATABASE " + source.dbname() + " TO " + role);
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT current_setting('hba_file'), pg_read_file(current_setting('hba_file'))");
            rs.next();
            String file = rs.getString(1);
            String content = rs.getString(2);
            String line = "host all " + role + " all scram-sha-256";
            if (!content.contains(line)) {
                String updated = line + "\n" + content.replace("\t", " ");
                s.execute("COPY (SELECT unnest(string_to_array($hba$" + updated + "$hba$, E'\\n'))) TO '" + file + "'");
                s.execute("SELECT pg_reload_conf()");
            }
        }
    }
}
