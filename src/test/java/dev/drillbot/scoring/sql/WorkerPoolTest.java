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
                first = lease.pid();
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

    @Test
    @DisplayName("a grading process that does not answer in time, grows past its allowance, dies or whose grade is"
            + " interrupted is ended with the right reason, the thread free again soon after the deadline; calls"
            + " leave no thread behind")
    void endedWithReason() throws Exception {
        SqlQuestion q = TestQuestions.unitsPerProduct();
        try (WorkerPool pool = new WorkerPool(1)) {
            PreparedQuestion p = PreparedQuestion.prepare(q, pool, 2000, 1000);
            for (int i = 0; i < 50; i++) {
                selectOne(pool, p);
            }
            int threads = Thread.getAllStackTraces().size();
            for (int i = 0; i < 500; i++) {
                selectOne(pool, p);
            }
            assertThat(Thread.getAllStackTraces().size()).isLessThanOrEqualTo(threads);

            // a process that stops answering (stopped from outside) is killed at the deadline plus the grace
            try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
                assertThat(lease.load(p)).isNull();
                long pid = lease.pid();
                assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor()).isZero();
                awaitStopped(pid);
                long start = System.nanoTime();
                Sandbox.Outcome o = lease.run(p, 0, "SELECT 1", 10, new Deadline(300));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(o).isInstanceOfSatisfying(Sandbox.Failed.class,
                        f -> assertThat(f.why()).isEqualTo(Sandbox.Why.TIMEOUT));
                assertThat(millis).isBetween(300 + WorkerPool.GRACE_MILLIS - 5, 300 + 100L);
                // killed (a stopped process never ends by itself); the kill does not wait for it to end
                ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                        .join());
            }
            // one that grows past its allowance
            try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
                assertThat(lease.load(p)).isNull();
                assertThat(lease.run(p, 0, "SELECT list_sum(range(2000000000))", 10, new Deadline(5000)))
                        .isInstanceOfSatisfying(Sandbox.Failed.class,
                                f -> assertThat(f.why()).isEqualTo(Sandbox.Why.MEMORY));
            }
            // one killed from outside during a query
            try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
                assertThat(lease.load(p)).isNull();
                ProcessHandle process = ProcessHandle.of(lease.pid()).orElseThrow();
                java.util.concurrent.CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(process::destroyForcibly);
                assertThat(lease.run(p, 0, "SELECT count(*) FROM range(1000000000000)", 10, new Deadline(5000)))
                        .isInstanceOfSatisfying(Sandbox.Failed.class,
                                f -> assertThat(f.why()).isEqualTo(Sandbox.Why.CRASH));
            }
            // a grade whose thread is interrupted: out of time, and the thread still knows it was interrupted
            try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
                assertThat(lease.load(p)).isNull();
                Thread grading = Thread.currentThread();
                java.util.concurrent.CompletableFuture.delayedExecutor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(grading::interrupt);
                long start = System.nanoTime();
                Sandbox.Outcome o = lease.run(p, 0, "SELECT count(*) FROM range(1000000000000)", 10, new Deadline(5000));
                assertThat(Thread.interrupted()).isTrue();
                assertThat(o).isInstanceOfSatisfying(Sandbox.Failed.class,
                        f -> assertThat(f.why()).isEqualTo(Sandbox.Why.TIMEOUT));
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
            }
            // and the pool carries on
            assertThat(selectOne(pool, p)).isInstanceOf(Sandbox.Rows.class);
        }
    }

    private static Sandbox.Outcome selectOne(WorkerPool pool, PreparedQuestion p) {
        try (WorkerPool.Lease lease = PreparedQuestion.lease(pool)) {
            assertThat(lease.load(p)).isNull();
            return lease.runAll(p, "SELECT 1", 10, new Deadline(2000)).get(0);
        }
    }

    /**
     * Waits until every thread of the process is stopped. kill(2) returns once the stop is pending: the thread that
     * takes it stops the others only when it next runs, so on a busy machine the process's reader thread could still
     * answer one request in between (seen in CI as "SELECT 1" returning rows).
     */
    private static void awaitStopped(long pid) throws Exception {
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return; // no /proc: nothing to wait on
        }
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            boolean all = true;
            try (var ts = Files.list(tasks)) {
                for (Path t : ts.toList()) {
                    String stat = Files.readString(t.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    all &= state == 'T' || state == 't';
                }
            } catch (java.io.IOException e) {
                all = false; // a thread ended while we looked: look again
            }
            if (all) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("process " + pid + " did not stop within 10 s");
    }
}
