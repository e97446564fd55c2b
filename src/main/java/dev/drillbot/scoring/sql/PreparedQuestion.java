package dev.drillbot.scoring.sql;

import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.scoring.sql.SqlLexer.Kind;
import dev.drillbot.scoring.sql.SqlLexer.Token;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about a question that does not depend on the answer, computed once: each dataset's
 * database image and the reference's rows on it. The expected rows never touch a learner's
 * connection; they live here in Java.
 */
final class PreparedQuestion {
    final SqlQuestion question;
    /** Identifies this version of the question's data in the grading processes. */
    final String key;
    /** Each dataset built by SQLite from the bank's INSERTs: trusted content, for the tables shown to learners. */
    final List<byte[]> images = new ArrayList<>();
    /** The same datasets as typed tables, loaded into DuckDB in the grading processes. */
    final List<DatasetTables> tables = new ArrayList<>();
    final List<ResultTable> expected = new ArrayList<>();
    final boolean ordered;
    final int[] orderCols;
    /** Column names holding dates and timestamps, for date arithmetic in the dialect. */
    final DateColumns dateColumns;
    /** Table name to column names, lower case, for the style remarks. */
    final Map<String, Set<String>> columns = new HashMap<>();
    /** Why the question cannot be graded, or empty. */
    final Optional<String> broken;
    /** Results of each known mistake per dataset (null entries for ones that fail); computed lazily. */
    volatile List<List<ResultTable>> mistakeResults;

    private PreparedQuestion(SqlQuestion q, boolean ordered, int[] orderCols, Optional<String> broken,
            DateColumns dateColumns) {
        this.question = q;
        this.key = q.id() + "#" + Integer.toHexString(java.util.Objects.hash(q.schema(), q.datasets(), dateColumns));
        this.dateColumns = dateColumns;
        this.ordered = ordered;
        this.orderCols = orderCols;
        this.broken = broken;
    }

    /**
     * Builds the datasets and runs the solution on each in a grading process from {@code pool}.
     *
     * @throws dev.drillbot.core.scoring.ScoringUnavailableException when no grading process is free
     */
    static PreparedQuestion prepare(SqlQuestion q, WorkerPool pool, long deadlineMillis, int maxRows) {
        List<byte[]> images = new ArrayList<>();
        for (SqlQuestion.Dataset d : q.datasets()) {
            try {
                images.add(Sandbox.image(q.schema(), d.data()));
            } catch (SQLException e) {
                return broken(q, "dataset '" + d.name() + "' does not load: " + Sandbox.clean(e.getMessage()));
            }
        }
        String ref = AnswerText.stripTrailingSemicolons(q.solution().strip());
        Optional<String> rejected = SqlGate.reject(ref, SqlLexer.lex(ref));
        if (rejected.isPresent()) {
            return broken(q, "the solution is not accepted by the grader: " + rejected.get());
        }
        Map<String, Set<String>> tables = columns(images.get(0), deadlineMillis);
        DateColumns dates = dateColumns(images, tables.keySet(), deadlineMillis);
        DuckDialect.Result rewritten = DuckDialect.rewrite(ref, dates);
        if (rewritten.unsupported().isPresent()) {
            return broken(q, "the solution uses something unsupported: " + rewritten.unsupported().get());
        }
        PreparedQuestion p = new PreparedQuestion(q, false, new int[0], Optional.empty(), dates);
        for (byte[] image : images) {
            p.tables.add(DatasetTables.fromImage(image, dates, deadlineMillis));
        }
        List<ResultTable> expected = new ArrayList<>();
        try (WorkerPool.Lease lease = lease(pool)) {
            List<Sandbox.Outcome> outcomes = lease.runAll(p, rewritten.sql(), maxRows, new Deadline(deadlineMillis * 5));
            for (int i = 0; i < outcomes.size(); i++) {
                Sandbox.Outcome o = outcomes.get(i);
                if (o instanceof Sandbox.Failed f) {
                    if (f.why() == Sandbox.Why.CRASH) {
                        throw new dev.drillbot.core.scoring.ScoringUnavailableException(
                                "The SQL grader stopped unexpectedly; please send the answer again.");
                    }
                    return broken(q, "the solution fails on dataset '" + q.datasets().get(i).name() + "': "
                            + (f.message().isEmpty() ? f.why().name().toLowerCase(Locale.ROOT) : f.message()));
                }
                expected.add(((Sandbox.Rows) o).table());
            }
        }
        if (expected.size() < images.size()) {
            throw new dev.drillbot.core.scoring.ScoringUnavailableException(
                    "The SQL grader returned too few results; please send the answer again.");
        }
        boolean hasOrderBy = topLevelOrderBy(ref).isPresent();
        boolean ordered = q.ordered() != null ? q.ordered() : hasOrderBy;
        int[] cols;
        ResultTable first = expected.get(0);
        if (!q.orderKeys().isEmpty()) {
            cols = new int[q.orderKeys().size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = indexOf(first.columns(), q.orderKeys().get(i));
                if (cols[i] < 0) {
                    return broken(q, "order_keys: '" + q.orderKeys().get(i) + "' is not a column of the solution's"
                            + " result (" + String.join(", ", first.columns()) + ")");
                }
            }
        } else {
            cols = ordered ? orderColumnsOf(ref, first.columns()) : new int[0];
        }
        PreparedQuestion ready = new PreparedQuestion(q, ordered, cols, Optional.empty(), dates);
        ready.images.addAll(images);
        ready.tables.addAll(p.tables);
        ready.expected.addAll(expected);
        ready.columns.putAll(tables);
        return ready;
    }

