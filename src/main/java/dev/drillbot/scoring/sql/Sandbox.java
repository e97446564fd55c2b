package dev.drillbot.scoring.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.sqlite.JDBC;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/**
 * The bank's datasets on SQLite: builds each from its trusted INSERTs once ({@link #image}) and reads
 * it back (tables for the briefing, column types, the rows copied into DuckDB). Each read opens a new
 * connection on a private copy, with {@code query_only}, lowered limits and a deadline. Learner SQL
 * does not run here: it runs on DuckDB in the grading processes ({@link WorkerPool}).
 */
final class Sandbox {
    static final int MAX_VALUE_LENGTH = 100_000;
    // often enough that a query storing 100 KB rows is stopped within a few MB of the memory limit
    private static final int PROGRESS_OPS = 1_000;
    private static final Properties CONFIG;

    static {
        SQLiteConfig c = new SQLiteConfig();
        c.enableLoadExtension(false);
        c.setTempStore(SQLiteConfig.TempStore.MEMORY);
        c.enableCaseSensitiveLike(true);
        CONFIG = c.toProperties();
    }

    /** What happened to a query: rows, or a failure in words for the learner. */
    sealed interface Outcome permits Rows, Failed {}

    record Rows(ResultTable table) implements Outcome {}

    /** CRASH: the grading process died while running the query. */
    enum Why { ERROR, TIMEOUT, TOO_MANY_ROWS, TOO_BIG, MEMORY, CRASH }

    record Failed(Why why, String message) implements Outcome {}

    private Sandbox() {}

    /** Builds a dataset once (trusted question content) and returns its serialized image. */
    static byte[] image(String schema, String data) throws SQLException {
        try (SQLiteConnection c = JDBC.createConnection("jdbc:sqlite::memory:", new Properties());
                Statement s = c.createStatement()) {
            for (String stmt : statements(schema)) {
                s.executeUpdate(stmt);
            }
            c.setAutoCommit(false);
            for (String stmt : statements(data)) {
                s.executeUpdate(stmt);
            }
            c.commit();
            c.setAutoCommit(true);
            return c.serialize("main");
        }
    }

    /** Splits trusted SQL text into statements at top-level semicolons. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (SqlLexer.Token t : SqlLexer.lex(sql == null ? "" : sql)) {
            if (t.kind() == SqlLexer.Kind.SEMI) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(t.text());
            }
        }
        if (!SqlLexer.significant(SqlLexer.lex(cur.toString())).isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    /**
     * Runs {@code sql} (trusted SQL from the bank) on a fresh copy of
     * {@code image}. Never throws for anything the query does.
     */
    static Outcome run(byte[] image, String sql, Deadline deadline, int maxRows) {
        try (SQLiteConnection c = open(image, deadline)) {
            return execute(c, sql, deadline, maxRows);
        } catch (SQLException e) {
            return failure(e, deadline);
        } catch (RuntimeException e) {
            return new Failed(Why.ERROR, String.valueOf(e.getMessage()));
        }
    }

    /** A new connection holding a private copy of {@code image}, locked down, with the deadline installed. */
    static SQLiteConnection open(byte[] image, Deadline deadline) throws SQLException {
        deadline.startMemoryWatch();
        SQLiteConnection c = JDBC.createConnection("jdbc:sqlite::memory:", CONFIG);
        try {
            c.deserialize("main", image);
            try (Statement s = c.createStatement()) {
                // set by hand: the read-only open flag does not survive deserialize
                s.executeUpdate("PRAGMA query_only = 1");
                s.executeUpdate("PRAGMA trusted_schema = 0");
            }
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, MAX_VALUE_LENGTH);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, SqlGate.MAX_SQL_LENGTH * 2);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_COMPOUND_SELECT, 50);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_COLUMN, 200);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_FUNCTION_ARG, 100);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 1000);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_VARIABLE_NUMBER, 0);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_TRIGGER_DEPTH, 1);
            c.setLimit(SQLiteLimits.SQLITE_LIMIT_WORKER_THREADS, 0);
            ProgressHandler.setHandler(c, PROGRESS_OPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return deadline.passed() || deadline.overMemory() ? 1 : 0;
                }
            });
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Runs one query on a connection from {@link #open}; only prepareStatement + executeQuery. */
    static Outcome execute(SQLiteConnection c, String sql, Deadline deadline, int maxRows) {
        if (deadline.passed()) {
            return new Failed(Why.TIMEOUT, "");
        }
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return fetch(rs, maxRows, Sandbox::value);
        } catch (SQLException e) {
            return failure(e, deadline);
        } catch (RuntimeException e) {
            return new Failed(Why.ERROR, String.valueOf(e.getMessage()));
        }
    }

    /** Up to {@code maxRows} rows of {@code rs}, each value through {@code value}; too many is a failure. */
    static Outcome fetch(ResultSet rs, int maxRows, java.util.function.UnaryOperator<Object> value)
            throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int width = md.getColumnCount();
        List<String> cols = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            cols.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                return new Failed(Why.TOO_MANY_ROWS, "");
            }
            List<Object> row = new ArrayList<>(width);
            for (int i = 1; i <= width; i++) {
                row.add(value.apply(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new Rows(new ResultTable(cols, rows));
    }

    private static Object value(Object o) {
        if (o == null || o instanceof Long || o instanceof Double || o instanceof String) {
            return o;
        }
        if (o instanceof Number n) {
            return (o instanceof Float) ? (Object) n.doubleValue() : (Object) n.longValue();
        }
        if (o instanceof byte[] b) {
            return "x'" + HexFormat.of().formatHex(b) + "'";
        }
        return o.toString();
    }

    private static Failed failure(SQLException e, Deadline deadline) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (deadline.wasOverMemory()) {
            return new Failed(Why.MEMORY, "");
        }
        if (deadline.passed() || msg.contains("SQLITE_INTERRUPT") || msg.contains("interrupted")) {
            return new Failed(Why.TIMEOUT, "");
        }
        if (msg.contains("string or blob too big") || msg.contains("SQLITE_TOOBIG")) {
            return new Failed(Why.TOO_BIG, "");
        }
        String cleaned = clean(msg);
        if (cleaned.startsWith("no such function: ")) {
            return new Failed(Why.ERROR, cleaned + " (the grader runs SQLite with the PostgreSQL/Redshift functions"
                    + " listed in docs/sql-dialect.md; this one is not among them)");
        }
        return new Failed(Why.ERROR, cleaned);
    }

    /** "[SQLITE_ERROR] SQL error or missing database (no such column: x)" -> "no such column: x" */
    static String clean(String msg) {
        String m = msg;
        int open = m.indexOf('(');
        if (m.startsWith("[SQLITE_") && open > 0 && m.endsWith(")")) {
            m = m.substring(open + 1, m.length() - 1);
        }
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
