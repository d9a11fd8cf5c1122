package io.patchbay.environment.adapter.out.persistence;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL a repository sends (read from Micronaut Data's query log) and the plan PostgreSQL makes of it with sequential
 * scans off, so a test can tell which index serves a query. Also plain SQL on a connection of its own, for test data and
 * for what another transaction sees.
 */
final class QueryPlans {
    private static final String QUERY_LOG = "io.micronaut.data.query";
    private static final Pattern SENT = Pattern.compile("Executing (?:Query|SQL query): (.*)", Pattern.DOTALL);

    private final String jdbcUrl;
    private final ListAppender<ILoggingEvent> sent = new ListAppender<>();

    QueryPlans(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        Logger log = (Logger) LoggerFactory.getLogger(QUERY_LOG);
        sent.setContext(log.getLoggerContext());
        sent.start();
        log.addAppender(sent);
        log.setLevel(Level.DEBUG);
        // the statements are for the assertions, not for the test output
        log.setAdditive(false);
    }

    /** The last statement the repositories sent while {@code call} ran. */
    String sqlOf(Runnable call) {
        synchronized (sent.list) {
            sent.list.clear();
        }
        call.run();
        synchronized (sent.list) {
            for (ILoggingEvent event : sent.list.reversed()) {
                Matcher m = SENT.matcher(event.getFormattedMessage());
                if (m.matches()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no statement was sent");
    }

    /**
     * EXPLAIN of the last statement {@code call} sent, with {@code values} bound to its {@code ?}s in order (the values the
     * call passed), after {@code SET enable_seqscan = off} in the same transaction.
     */
    String planOf(Runnable call, Object... values) {
        return plan(sqlOf(call), values);
    }

    /** EXPLAIN of {@code sql} with these values for its {@code ?}s, after {@code SET enable_seqscan = off} in the same transaction. */
    String plan(String sql, Object... values) {
        return explain("EXPLAIN " + sql, values);
    }

    private String explain(String explain, Object... values) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
            }
            List<String> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(explain)) {
                bind(c, ps, values);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            } finally {
                c.rollback();
            }
            return String.join("\n", lines);
        } catch (SQLException e) {
            throw new AssertionError(explain, e);
        }
    }

    /** Runs {@code sql} (test data, ANALYZE) on a connection of its own. */
    void execute(String sql, Object... values) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, values);
            ps.execute();
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** The first column of the first row of {@code sql}, read by another connection (another transaction). */
    Object value(String sql, Object... values) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** The SQLSTATE {@code sql} fails with on another connection, or null when it succeeds. */
    String sqlState(String sql, Object... values) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, values);
            ps.execute();
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    private Connection connection() throws SQLException {
        TestInfra infra = TestInfra.get();
        return DriverManager.getConnection(jdbcUrl, infra.user(), infra.password());
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            switch (values[i]) {
                case String[] texts -> ps.setArray(i + 1, c.createArrayOf("text", texts));
                case Instant instant -> ps.setTimestamp(i + 1, Timestamp.from(instant));
                case null -> ps.setObject(i + 1, null);
                default -> ps.setObject(i + 1, values[i]);
            }
        }
    }
}
