package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.SqlQuestion;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile answers must be contained: graded (WRONG, or run harmlessly) within the deadline plus one
 * second, no file written, the question's data unchanged, and the grader still healthy afterwards.
 */
@DisplayName("Hostile answers are contained")
class HostileInputTest {
    private static final long DEADLINE_MS = 1000;
    private static final SqlScorer SCORER = new SqlScorer(Duration.ofMillis(DEADLINE_MS), 10_000, 2, 8);
    private static final SqlQuestion Q = TestQuestions.unitsPerProduct();
    private static final String CORRECT = """
            SELECT p.product_id, p.name, COALESCE(SUM(s.qty), 0) AS units
            FROM products p LEFT JOIN sales s ON s.product_id = p.product_id
            GROUP BY p.product_id, p.name ORDER BY p.product_id""";
    @TempDir
    static Path dir;
    private static List<Path> cwdBefore;

    @BeforeAll
    static void warm() throws IOException {
        assertThat(SCORER.score(Q, CORRECT).verdict()).isEqualTo(Verdict.CORRECT);
        cwdBefore = listing(Path.of("."));
    }

    @AfterAll
    static void close() {
        SCORER.close();
    }

    static Stream<String> hostile() {
        String f = "DIR/evil.db";
        String cross = "SELECT count(*) FROM " + String.join(", ", java.util.Collections.nCopies(20, "products"));
        StringBuilder compound = new StringBuilder("SELECT 1");
        for (int i = 0; i < 60; i++) {
            compound.append(" UNION SELECT ").append(i + 2);
        }
        return Stream.of(
                "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r",
                "WITH RECURSIVE r(x) AS (SELECT 1 UNION SELECT x + 1 FROM r) SELECT max(x) FROM r",
                "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r",
                cross,
                "SELECT length(randomblob(1000000000))",
                "SELECT zeroblob(2000000000)",
                "SELECT printf('%.*c', 2000000000, 'x')",
                "SELECT length(replace(hex(zeroblob(400000)), '0', '0000000000'))",
                "WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r) SELECT length(s) FROM r",
                "SELECT regexp('(a+)+b', replace(hex(zeroblob(20000)), '0', 'a'))",
                "WITH RECURSIVE r(x, b) AS (SELECT 1, zeroblob(99000) UNION SELECT x + 1, zeroblob(99000) FROM r)"
                        + " SELECT count(*) FROM r",
                "WITH RECURSIVE r(x, s) AS (SELECT 1, printf('%9000d', 1) UNION SELECT x + 1, printf('%9000d', x)"
                        + " FROM r) SELECT count(*) FROM r",
                "ATTACH DATABASE '" + f + "' AS evil",
                "VACUUM INTO '" + f + "'",
                "SELECT load_extension('" + f + "')",
                "PRAGMA query_only = 0",
                "PRAGMA writable_schema = 1",
                "SELECT 1; DELETE FROM sales",
                "SELECT 1;\nPRAGMA query_only=0",
                "backup to " + f,
                "restore from " + f,
                "DELETE FROM sales RETURNING *",
                "INSERT INTO sales VALUES (99, 1, 1, '2024-01-01') RETURNING sale_id",
                "REPLACE INTO sales VALUES (1, 1, 100, '2024-01-01')",
                "WITH x AS (SELECT 1) DELETE FROM sales",
                "WITH x AS (SELECT 1) UPDATE sales SET qty = 0",
                "WITH x AS (SELECT 1) REPLACE INTO sales VALUES (1, 1, 100, '2024-01-01')",
                "CREATE TEMP TABLE t AS SELECT * FROM sales",
                "DROP TABLE sales",
                "SELECT writefile('" + f + "', 'x')",
                "SELECT fts3_tokenizer('simple')",
                compound.toString(),
                "SELECT ?",
                "SELECT 1 /* never closed",
                "SELECT " + "(".repeat(3000) + "1" + ")".repeat(3000),
                // issue 10, part B: work outside the deadline, unbounded memory, rewriter crashes
                "SELECT " + String.join(" || ", java.util.Collections.nCopies(12, "to_char(sold_on, '"
                        + "YYYY".repeat(350) + "')")) + " FROM sales",
                "SELECT length(regexp_replace(repeat('a', 100000), '', repeat('b', 100000), 'g'))",
                "SELECT strpos(repeat('a', 5000000), repeat('a', 100000) || 'b')",
                "SELECT " + "(".repeat(40) + String.join(" + ", java.util.Collections.nCopies(1500, "TRUNC(1)"))
                        + ")".repeat(40),
                "SELECT " + "(".repeat(9000) + "1" + ")".repeat(9000),
                "SELECT CAST( AS DATE)",
                "SELECT - date('2024-01-01')",
                "SELECT #name(1, ';') FROM sales",
                // DuckDB's own ways out: files, extensions, settings, statements hidden from the gate
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM glob('/*')",
                "SELECT * FROM read_text('DIR/x')",
                "COPY (SELECT 1) TO 'DIR/x.csv'",
                "INSTALL httpfs",
                "SELECT * FROM query('INSTALL httpfs')",
                "SET lock_configuration = false",
                "SELECT $$[$$; DELETE FROM sales; SELECT $$]$$",
                "SELECT $tag$ ; $tag$; DELETE FROM sales",
                "SELECT 1 /* /* */ ; DELETE FROM sales; */",
                "SELECT E'\\'; DELETE FROM sales; SELECT 1",
                "SELECT * FROM query('DELETE FROM sales')",
                "SELECT repeat('x', 2000000000)",
                "SELECT count(*) FROM range(1000000000000)",
                "SELECT list_sum(range(2000000000))",
                "SELECT string_agg(repeat('x', 1000000), ',') FROM range(5000)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    @DisplayName("contained: WRONG in time, nothing written, data unchanged, grader healthy")
    void contained(String attack) throws IOException {
        String sql = attack.replace("DIR", dir.toString());
        long start = System.nanoTime();
        Score s = SCORER.score(Q, sql);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThanOrEqualTo(DEADLINE_MS + 1000);
        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(s.feedback()).isNotEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(listing(Path.of("."))).isEqualTo(cwdBefore);
        // same data, same grader: the correct answer is still correct, and the rows are untouched
        assertThat(SCORER.score(Q, CORRECT).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(SCORER.score(Q, "SELECT 1 AS product_id, 'Dune' AS name, 3 AS units UNION ALL SELECT 2, 'Emma', 4"
                + " UNION ALL SELECT 3, 'Go', 1 UNION ALL SELECT 4, 'Chess', 0").feedback().get(0))
                .contains("right rows on the sample");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("harmless")
    @DisplayName("quote and comment tricks are not mistaken for attacks: the query runs")
    void harmlessTricksRun(String sql) {
        Score s = SCORER.score(Q, sql);
        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(s.feedback().get(0)).contains("differs from the expected one on the sample");
    }

    static Stream<String> harmless() {
        return Stream.of(
                "SELECT ';' /* ; DROP TABLE sales */",
                "SELECT 'DELETE FROM sales' AS \"INSERT\"",
                "SELECT 1 -- ; PRAGMA query_only = 0",
                "SELECT \"update\", \"delete\" FROM (SELECT 1 AS \"update\", 2 AS \"delete\") t",
                "SELECT name FROM sqlite_master",
                "SELECT * FROM pragma_table_info('sales')",
                "VALUES (1, 'a', 2)");
    }

    @Test
    @DisplayName("a query that hoards memory is stopped at the memory limit, well before its deadline")
    void memoryBomb() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/statm")));
        // a deadline far away: the answer must name memory, not time, as the limit it hit
        try (SqlScorer patient = new SqlScorer(Duration.ofSeconds(60), 10_000, 1, 2)) {
            Score s = patient.score(Q, "WITH RECURSIVE r(x, b) AS (SELECT 1, repeat('x', 99000) UNION"
                    + " SELECT x + 1, repeat('x', 99000) || x FROM r) SELECT count(*) FROM r");
            assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
            assertThat(s.feedback().get(0)).contains("MB of memory").contains("recursive CTE");
        }
    }

    @Test
    @DisplayName("a flood of runaway queries is queued or refused, every caller answered in time, grader healthy")
    void flood() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try {
            List<Future<Long>> times = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                times.add(callers.submit(() -> {
                    long t = System.nanoTime();
                    try {
                        Score s = SCORER.score(Q, "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)"
                                + " SELECT count(*) FROM r");
                        assertThat(s.verdict()).isEqualTo(Verdict.WRONG);
                    } catch (dev.drillbot.core.scoring.ScoringUnavailableException busy) {
                        // refused while the pool is full: not counted against the learner
                        assertThat(busy.getMessage()).contains("busy");
                    }
                    return (System.nanoTime() - t) / 1_000_000;
                }));
            }
            for (Future<Long> f : times) {
                // queued answers wait at most the queue limit, then run under their own deadline or hear "busy"
                assertThat(f.get()).isLessThanOrEqualTo(SCORER.maxQueueMillis() + DEADLINE_MS + 1000);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(SCORER.score(Q, CORRECT).verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    @DisplayName("one learner's flood of 30 heavy answers costs another learner nothing: their correct answer is CORRECT")
    void oneLearnersFloodIsTheirOwn() throws Exception {
        String heavy = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT count(*) FROM r";
        ExecutorService flooder = Executors.newFixedThreadPool(30);
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(30);
        try {
            List<Future<?>> flood = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                flood.add(flooder.submit(() -> {
                    sent.countDown();
                    try {
                        SCORER.score(Q, heavy, "slack:flooder");
                    } catch (dev.drillbot.core.scoring.ScoringUnavailableException busy) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            sent.await();
            Score innocent = SCORER.score(Q, CORRECT, "slack:innocent");
            assertThat(innocent.verdict()).as(String.join(" | ", innocent.feedback())).isEqualTo(Verdict.CORRECT);
            for (Future<?> f : flood) {
                f.get();
            }
            // all but the one being graded at a time were told to wait for their previous answer
            assertThat(refused.get()).isGreaterThanOrEqualTo(25);
        } finally {
            flooder.shutdownNow();
        }
    }

    private static List<Path> listing(Path p) throws IOException {
        try (Stream<Path> s = Files.list(p)) {
            return s.map(Path::getFileName).sorted().toList();
        }
    }
}
