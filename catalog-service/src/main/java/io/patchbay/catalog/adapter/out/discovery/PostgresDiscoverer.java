package io.patchbay.catalog.adapter.out.discovery;

import io.micronaut.context.annotation.Value;
import io.patchbay.catalog.application.port.out.ResourceDiscoverer;
import io.patchbay.catalog.domain.DiscoveredResource;
import io.patchbay.catalog.domain.DiscoveryResult;
import io.patchbay.catalog.domain.Permission;
import io.patchbay.catalog.domain.ResourceTypeSpec;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code postgresql} connector: connects with the integration's credentials and reads the catalog (pg_namespace,
 * pg_class) of the configured database: the database, its schemas and tables, and the privileges the server knows for
 * each connected resource type. Connection and every statement are time-limited.
 */
@Singleton
class PostgresDiscoverer implements ResourceDiscoverer {
    static final String DATABASE = "postgresql-database";
    static final String SCHEMA = "postgresql-schema";
    static final String TABLE = "postgresql-table";
    private static final String USER_SCHEMAS = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+]");

    private final Duration connectTimeout;

    PostgresDiscoverer(@Value("${patchbay.discovery.connect-timeout:10s}") Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public String type() {
        return "postgresql";
    }

    @Override
    public DiscoveryResult discover(DiscoveryRequest request) {
        String host = request.config().get("hostname");
        String port = request.config().getOrDefault("port", "5432");
        String db = request.config().getOrDefault("dbname", "postgres");
        String user = request.credentials().get("username");
        String where = host + ":" + port + "/" + db;
        if (user == null || user.isBlank()) {
            return DiscoveryResult.failed("no username in the secret parameters: cannot connect to PostgreSQL at " + where);
        }
        if (!SAFE_HOST.matcher(host == null ? "" : host).matches() || !port.matches("[0-9]{1,5}")) {
            return DiscoveryResult.failed("hostname/port '" + where + "' is not a host name or address and a port");
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", request.credentials().getOrDefault("password", ""));
        props.setProperty("sslmode", request.config().getOrDefault("sslmode", "prefer"));
        props.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("loginTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())));
        props.setProperty("socketTimeout", Long.toString(Math.max(1, request.timeout().toSeconds())));
        props.setProperty("ApplicationName", "patchbay-catalog-discovery");
        Connection connection;
        try {
            // the database name is URL-encoded so that it can never add driver options to the URL
            connection = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/"
                    + URLEncoder.encode(db, StandardCharsets.UTF_8), props);
        } catch (SQLException e) {
            // the user name is a secret parameter: it is not part of the message (and the scrubber takes it out of the server's)
            return DiscoveryResult.failed("could not connect to PostgreSQL at " + where + " with the secret parameters: " + firstLine(e.getMessage()));
        }
        try (connection) {
            connection.setReadOnly(true);
            List<DiscoveredResource> resources = new ArrayList<>();
            List<Permission> permissions = new ArrayList<>();
            Set<String> complete = new HashSet<>();
            List<String> warnings = new ArrayList<>();
            Set<String> types = request.resourceTypes();
            if (types.contains(DATABASE)) {
                read(DATABASE, complete, warnings, () -> resources.add(new DiscoveredResource("db:" + db, db, DATABASE)));
            }
            if (types.contains(SCHEMA)) {
                read(SCHEMA, complete, warnings, () -> query(connection, "SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMAS
                        + " ORDER BY 1", r -> resources.add(new DiscoveredResource("schema:" + db + "/" + r.getString(1), r.getString(1), SCHEMA))));
            }
            if (types.contains(TABLE)) {
                read(TABLE, complete, warnings, () -> query(connection, "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n "
                        + "ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND " + USER_SCHEMAS + " ORDER BY 1, 2", r -> {
                            String name = r.getString(1) + "." + r.getString(2);
                            resources.add(new DiscoveredResource("table:" + db + "/" + name, name, TABLE));
                        }));
            }
            for (ResourceTypeSpec spec : request.catalogType().resourceTypes()) {
                if (types.contains(spec.id())) {
                    permissions.addAll(privileges(connection, spec, warnings));
                }
            }
            return new DiscoveryResult(resources, permissions, complete, warnings, null);
        } catch (SQLException e) {
            return DiscoveryResult.failed("PostgreSQL at " + where + " failed during discovery: " + firstLine(e.getMessage()));
        }
    }

    /** The catalog's privileges of a resource type that this server accepts (an unknown privilege name is an error in PostgreSQL). */
    private static List<Permission> privileges(Connection connection, ResourceTypeSpec spec, List<String> warnings) {
        String check = switch (spec.id()) {
            case DATABASE -> "SELECT has_database_privilege(current_database(), ?)";
            case SCHEMA -> "SELECT has_schema_privilege('pg_catalog', ?)";
            default -> "SELECT has_table_privilege('pg_catalog.pg_class', ?)";
        };
        List<Permission> out = new ArrayList<>();
        for (String privilege : spec.permissions()) {
            try (PreparedStatement ps = connection.prepareStatement(check)) {
                ps.setString(1, privilege);
                ps.executeQuery().close();
                out.add(Permission.of(spec.id(), privilege));
            } catch (SQLException e) {
                warnings.add("privilege " + privilege + " on " + spec.id() + " is not supported by this server");
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet row) throws SQLException;
    }

    private static void read(String type, Set<String> complete, List<String> warnings, Step step) {
        try {
            step.run();
            complete.add(type);
        } catch (SQLException e) {
            warnings.add("could not read " + type + ": " + firstLine(e.getMessage()));
        }
    }

    private static void query(Connection connection, String sql, RowSink sink) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

}
