package dev.drillbot.scoring.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One dataset's tables in a portable form, to hand to a grading process: names, column types as
 * DuckDB should declare them (dates and timestamps typed, see {@link DuckSandbox#duckType}), and rows
 * of Long, Double, String or null. Built from the trusted SQLite image of the question's INSERTs, so
 * the bank's data loads exactly as it always has.
 */
record DatasetTables(List<Table> tables) {
    record Column(String name, String type) {}

    record Table(String name, List<Column> columns, List<List<Object>> rows) {}

    static DatasetTables fromImage(byte[] image, DateColumns dates, long deadlineMillis) {
        Sandbox.Outcome names = Sandbox.run(image, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name"
                + " NOT LIKE 'sqlite_%' ORDER BY rowid", new Deadline(deadlineMillis), 1000);
        if (!(names instanceof Sandbox.Rows list)) {
            throw new IllegalStateException("cannot list the dataset's tables");
        }
        List<Table> tables = new ArrayList<>();
        for (List<Object> t : list.table().rows()) {
            String table = String.valueOf(t.get(0));
            Sandbox.Outcome info = Sandbox.run(image, "SELECT name, type FROM pragma_table_info('"
                    + table.replace("'", "''") + "') ORDER BY cid", new Deadline(deadlineMillis), 1000);
            Sandbox.Outcome rows = Sandbox.run(image, "SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"",
                    new Deadline(deadlineMillis), 1_000_000);
            if (!(info instanceof Sandbox.Rows cols) || !(rows instanceof Sandbox.Rows data)) {
                throw new IllegalStateException("cannot read table " + table);
            }
            List<Column> columns = new ArrayList<>();
            for (List<Object> col : cols.table().rows()) {
                String name = String.valueOf(col.get(0));
                columns.add(new Column(name, DuckSandbox.duckType(name, String.valueOf(col.get(1)), dates)));
            }
            tables.add(new Table(table, columns, data.table().rows()));
        }
        return new DatasetTables(tables);
    }
}
