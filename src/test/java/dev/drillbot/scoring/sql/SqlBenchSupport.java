package dev.drillbot.scoring.sql;

import dev.drillbot.core.bank.SqlQuestion;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * Opens the grader's internals to {@code dev.drillbot.bench.SqlGradingBenchmark}: the time of the
 * query's own execution on warm connections (the baseline the per-grade overhead is measured against)
 * and the cost of each step of a grade.
 */
public final class SqlBenchSupport implements AutoCloseable {
    private static final long FOREVER_MS = 3_600_000;
    private static final WorkerPool WORKERS = new WorkerPool(1);
    private final SqlQuestion question;
    private final String rewritten;
    private final List<SQLiteConnection> warm = new ArrayList<>();
    private final List<byte[]> images = new ArrayList<>();
    private final PreparedQuestion prepared;

    public SqlBenchSupport(SqlQuestion question, String answer) throws SQLException {
        this.question = question;
        this.rewritten = Dialect.rewrite(AnswerText.extract(answer)).sql();
        this.prepared = PreparedQuestion.prepare(question, WORKERS, 2000, 10_000);
        for (SqlQuestion.Dataset d : question.datasets()) {
            byte[] image = Sandbox.image(question.schema(), d.data());
            images.add(image);
            warm.add(Sandbox.open(image, new Deadline(FOREVER_MS, Long.MAX_VALUE)));
        }
    }

    /** The answer's own execution: prepare, execute and fetch on every dataset, connections already open. */
    public long executionNanos() {
        long t = System.nanoTime();
        for (SQLiteConnection c : warm) {
            if (!(Sandbox.execute(c, rewritten, new Deadline(FOREVER_MS, Long.MAX_VALUE), 10_000) instanceof Sandbox.Rows)) {
                throw new IllegalStateException("answer does not run: " + question.id());
            }
        }
        return System.nanoTime() - t;
    }

    /** What a grade's sandbox costs: one locked-down connection, a fresh copy of each dataset loaded in turn. */
    public long sandboxSetupNanos() throws SQLException {
        long t = System.nanoTime();
        SQLiteConnection c = Sandbox.open(images.get(0), new Deadline(FOREVER_MS));
        for (int i = 1; i < images.size(); i++) {
            c.deserialize("main", images.get(i));
        }
        c.close();
        return System.nanoTime() - t;
    }

    private static final java.util.concurrent.ThreadPoolExecutor POOL = new java.util.concurrent.ThreadPoolExecutor(
            2, 2, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(32), r -> {
                Thread t = new Thread(r, "bench-pool");
                t.setDaemon(true);
                return t;
            });

    /** A round trip through a pool configured like the grader's: submit, run nothing, get. */
    public static long poolHandOffNanos() throws Exception {
        long t = System.nanoTime();
        POOL.submit(() -> null).get();
        return System.nanoTime() - t;
    }

    /** Answer extraction, pre-filter and dialect rewrite. */
    public static long textNanos(String answer) {
        long t = System.nanoTime();
        String sql = AnswerText.extract(answer);
        SqlGate.reject(sql, SqlLexer.lex(sql));
        Dialect.rewrite(sql);
        return System.nanoTime() - t;
    }

    /** Comparing the answer's rows with the expected rows on every dataset. */
    public long compareNanos() {
        List<ResultTable> mine = new ArrayList<>();
        for (SQLiteConnection c : warm) {
            mine.add(((Sandbox.Rows) Sandbox.execute(c, rewritten, new Deadline(FOREVER_MS, Long.MAX_VALUE), 10_000)).table());
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
    public void close() throws SQLException {
        for (SQLiteConnection c : warm) {
            c.close();
        }
    }
}
