package dev.drillbot.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies everything a SQLite database holds into an empty PostgreSQL one ({@code drillbot migrate}): every
 * table of the schema (both are migrated to the same version first, so the tables are the same), in one
 * transaction on the target, so a copy that fails leaves the target as empty as it was. Then the counts of
 * both are compared table by table.
 */
public final class StoreCopy {
    /** Tables other tables refer to, copied first; the rest follow in name order. */
    private static final List<String> PARENTS_FIRST = List.of("drills", "answers", "mock_interviews", "mock_turns");
    private static final int BATCH = 500;

    /** One table's rows in the source and, after the copy, in the target. */
    public record TableCount(String table, long source, long target) {
        public boolean same() {
            return source == target;
        }
    }

    private StoreCopy() {}

    /**
     * Copies {@code from} (SQLite) into {@code to} (PostgreSQL, no rows yet) and returns the counts per table.
     *
     * @throws IllegalStateException when the target is not PostgreSQL, already holds rows, or lacks a table
     */
    public static List<TableCount> copy(Database from, Database to) {
        if (from.postgres() || !to.postgres()) {
            throw new IllegalStateException("drillbot migrate copies a SQLite file into PostgreSQL");
        }
        List<String> tables = from.read(StoreCopy::sqliteTables);
        Map<String, Long> target = to.read(c -> counts(c, tables));
        List<String> notEmpty = target.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (!notEmpty.isEmpty()) {
            throw new IllegalStateException("the PostgreSQL database already holds drillbot data (in " + notEmpty
                    + "); migrate copies into an empty one only, so nothing was copied");
        }
        to.write(pg -> {
            for (String table : tables) {
                from.read(sqlite -> copyTable(sqlite, pg, table));
            }
            resetIdentities(pg, tables);
            return null;
        });
        Map<String, Long> source = from.read(c -> counts(c, tables));
        Map<String, Long> copied = to.read(c -> counts(c, tables));
        List<TableCount> out = new ArrayList<>();
        for (String t : tables) {
            out.add(new TableCount(t, source.get(t), copied.get(t)));
        }
        return out;
    }

    private static List<String> sqliteTables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE"
                + " type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        List<String> ordered = new ArrayList<>();
        PARENTS_FIRST.stream().filter(names::contains).forEach(ordered::add);
        names.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
        return ordered;
    }

    private static Map<String, Long> counts(Connection c, List<String> tables) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                rs.next();
                out.put(t, rs.getLong(1));
            } catch (SQLException e) {
                throw new SQLException("table " + t + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Void copyTable(Connection sqlite, Connection pg, String table) throws SQLException {
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
            try (PreparedStatement ps = pg.prepareStatement(insert)) {
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        ps.setObject(i, rs.getObject(i));
                    }
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        }
        return null;
    }

    /** Identity columns continue after the copied ids, so the next drill or answer gets a fresh one. */
    private static void resetIdentities(Connection pg, List<String> tables) throws SQLException {
        for (String t : tables) {
            boolean hasIdentity;
            try (PreparedStatement ps = pg.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema"
                    + " = current_schema() AND table_name = ? AND column_name = 'id' AND is_identity = 'YES'")) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    hasIdentity = rs.next();
                }
            }
            if (hasIdentity) {
                try (Statement s = pg.createStatement()) {
                    s.execute("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), coalesce(max(id), 0) + 1, false)"
                            + " FROM " + t);
                }
            }
        }
    }
}
