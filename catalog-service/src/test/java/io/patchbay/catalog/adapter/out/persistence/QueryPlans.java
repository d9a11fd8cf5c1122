package io.patchbay.catalog.adapter.out.persistence;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.patchbay.test.TestInfra;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL a repository method really sends (taken from Micronaut Data's query log while the method runs) and the plans
 * PostgreSQL makes of it with sequential scans off: the custom plan for the given values (what a statement's first
 * executions get) and the generic plan (what a server-prepared statement may settle on), so an index that serves a
 * query only for some values does not pass.
 */
final class QueryPlans {
    private static final List<String> PREFIXES = List.of("Executing Query: ", "Executing SQL query: ");

    private final String jdbcUrl;

    QueryPlans(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The one statement {@code call} sends through Micronaut Data. */
    static String sqlOf(Runnable call) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.micronaut.data.query");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        try {
            call.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        List<String> statements = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            PREFIXES.stream().filter(message::startsWith).findFirst().ifPresent(p -> statements.add(message.substring(p.length()).strip()));
        }
        assertThat(statements).as("statements sent").hasSize(1);
        return statements.getFirst();
    }

    /** Both plans of {@code sql} ({@code ?} placeholders, {@code values} in their order). */
    List<String> plans(String sql, Object... values) {
        return plans(sql, false, values);
    }

    /**
     * Both plans, sequential scans off; with {@code orderedScansOnly} bitmap scans too (they read an index but lose its
     * order), so a plan that still has no sort shows the index gives the order (on these small tables the planner would
     * otherwise sort the few rows a bitmap scan found).
     */
    List<String> plans(String sql, boolean orderedScansOnly, Object... values) {
        try (Connection c = connect(false)) {
            c.setAutoCommit(false);
            scansOff(c, orderedScansOnly);
            List<String> plans = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < values.length; i++) {
                    switch (values[i]) {
                        case String[] strings -> ps.setArray(i + 1, c.createArrayOf("text", strings));
                        case Instant instant -> ps.setTimestamp(i + 1, Timestamp.from(instant));
                        case null -> ps.setNull(i + 1, java.sql.Types.VARCHAR);
                        default -> ps.setObject(i + 1, values[i]);
                    }
                }
                plans.add(read(ps.executeQuery()));
            }
            c.rollback();
            // GENERIC_PLAN takes $n placeholders without values: only the simple query protocol sends it so
            try (Connection simple = connect(true)) {
                simple.setAutoCommit(false);
                scansOff(simple, orderedScansOnly);
                try (Statement s = simple.createStatement()) {
                    plans.add(read(s.executeQuery("EXPLAIN (GENERIC_PLAN) " + numbered(sql))));
                }
                simple.rollback();
            }
            return plans;
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed for: " + sql, e);
        }
    }

    private Connection connect(boolean simpleProtocol) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", TestInfra.get().user());
        props.setProperty("password", TestInfra.get().password());
        if (simpleProtocol) {
            props.setProperty("preferQueryMode", "simple");
        }
        return DriverManager.getConnection(jdbcUrl, props);
    }

    private static void scansOff(Connection c, boolean bitmapScansToo) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL enable_seqscan = off");
            if (bitmapScansToo) {
                s.execute("SET LOCAL enable_bitmapscan = off");
            }
        }
    }

    /**
     * Asserts that both plans of {@code sql} read {@code index} and, when {@code indexGivesOrder}, that no sort is needed
     * (neither a Sort nor an Incremental Sort node) once bitmap scans are off as well.
     */
    void assertServedBy(String index, boolean indexGivesOrder, String sql, Object... values) {
        assertServedByOneOf(List.of(index), indexGivesOrder, sql, values);
    }

    /** As {@link #assertServedBy}, where either of several indexes serves the query equally well. */
    void assertServedByOneOf(List<String> indexes, boolean indexGivesOrder, String sql, Object... values) {
        for (String plan : plans(sql, indexGivesOrder, values)) {
            assertThat(plan).as(sql).containsAnyOf(indexes.stream().map(i -> " " + i + " ").toArray(String[]::new)).doesNotContain("Seq Scan");
            if (indexGivesOrder) {
                assertThat(plan).as(sql).doesNotContain("Sort");
            }
        }
    }

    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            out.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        return out.toString();
    }

    private static String read(ResultSet rs) throws SQLException {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString();
    }
}
