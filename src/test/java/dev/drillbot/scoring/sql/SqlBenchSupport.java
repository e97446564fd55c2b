package dev.drillbot.scoring.sql;

import dev.drillbot.core.bank.SqlQuestion;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the grader's internals to {@code dev.drillbot.bench.SqlGradingBenchmark}: the time of the
 * query's own execution in DuckDB on warm databases in this process (the baseline the per-grade
 * overhead is measured against) and the cost of each step of a grade.
 */
public final class SqlBenchSupport implements AutoCloseable {
    private static final long FOREVER_MS = 3_600_000;
    private static final WorkerPool WORKERS = new WorkerPool(1);
    private final SqlQuestion question;
    private final String rewritten;
    private final List<DuckSandbox> warm = new ArrayList<>();
    private final PreparedQuestion prepared;

    public SqlBenchSupport(SqlQuestion question, String answer) throws SQLException, java.io.IOException {
        this.question = question;
        this.prepared = PreparedQuestion.prepare(question, WORKERS, 2000, 10_000);
        this.rewritten = DuckDialect.rewrite(AnswerText.extract(answer), prepared.dateColumns).sql();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bench-");
        for (DatasetTables t : prepared.tables) {
            warm.add(DuckSandbox.load(t, dir.resolve("d" + warm.size() + ".duckdb")));
        }
    }

    /**
     * What a grading process pays per dataset: every dataset of the bank loaded into DuckDB in this
     * process, one after another; prints the median load time and the resident memory and threads
     * added per loaded dataset (from /proc/self/status).
     */
    public static void loadCost(List<SqlQuestion> questions) throws Exception {
        long rss0 = status("VmRSS:");
        long threads0 = status("Threads:");
        List<Double> ms = new ArrayList<>();
        List<DuckSandbox> open = new ArrayList<>();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("bench-load-");
        for (SqlQuestion q : questions) {
            PreparedQuestion p = PreparedQuestion.prepare(q, WORKERS, 2000, 10_000);
            for (DatasetTables t : p.tables) {
                long t0 = System.nanoTime();
                open.add(DuckSandbox.load(t, dir.resolve("d" + open.size() + ".duckdb")));
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        long t0 = System.nanoTime();
        int n = 0;
        for (DuckSandbox d : open) {
            d.run("SELECT 1", new Deadline(FOREVER_MS), 10);
            n++;
        }
        double selectOne = (System.nanoTime() - t0) / 1e6 / n;
        java.util.Collections.sort(ms);
        System.out.printf(java.util.Locale.ROOT, "dataset load: %d datasets, median %.1f ms (max %.1f); per open dataset"
                + " %.1f MB resident and %.1f threads; SELECT 1 on a warm dataset %.2f ms%n", open.size(),
                ms.get(ms.size() / 2), ms.get(ms.size() - 1), (status("VmRSS:") - rss0) / 1024.0 / open.size(),
                (double) (status("Threads:") - threads0) / open.size(), selectOne);
        open.forEach(DuckSandbox::close);
    }

    private static long status(String field) throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** The hostile-input suite's attacks ({@code DIR} is where file attacks would write). */
    public static List<String> hostileAnswers(java.nio.file.Path dir) {
        return HostileInputTest.hostile().map(a -> a.replace("DIR", dir.toString())).toList();
    }

    /** The answer's own execution: prepare, execute and fetch on every dataset, databases already open. */
    public long executionNanos() {
        long t = System.nanoTime();
        for (DuckSandbox d : warm) {
            if (!(d.run(rewritten, new Deadline(FOREVER_MS, Long.MAX_VALUE), 10_000) instanceof Sandbox.Rows)) {
                throw new IllegalStateException("answer does not run: " + question.id());
            }
        }
        return System.nanoTime() - t;
    }

    /** A grade's round trip to a grading process and back, for a query that does nothing (SELECT 1 on every dataset). */
    public long roundTripNanos() {
        try (WorkerPool.Lease lease = PreparedQuestion.lease(WORKERS)) {
            lease.load(prepared);
            long t = System.nanoTime();
            lease.runAll(prepared, "SELECT 1", 10, new Deadline(FOREVER_MS));
            long ipc = System.nanoTime() - t;
            t = System.nanoTime();
            for (DuckSandbox d : warm) {
                d.run("SELECT 1", new Deadline(FOREVER_MS), 10);
            }
            return ipc - (System.nanoTime() - t);
        }
    }

    /** The answer run in a grading process, one request for every dataset, the question already loaded there. */
    public long workerExecutionNanos() {
        try (WorkerPool.Lease lease = PreparedQuestion.lease(WORKERS)) {
            lease.load(prepared);
            long t = System.nanoTime();
            lease.runAll(prepared, rewritten, 10_000, new Deadline(FOREVER_MS));
            return System.nanoTime() - t;
        }
    }

    /** Answer extraction, pre-filter and dialect rewrite. */
    public static long textNanos(String answer) {
        long t = System.nanoTime();
        String sql = AnswerText.extract(answer);
        SqlGate.reject(sql, SqlLexer.lex(sql));
        DuckDialect.rewrite(sql);
        return System.nanoTime() - t;
    }

    /** Comparing the answer's rows with the expected rows on every dataset. */
    public long compareNanos() {
        List<ResultTable> mine = new ArrayList<>();
        for (DuckSandbox d : warm) {
            mine.add(((Sandbox.Rows) d.run(rewritten, new Deadline(FOREVER_MS, Long.MAX_VALUE), 10_000)).table());
        }
        long t = System.nanoTime();
        for (int i = 0; i < mine.size(); i++) {
            Comparison.compare(prepared.expected.get(i), mine.get(i), question.tolerance(), prepared.ordered,
                    prepared.orderCols);
        }
        return System.nanoTime() - t;
    }

    private static final java.util.concurrent.ExecutorService PARSER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-parser");
                t.setDaemon(true);
                return t;
            });

    /** The style remarks (JSqlParser on its executor, with the grader's timeout). */
    public static long styleNanos(String answer) {
        String sql = AnswerText.extract(answer);
        long t = System.nanoTime();
        new QueryStyle(PARSER, 500).remarks(sql);
        return System.nanoTime() - t;
    }

    @Override
    public void close() {
        warm.forEach(DuckSandbox::close);
    }
}
