package dev.drillbot.scoring.sql;

import java.util.List;

/**
 * The rows a query returned. Values are {@code null}, {@link Long}, {@link Double} or {@link String}
 * (blobs become {@code x'..'} text).
 */
record ResultTable(List<String> columns, List<List<Object>> rows) {
    ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    int width() {
        return columns.size();
    }
}