    /** A grading process for {@code deadline}; a question is prepared rarely, so it may wait a while. */
    static WorkerPool.Lease lease(WorkerPool pool) {
        try {
            WorkerPool.Lease lease = pool.acquire(30_000);
            if (lease == null) {
                throw new dev.drillbot.core.scoring.ScoringUnavailableException(SqlScorer.BUSY);
            }
            return lease;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.drillbot.core.scoring.ScoringUnavailableException(SqlScorer.BUSY);
        }
    }

    /** The request that loads this question's datasets into a grading process. */
    com.fasterxml.jackson.databind.node.ObjectNode loadRequest() {
        var req = GraderWorker.JSON.createObjectNode().put("op", "load").put("key", key);
        var ds = req.putArray("datasets");
        tables.forEach(t -> ds.add(GraderWorker.JSON.valueToTree(t)));
        return req;
    }

    private static Map<String, Set<String>> columns(byte[] image, long deadlineMillis) {
        Sandbox.Outcome o = Sandbox.run(image, "SELECT lower(m.name), lower(c.name) FROM sqlite_schema m"
                + " JOIN pragma_table_info(m.name) c WHERE m.type IN ('table', 'view')", new Deadline(deadlineMillis),
                100_000);
        Map<String, Set<String>> out = new HashMap<>();
        if (o instanceof Sandbox.Rows r) {
            for (List<Object> row : r.table().rows()) {
                out.computeIfAbsent((String) row.get(0), k -> new HashSet<>()).add((String) row.get(1));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

    /**
     * Columns whose values, in every dataset, are all dates (or all dates and timestamps). A name that
     * means a date in one table and something else in another is left out.
     */
    private static DateColumns dateColumns(List<byte[]> images, Set<String> tables, long deadlineMillis) {
        Map<String, String> kind = new HashMap<>();
        Set<String> mixed = new HashSet<>();
        for (String table : tables) {
            for (byte[] image : images) {
                Sandbox.Outcome o = Sandbox.run(image, "SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"",
                        new Deadline(deadlineMillis), 100_000);
                if (!(o instanceof Sandbox.Rows r)) {
                    continue;
                }
                for (int c = 0; c < r.table().width(); c++) {
                    String name = r.table().columns().get(c).toLowerCase(Locale.ROOT);
                    for (List<Object> row : r.table().rows()) {
                        Object v = row.get(c);
                        if (v == null) {
                            continue;
                        }
                        String k = v instanceof String str ? (DATE.matcher(str).matches() ? "date"
                                : TIMESTAMP.matcher(str).matches() ? "timestamp" : "other") : "other";
                        String before = kind.putIfAbsent(name, k);
                        if (before != null && !before.equals(k)) {
                            if (before.equals("other") || k.equals("other")) {
                                mixed.add(name);
                            } else {
                                kind.put(name, "timestamp"); // dates and timestamps: treat as timestamps
                            }
                        }
                    }
                }
            }
        }
        Set<String> dates = new HashSet<>();
        Set<String> timestamps = new HashSet<>();
        kind.forEach((name, k) -> {
            if (!mixed.contains(name)) {
                if (k.equals("date")) {
                    dates.add(name);
                } else if (k.equals("timestamp")) {
                    timestamps.add(name);
                }
            }
        });
        return new DateColumns(Set.copyOf(dates), Set.copyOf(timestamps));
    }

    private static PreparedQuestion broken(SqlQuestion q, String why) {
        return new PreparedQuestion(q, false, new int[0], Optional.of(why), DateColumns.NONE);
    }

    private static int indexOf(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    /** Tokens after the ORDER BY at parenthesis depth 0 (the query's own, not a window's or a CTE's). */
    static Optional<List<Token>> topLevelOrderBy(String sql) {
        List<Token> sig = SqlLexer.significant(SqlLexer.lex(sql));
        int depth = 0;
        for (int i = 0; i + 1 < sig.size(); i++) {
            Token t = sig.get(i);
            depth += t.kind() == Kind.LPAREN ? 1 : t.kind() == Kind.RPAREN ? -1 : 0;
            if (depth == 0 && t.isWord("ORDER") && sig.get(i + 1).isWord("BY")) {
                return Optional.of(sig.subList(i + 2, sig.size()));
            }
        }
        return Optional.empty();
    }

    /**
     * The result columns the reference orders by, when each ORDER BY item is a plain column or a
     * position; otherwise all columns (authors then set order_keys if ties are possible).
     */
    private static int[] orderColumnsOf(String ref, List<String> columns) {
        Optional<List<Token>> items = topLevelOrderBy(ref);
        if (items.isEmpty()) {
            return new int[0];
        }
        List<Integer> cols = new ArrayList<>();
        List<Token> item = new ArrayList<>();
        int depth = 0;
        for (Token t : items.get()) {
            depth += t.kind() == Kind.LPAREN ? 1 : t.kind() == Kind.RPAREN ? -1 : 0;
            boolean end = depth == 0 && (t.kind() == Kind.COMMA || t.isWord("LIMIT") || t.isWord("OFFSET"));
            if (!end) {
                item.add(t);
                continue;
            }
            if (!addItem(item, columns, cols)) {
                return new int[0];
            }
            item.clear();
            if (!(t.kind() == Kind.COMMA)) {
                break;
            }
        }
        if (!item.isEmpty() && !addItem(item, columns, cols)) {
            return new int[0];
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean addItem(List<Token> item, List<String> columns, List<Integer> cols) {
        List<Token> core = new ArrayList<>(item);
        while (!core.isEmpty() && core.get(core.size() - 1).kind() == Kind.WORD && List.of("ASC", "DESC", "NULLS",
                "FIRST", "LAST").contains(core.get(core.size() - 1).upper())) {
            core.remove(core.size() - 1);
        }
        if (core.size() == 1 && core.get(0).kind() == Kind.NUMBER) {
            int pos = Integer.parseInt(core.get(0).text()) - 1;
            if (pos >= 0 && pos < columns.size()) {
                cols.add(pos);
                return true;
            }
            return false;
        }
        Token name = core.isEmpty() ? null : core.get(core.size() - 1);
        boolean simple = core.size() == 1 || (core.size() == 3 && core.get(1).kind() == Kind.DOT);
        if (!simple || name == null || !(name.kind() == Kind.WORD || name.kind() == Kind.QUOTED_ID)) {
            return false;
        }
        String n = name.kind() == Kind.QUOTED_ID ? name.text().substring(1, name.text().length() - 1) : name.text();
        int idx = indexOf(columns, n);
        if (idx < 0) {
            return false;
        }
        cols.add(idx);
        return true;
    }
}
