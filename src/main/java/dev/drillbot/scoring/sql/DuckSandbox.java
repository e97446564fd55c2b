package dev.drillbot.scoring.sql;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One dataset of one question, loaded into its own in-memory DuckDB database: a learner's query can
 * see no other dataset, because there is none in its database. The database is built once from the
 * question's trusted SQLite image (so the bank's data loads exactly as before), with date and timestamp
 * columns typed as such, then locked: no file access, no extension loading, no configuration change.
 * Learner SQL runs only through {@code prepareStatement} + {@code executeQuery} after {@link SqlGate},
 * is cancelled at its deadline, and its rows are fetched up to a cap.
 */
final class DuckSandbox implements AutoCloseable {
    static final String MEMORY_LIMIT = "96MB";
    private static final ScheduledExecutorService CANCELLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "duckdb-deadline");
        t.setDaemon(true);
        return t;
    });
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Functions Redshift and PostgreSQL users call that DuckDB spells differently. */
    private static final List<String> MACROS = List.of(
            "CREATE MACRO nvl(a, b) AS coalesce(a, b)",
            "CREATE MACRO nvl2(a, b, c) AS CASE WHEN a IS NOT NULL THEN b ELSE c END",
            "CREATE MACRO charindex(needle, haystack) AS strpos(haystack, needle)",
            "CREATE MACRO regexp_count(s, p) AS len(regexp_extract_all(s, p))",
            // Redshift's REGEXP_SUBSTR(s, pattern [, position [, occurrence [, 'e' for the first group]]])
            "CREATE MACRO regexp_substr(s, p) AS nullif(regexp_extract(s, p), ''),"
                    + " (s, p, pos) AS nullif(regexp_extract(substr(s, pos), p), ''),"
                    + " (s, p, pos, occ) AS list_extract(regexp_extract_all(substr(s, pos), p), occ),"
                    + " (s, p, pos, occ, params) AS list_extract(regexp_extract_all(substr(s, pos), p,"
                    + " CASE WHEN contains(params, 'e') THEN 1 ELSE 0 END), occ)",
            "CREATE MACRO btrim(s) AS trim(s)",
            "CREATE MACRO initcap(s) AS array_to_string(list_transform(string_split(lower(s), ' '),"
                    + " lambda w: upper(left(w, 1)) || substr(w, 2)), ' ')",
            "CREATE MACRO julianday(x) AS epoch(CAST(x AS TIMESTAMP)) / 86400.0 + 2440587.5",
            "CREATE MACRO add_months(d, n) AS CAST(d AS TIMESTAMP) + to_months(CAST(n AS INTEGER))",
            "CREATE MACRO months_between(a, b) AS date_diff('month', CAST(b AS DATE), CAST(a AS DATE))",
            "CREATE MACRO getdate() AS TIMESTAMP '1970-01-01'",
            "CREATE MACRO space(n) AS repeat(' ', n)",
            "CREATE MACRO ifnull(a, b) AS coalesce(a, b)");

    private final Connection db;
    private final Path file;

    private DuckSandbox(Connection db, Path file) {
        this.db = db;
        this.file = file;
    }

    /**
     * Writes one dataset to {@code file} (trusted content, with the macros), then opens it read-only and
     * locked down. Read-only is what makes the data safe whatever text reaches DuckDB: no statement can
     * change the tables another learner is graded on.
     */
    static DuckSandbox load(DatasetTables dataset, Path file) throws SQLException {
        try (Connection w = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Statement s = w.createStatement()) {
            for (String m : MACROS) {
                s.execute(m);
            }
            for (DatasetTables.Table t : dataset.tables()) {
                copy(t, w);
            }
            s.execute("CHECKPOINT");
        }
        Properties config = new Properties();
        config.setProperty("access_mode", "READ_ONLY");
        config.setProperty("threads", "1");
        config.setProperty("memory_limit", MEMORY_LIMIT);
        config.setProperty("temp_directory", ""); // never spill to disk: memory stays the bound
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), config);
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("SET integer_division = true");
            s.execute("SET default_null_order = 'nulls_last_on_asc_first_on_desc'");
            s.execute("SET enable_external_access = false");
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET lock_configuration = true");
            return new DuckSandbox(c, file);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void copy(DatasetTables.Table t, Connection c) throws SQLException {
        String q = quote(t.name());
        List<String> defs = new ArrayList<>();
        for (DatasetTables.Column col : t.columns()) {
            if (!col.type().matches("[A-Z]+(\\(\\d+,\\d+\\))?")) {
                throw new SQLException("unexpected column type " + col.type());
            }
            defs.add(quote(col.name()) + " " + col.type());
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + q + " (" + String.join(", ", defs) + ")");
        }
        if (t.rows().isEmpty()) {
            return;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(defs.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q + " VALUES (" + marks + ")")) {
            for (List<Object> row : t.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    ps.setObject(i + 1, row.get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** The column's type as a warehouse would declare it: dates and timestamps typed, not text. */
    static String duckType(String column, String declared, DateColumns dates) {
        String name = column.toLowerCase(Locale.ROOT);
        if (dates.dates().contains(name)) {
            return "DATE";
        }
        if (dates.timestamps().contains(name)) {
            return "TIMESTAMP";
        }
        String d = declared.toUpperCase(Locale.ROOT);
        if (d.contains("INT")) {
            return "INTEGER";
        }
        if (d.matches("(DECIMAL|NUMERIC)\\s*\\(\\s*\\d+\\s*,\\s*\\d+\\s*\\)")) {
            return d.replaceAll("\\s+", "");
        }
        if (d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB") || d.startsWith("NUMERIC")
                || d.startsWith("DECIMAL")) {
            return "DOUBLE";
        }
        if (d.startsWith("BOOL")) {
            return "BOOLEAN";
        }
        if (d.equals("DATE")) {
            return "DATE";
        }
        if (d.startsWith("TIMESTAMP") || d.equals("DATETIME")) {
            return "TIMESTAMP";
        }
        return "VARCHAR";
    }

    /** Runs one learner query (already through the gate and {@link DuckDialect}); never throws. */
    Sandbox.Outcome run(String sql, Deadline deadline, int maxRows) {
        if (deadline.passed()) {
            return new Sandbox.Failed(Sandbox.Why.TIMEOUT, "");
        }
        // a connection of its own per query: anything session-scoped (temp tables, variables) dies with it
        try (Connection session = ((org.duckdb.DuckDBConnection) db).duplicate();
                PreparedStatement ps = session.prepareStatement(sql)) {
            ScheduledFuture<?> stop = CANCELLER.schedule(() -> {
                try {
                    ps.cancel();
                } catch (SQLException | RuntimeException e) {
                    // already finished
                }
            }, Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
            try (ResultSet rs = ps.executeQuery()) {
                return Sandbox.fetch(rs, maxRows, DuckSandbox::value);
            } finally {
                stop.cancel(false);
            }
        } catch (SQLException e) {
            return failure(e, deadline);
        } catch (RuntimeException e) {
            return new Sandbox.Failed(Sandbox.Why.ERROR, String.valueOf(e.getMessage()));
        }
    }

    /** DuckDB's Java values in the forms the comparison knows: Long, Double, String. */
    static Object value(Object o) {
        if (o == null || o instanceof Long || o instanceof Double || o instanceof String) {
            return o;
        }
        if (o instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (o instanceof BigInteger bi) {
            return bi.bitLength() < 64 ? (Object) bi.longValue() : (Object) bi.doubleValue();
        }
        if (o instanceof BigDecimal bd) {
            return bd.scale() <= 0 && bd.precision() - bd.scale() < 19 ? (Object) bd.longValue()
                    : (Object) bd.doubleValue();
        }
        if (o instanceof Float f) {
            return f.doubleValue();
        }
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof LocalDate d) {
            return d.toString();
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (o instanceof java.sql.Timestamp ts) {
            return timestamp(ts.toLocalDateTime());
        }
        if (o instanceof LocalDateTime ldt) {
            return timestamp(ldt);
        }
        if (o instanceof OffsetDateTime odt) {
            return timestamp(odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        }
        if (o instanceof LocalTime lt) {
            return lt.toString();
        }
        return o.toString();
    }

    private static String timestamp(LocalDateTime t) {
        String s = t.format(SECONDS);
        return t.getNano() == 0 ? s : s + String.format(Locale.ROOT, ".%06d", t.getNano() / 1000).replaceAll("0+$", "");
    }

    private static Sandbox.Failed failure(SQLException e, Deadline deadline) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (deadline.passed() || msg.contains("INTERRUPT") || msg.contains("Interrupted")) {
            return new Sandbox.Failed(Sandbox.Why.TIMEOUT, "");
        }
        if (msg.contains("Out of Memory")) {
            return new Sandbox.Failed(Sandbox.Why.MEMORY, "");
        }
        String first = msg.lines().findFirst().orElse("").strip();
        return new Sandbox.Failed(Sandbox.Why.ERROR, first.length() > 300 ? first.substring(0, 300) + "..." : first);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // nothing to do: the file is removed below
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException e) {
            // the grading process's directory is removed when the process ends
        }
    }
}
