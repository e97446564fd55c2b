package dev.drillbot.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Small JDBC helpers shared by the stores: bind parameters, run, map rows. Statements are prepared once
 * per connection and reused: preparing is a large part of a short statement's cost, and every
 * connection is used by one thread at a time (the writer thread, or a reader taken from the pool).
 */
final class Sql {
    private static final Map<Connection, Map<String, PreparedStatement>> PREPARED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Sql() {}

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        return prepare(c, sql, params).executeUpdate();
    }

    /**
     * Updates that belong together, run in order. On PostgreSQL they go to the server as one statement
     * list, so one round trip (the driver sends every part before one Sync): an answer's record was eight
     * round trips, and on a busy machine each costs the client and the server a context switch. SQLite
     * runs in-process, where a multi-statement string would run only its first part: one by one there.
     */
    static final class Updates {
        private final List<String> parts = new ArrayList<>();
        private final List<Object[]> params = new ArrayList<>();

        Updates add(String part, Object... values) {
            parts.add(part);
            params.add(values);
            return this;
        }

        void run(Connection c) throws SQLException {
            if (parts.size() > 1 && physical(c).getClass().getName().startsWith("org.postgresql.")) {
                List<Object> all = new ArrayList<>();
                params.forEach(p -> all.addAll(List.of(p)));
                PreparedStatement ps = prepare(c, String.join(";\n", parts), all.toArray());
                ps.execute();
                while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
                    // drain every part's result, so the statement is ready for its next use
                }
                return;
            }
            for (int i = 0; i < parts.size(); i++) {
                update(c, parts.get(i), params.get(i));
            }
        }
    }

    static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (ResultSet rs = prepare(c, sql, params).executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    static <T> Optional<T> first(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (ResultSet rs = prepare(c, sql, params).executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    private static Connection physical(Connection c) throws SQLException {
        return c.getClass().getName().startsWith("com.zaxxer.hikari.") ? c.unwrap(Connection.class) : c;
    }

    /** The connection's cached statement for {@code sql}, with {@code params} bound; never close it. */
    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        // a pooled (HikariCP) connection is a new wrapper on every checkout: cache by the connection under it,
        // which lives in the pool, is used by one thread at a time, and keeps its statements across checkouts
        Connection physical = physical(c);
        Map<String, PreparedStatement> statements = PREPARED.computeIfAbsent(physical, k -> new HashMap<>());
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = physical.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
