package io.patchbay.kernel.infra.jdbc;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Explicit SQL on the connection of the current Micronaut transaction: what every persistence adapter uses, so each
 * query is visible, indexed on purpose and part of the caller's transaction. Failures surface as
 * {@link DataAccessException} as {@link PostgresErrors} maps them.
 */
@Singleton
public class Sql {
    private final TransactionOperations<Connection> transactions;

    public Sql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = new ArrayList<>();
        each(sql, mapper, rows::add, params);
        return rows;
    }

    /** Streams rows to {@code sink} one at a time (bounded memory for large result sets). */
    public <T> void each(String sql, RowMapper<T> mapper, Consumer<T> sink, Object... params) {
        run(sql, params, ps -> {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(mapper.map(rs));
                }
            }
            return null;
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        if (rows.size() > 1) {
            throw new DataAccessException("expected at most one row, got " + rows.size(), null);
        }
        return rows.stream().findFirst();
    }

    public int update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    /** Runs {@code sql} once per parameter row in one JDBC batch. */
    public void batch(String sql, Collection<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(connection, ps, row);
                    ps.addBatch();
                }
                ps.executeBatch();
                return null;
            }
        });
    }

    /** Runs {@code work} in a new transaction (or the current one) and commits it. */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @FunctionalInterface
    private interface StatementWork<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T run(String sql, Object[] params, StatementWork<T> work) {
        return withConnection(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(connection, ps, params);
                return work.run(ps);
            }
        });
    }

    /** The current transaction's connection; outside a transaction, a read-only one just for this statement. */
    private <T> T withConnection(ConnectionWork<T> work) {
        try {
            if (transactions.hasConnection()) {
                return work.run(transactions.getConnection());
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        return transactions.executeRead(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw translate(e);
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            switch (value) {
                case Instant instant -> ps.setTimestamp(i + 1, Timestamp.from(instant));
                case String[] strings -> ps.setArray(i + 1, connection.createArrayOf("text", strings));
                case Long[] longs -> ps.setArray(i + 1, connection.createArrayOf("bigint", longs));
                case Collection<?> collection -> ps.setArray(i + 1, connection.createArrayOf("text",
                        collection.stream().map(String::valueOf).toArray(String[]::new)));
                case null -> ps.setObject(i + 1, null);
                default -> ps.setObject(i + 1, value);
            }
        }
    }

    /** {@link PostgresErrors} decides what an error means; the rest is a plain {@link DataAccessException}. */
    private static RuntimeException translate(SQLException e) {
        DataAccessException mapped = PostgresErrors.map(e);
        return mapped != null ? mapped : new DataAccessException(e.getMessage(), e);
    }

    /** Reads a nullable timestamp column as epoch milliseconds. */
    public static Long millis(ResultSet row, String column) throws SQLException {
        Timestamp ts = row.getTimestamp(column);
        return ts == null ? null : ts.getTime();
    }

    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? null : List.of((String[]) array.getArray());
    }
}
