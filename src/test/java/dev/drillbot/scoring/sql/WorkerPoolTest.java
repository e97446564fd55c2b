package dev.drillbot.scoring.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbot.core.bank.SqlQuestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grading processes come and go without leaving anything on the machine. */
@DisplayName("Grading processes are replaced and cleaned up")
class WorkerPoolTest {
    @Test
    @DisplayName("a grading process killed from outside is replaced before the next query runs; closing the pool"
            + " leaves no directory (nor DuckDB's 70 MB native library) behind")
    void killedAndClosed() throws Exception {
        SqlQuestion q = TestQuestions.unitsPerProduct();
        WorkerPool pool = new WorkerPool(1);
        List<Path> seen = new ArrayList<>();
        try {
            PreparedQuestion p = PreparedQuestion.prepare(q, pool, 2000, 1000);
            long first;
            try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
                assertThat(lease.run(p, 0, "SELECT count(*) FROM products", 10, new Deadline(2000)))
                        .isInstanceOf(Sandbox.Rows.class);
                seen.addAll(pool.dirs());
                first = pool.pids().get(0);
                assertThat(Files.list(seen.get(0)).map(f -> f.getFileName().toString()))
                        .anyMatch(n -> n.startsWith("libduckdb_java")); // unpacked in the process's own directory
                ProcessHandle process = ProcessHandle.of(first).orElseThrow();
                process.destroyForcibly();
                process.onExit().get();
                // a process that died between queries is replaced before the next query's deadline starts
                assertThat(lease.load(p)).isNull();
                assertThat(lease.run(p, 0, "SELECT count(*) FROM products", 10, new Deadline(2000)))
                        .isInstanceOf(Sandbox.Rows.class);
            }
            try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
                assertThat(lease.run(p, 0, "SELECT count(*) FROM products", 10, new Deadline(2000)))
                        .isInstanceOf(Sandbox.Rows.class);
                assertThat(pool.pids()).doesNotContain(first);
                seen.addAll(pool.dirs());
            }
        } finally {
            pool.close();
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(2).noneMatch(Files::exists);
    }

    @Test
    @DisplayName("one request runs a query on every dataset in order, and stops after the first dataset it fails on")
    void oneRequestPerGrade() throws Exception {
        SqlQuestion q = TestQuestions.unitsPerProduct();
        try (WorkerPool pool = new WorkerPool(1)) {
            PreparedQuestion p = PreparedQuestion.prepare(q, pool, 2000, 1000);
            try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
                String count = "SELECT count(*) AS n FROM products";
                List<Sandbox.Outcome> all = lease.runAll(p, count, 10, new Deadline(2000));
                assertThat(all).hasSize(q.datasets().size());
                List<Object> counts = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    Object n = ((Sandbox.Rows) all.get(i)).table().rows().get(0).get(0);
                    counts.add(n);
                    assertThat(((Sandbox.Rows) lease.run(p, i, count, 10, new Deadline(2000))).table().rows().get(0)
                            .get(0)).isEqualTo(n);
                }
                int later = 1;
                while (later < counts.size() && counts.subList(0, later).contains(counts.get(later))) {
                    later++;
                }
                assertThat(later).as("a hidden dataset with its own row count").isLessThan(counts.size());
                List<Sandbox.Outcome> stopped = lease.runAll(p, "SELECT CASE WHEN count(*) = " + counts.get(later)
                        + " THEN error('stop here') ELSE 1 END FROM products", 10, new Deadline(2000));
                assertThat(stopped).hasSize(later + 1);
                assertThat(stopped.subList(0, later)).allMatch(o -> o instanceof Sandbox.Rows);
                assertThat(stopped.get(later)).isInstanceOfSatisfying(Sandbox.Failed.class,
                        f -> assertThat(f.message()).contains("stop here"));
            }
        }
    }
}
