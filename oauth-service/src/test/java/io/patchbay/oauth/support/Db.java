package io.patchbay.oauth.support;

import io.patchbay.test.TestInfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL on a test class's database (the service's own), for seeding and checking rows. Parameters are bound, never spliced. */
public final class Db {
    private final String jdbcUrl;

    public Db(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public int execute(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row, every column as text. */
    public List<List<String>> rows(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<List<String>> out = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public List<String> strings(String sql, Object... params) {
        return rows(sql, params).stream().map(List::getFirst).toList();
    }

    /** The first column of the first row, as a number. */
    public long number(String sql, Object... params) {
        return Long.parseLong(strings(sql, params).getFirst());
    }

    private PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, TestInfra.get().user(), TestInfra.get().password());
    }
}
