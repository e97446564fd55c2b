package dev.drillbot.scoring.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What a learner needs beside the question to write the query: each table's columns and the sample
 * dataset's rows, as aligned text tables. Hidden datasets are never shown.
 */
final class SqlBriefing {
    /** Rows shown per table; the rest is summarised so a drill post stays readable in chat. */
    static final int ROWS_PER_TABLE = 20;

    private SqlBriefing() {}

    static String of(PreparedQuestion p, long deadlineMillis) {
        if (p.images.isEmpty()) {
            return "";
        }
        byte[] sample = p.images.get(0);
        Sandbox.Outcome tables = Sandbox.run(sample, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY rowid", new Deadline(deadlineMillis), 100);
        if (!(tables instanceof Sandbox.Rows names)) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Sample data (your query also runs on hidden datasets):\n```\n");
        int shownTables = 0;
        for (List<Object> row : names.table().rows()) {
            String table = String.valueOf(row.get(0));
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            // the first rows and a count: a large sample table is shown in part, never dropped
            Sandbox.Outcome o = Sandbox.run(sample, "SELECT * FROM " + quoted + " LIMIT " + ROWS_PER_TABLE,
                    new Deadline(deadlineMillis), ROWS_PER_TABLE);
            Sandbox.Outcome n = Sandbox.run(sample, "SELECT count(*) FROM " + quoted, new Deadline(deadlineMillis), 1);
            if (o instanceof Sandbox.Rows r && n instanceof Sandbox.Rows count) {
                appendTable(sb, table, r.table(), ((Number) count.table().rows().get(0).get(0)).longValue());
                shownTables++;
            }
        }
        return shownTables == 0 ? "" : sb.toString().stripTrailing() + "\n```";
    }

    private static void appendTable(StringBuilder sb, String name, ResultTable t, long total) {
        int shown = Math.min(ROWS_PER_TABLE, t.rows().size());
        List<List<String>> cells = new ArrayList<>();
        cells.add(t.columns());
        for (int i = 0; i < shown; i++) {
            List<String> line = new ArrayList<>();
            t.rows().get(i).forEach(v -> line.add(SqlScorer.show(v)));
            cells.add(line);
        }
        int[] width = new int[t.width()];
        for (List<String> line : cells) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], line.get(c).length());
            }
        }
        sb.append(name).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            List<String> line = cells.get(i);
            StringBuilder out = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                out.append(c == 0 ? "" : " | ").append(line.get(c)).append(" ".repeat(width[c] - line.get(c).length()));
            }
            sb.append(out.toString().stripTrailing()).append('\n');
            if (i == 0) {
                sb.append("-".repeat(out.toString().stripTrailing().length())).append('\n');
            }
        }
        if (total > shown) {
            sb.append("... ").append(String.format(java.util.Locale.ROOT, "%,d", total - shown)).append(" more rows\n");
        } else if (t.rows().isEmpty()) {
            sb.append("(no rows)\n");
        }
        sb.append('\n');
    }
}
