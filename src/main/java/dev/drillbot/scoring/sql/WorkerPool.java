package dev.drillbot.scoring.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbot.core.scoring.ScoringUnavailableException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few grading processes ({@link GraderWorker}), each leased to one grade at a time. The bot's own
 * process never runs learner SQL: a grade sends its queries to a worker and waits for the reply at
 * most until its deadline plus {@link #GRACE_MILLIS}. A worker that does not answer in time, grows
 * past its memory allowance during a grade, or dies, is killed and replaced, and the grade is told
 * why (timeout, memory, crash) - so a grading thread is free again soon after the deadline whatever
 * the query does, and nothing a query does can take the bot down.
 */
final class WorkerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    static final long GRACE_MILLIS = 50;
    /** Resident memory a worker may add during one grade before it is killed. */
    static final long GRADE_MEMORY_BYTES = 384L * 1024 * 1024;
    private static final long START_TIMEOUT_MILLIS = 30_000;
    private static final long LOAD_TIMEOUT_MILLIS = 30_000;
    private static final long PAGE = 4096;

    private final int size;
    private final BlockingQueue<Worker> idle;
    private final List<Worker> all = new ArrayList<>();
    private volatile boolean closed;
    private volatile boolean everReady;
    private int started;

    WorkerPool(int size) {
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /**
     * One grade's exclusive use of a worker, until {@link #close}. Queries run in the worker; replies
     * are awaited until the grade's deadline.
     */
    final class Lease implements AutoCloseable {
        private Worker worker;

        private Lease(Worker worker) {
            this.worker = worker;
        }

        /**
         * Makes sure the worker holds the question's datasets. Loading is the grader's work, not the
         * learner's: it happens before the grade's deadline starts.
         *
         * @return a failure to report, or null when the question is loaded
         */
        Sandbox.Failed load(PreparedQuestion p) {
            Worker w = live();
            if (w.loaded.contains(p.key)) {
                return null;
            }
            Reply r = w.call(p.loadRequest(), LOAD_TIMEOUT_MILLIS, false);
            if (!r.ok()) {
                return r.failure("the grader could not load this question");
            }
            w.loaded.add(p.key);
            return null;
        }

        Sandbox.Outcome run(PreparedQuestion p, int dataset, String sql, int maxRows, Deadline deadline) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Sandbox.Failed notLoaded = load(p);
                if (notLoaded != null) {
                    return notLoaded;
                }
                if (deadline.passed()) {
                    return new Sandbox.Failed(Sandbox.Why.TIMEOUT, "");
                }
                ObjectNode req = GraderWorker.JSON.createObjectNode().put("op", "run").put("key", p.key)
                        .put("dataset", dataset).put("sql", sql).put("maxRows", maxRows)
                        .put("timeoutMillis", Math.max(1, deadline.remainingMillis()));
                Reply r = live().call(req, Math.max(1, deadline.remainingMillis()) + GRACE_MILLIS, true);
                if (r.json() != null && r.json().path("missing").asBoolean(false)) {
                    live().loaded.remove(p.key); // evicted in the worker: load again and retry once
                    continue;
                }
                return r.outcome();
            }
            return new Sandbox.Failed(Sandbox.Why.ERROR, "the grader could not load this question");
        }

        /**
         * Runs the query on every dataset in order, in one round trip, under one deadline; the list ends
         * with the first dataset on which it failed (later ones are not run).
         */
        List<Sandbox.Outcome> runAll(PreparedQuestion p, String sql, int maxRows, Deadline deadline) {
            for (int attempt = 0; attempt < 2; attempt++) {
                Sandbox.Failed notLoaded = load(p);
                if (notLoaded != null) {
                    return List.of(notLoaded);
                }
                if (deadline.passed()) {
                    return List.of(new Sandbox.Failed(Sandbox.Why.TIMEOUT, ""));
                }
                ObjectNode req = GraderWorker.JSON.createObjectNode().put("op", "run").put("key", p.key)
                        .put("sql", sql).put("maxRows", maxRows)
                        .put("timeoutMillis", Math.max(1, deadline.remainingMillis()));
                Reply r = live().call(req, Math.max(1, deadline.remainingMillis()) + GRACE_MILLIS, true);
                if (r.json() == null) {
                    return List.of(r.outcome()); // killed: timeout, memory or crash
                }
                if (r.json().path("missing").asBoolean(false)) {
                    live().loaded.remove(p.key); // evicted in the worker: load again and retry once
                    continue;
                }
                if (!r.json().has("results")) {
                    return List.of(r.outcome()); // the worker could not read the request
                }
                List<Sandbox.Outcome> out = new ArrayList<>();
                r.json().path("results").forEach(one -> out.add(Reply.outcome(one)));
                return out;
            }
            return List.of(new Sandbox.Failed(Sandbox.Why.ERROR, "the grader could not load this question"));
        }

        /** The leased worker, or a fresh one if it was killed during this grade. */
        private Worker live() {
            if (!worker.alive()) {
                worker = replace(worker);
            }
            return worker;
        }

        @Override
        public void close() {
            if (worker.alive()) {
                idle.offer(worker);
            } else {
                startInBackground(worker);
            }
        }
    }

    /** Whether a grading process has ever been ready: after that, a missing one is a restart, not a cold start. */
    boolean everReady() {
        return everReady;
    }

    /** Waits up to {@code waitMillis} for a free worker; starts workers on first use. */
    Lease acquire(long waitMillis) throws InterruptedException {
        if (closed) {
            throw new ScoringUnavailableException("The SQL grader is shutting down.");
        }
        long end = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            startMissing(); // again each slice: a process that failed to start is started anew
            long left = (end - System.nanoTime()) / 1_000_000L;
            Worker w = idle.poll(Math.max(0, Math.min(left, 500)), TimeUnit.MILLISECONDS);
            if (w != null) {
                return new Lease(w);
            }
            if (left <= 500) {
                return null;
            }
        }
    }

    private synchronized void startMissing() {
        while (started < size) {
            started++;
            Worker w = new Worker();
            all.add(w);
            Thread t = new Thread(() -> startOrRetry(w), "sql-worker-start");
            t.setDaemon(true);
            t.start();
        }
    }

    private void startOrRetry(Worker w) {
        try {
            w.start();
            everReady = true;
            idle.offer(w);
        } catch (IOException | RuntimeException e) {
            log.warn("A SQL grading process could not start: {}", e.getMessage());
            synchronized (this) {
                started--;
                all.remove(w);
            }
        }
    }

    private Worker replace(Worker dead) {
        dead.kill();
        Worker w = new Worker();
        synchronized (this) {
            all.remove(dead);
            all.add(w);
        }
        try {
            w.start();
        } catch (IOException e) {
            throw new ScoringUnavailableException("The SQL grader could not restart; please try again in a minute.");
        }
        return w;
    }

    private void startInBackground(Worker dead) {
        Thread t = new Thread(() -> {
            try {
                idle.offer(replace(dead));
            } catch (RuntimeException e) {
                log.warn("A SQL grading process could not restart: {}", e.getMessage());
                synchronized (this) {
                    started--;
                }
            }
        }, "sql-worker-restart");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        closed = true;
        List<Worker> copy;
        synchronized (this) {
            copy = new ArrayList<>(all);
        }
        copy.forEach(Worker::stop);
        try {
            // killed processes' directories: leave nothing behind
            CompletableFuture.allOf(CLEANING.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            log.debug("A killed grading process's directory was not removed yet: {}", e.toString());
        }
    }

    /** The current workers' private directories (for tests that check nothing is left behind). */
    synchronized List<Path> dirs() {
        List<Path> out = new ArrayList<>();
        all.forEach(w -> {
            if (w.dir != null) {
                out.add(w.dir);
            }
        });
        return out;
    }

    /** Process ids of the current workers (for tests that check a worker was replaced). */
    synchronized List<Long> pids() {
        List<Long> out = new ArrayList<>();
        all.forEach(w -> {
            if (w.process != null) {
                out.add(w.process.pid());
            }
        });
        return out;
    }

    /**
     * The bot's own class path when it is a plain one (the jar, surefire), else the locations of what
     * the grading process needs (e.g. under {@code mvn exec:java}, whose class path is Maven's).
     */
    static String workerClasspath() {
        String own = System.getProperty("java.class.path", "");
        String here = location(GraderWorker.class);
        if (here != null && List.of(own.split(java.io.File.pathSeparator)).contains(here)) {
            return own;
        }
        Set<String> parts = new java.util.LinkedHashSet<>();
        for (Class<?> c : List.of(GraderWorker.class, org.duckdb.DuckDBConnection.class,
                com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonParser.class,
                com.fasterxml.jackson.annotation.JsonProperty.class, org.sqlite.JDBC.class, Logger.class)) {
            String l = location(c);
            if (l != null) {
                parts.add(l);
            }
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    record Reply(JsonNode json, Sandbox.Why failure) {
        boolean ok() {
            return json != null && json.path("ok").asBoolean(false);
        }

        Sandbox.Failed failure(String what) {
            return new Sandbox.Failed(failure != null ? failure : Sandbox.Why.ERROR, failure == null && json != null
                    ? json.path("message").asText(what) : "");
        }

        Sandbox.Outcome outcome() {
            return json == null ? new Sandbox.Failed(failure, "") : outcome(json);
        }

        static Sandbox.Outcome outcome(JsonNode json) {
            if (json.has("failed")) {
                return new Sandbox.Failed(Sandbox.Why.valueOf(json.path("failed").asText("ERROR")),
                        json.path("message").asText(""));
            }
            List<String> cols = new ArrayList<>();
            json.path("columns").forEach(c -> cols.add(c.asText()));
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode r : json.path("rows")) {
                List<Object> row = new ArrayList<>(cols.size());
                for (JsonNode v : r) {
                    row.add(v.isNull() ? null : v.isIntegralNumber() ? (Object) v.asLong() : v.isNumber()
                            ? (Object) v.asDouble() : v.asText());
                }
                rows.add(row);
            }
            return new Sandbox.Rows(new ResultTable(cols, rows));
        }
    }

    /** Directories of killed processes, removed once each process has ended. */
    private static final Set<CompletableFuture<?>> CLEANING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One grading process and the questions it has loaded. */
    private static final class Worker {
        Process process;
        Path dir;
        BufferedWriter in;
        final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        final Set<String> loaded = new HashSet<>();
        volatile boolean dead;

        void start() throws IOException {
            // the process's own temporary directory, also as java.io.tmpdir: DuckDB unpacks its 70 MB native
            // library there, and a killed process cannot delete it itself; the pool removes the directory
            dir = Files.createTempDirectory("drillbot-grader-");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("-Xmx192m", "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:-UsePerfData", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                    "-Djava.io.tmpdir=" + dir, "-cp", workerClasspath(), GraderWorker.class.getName(), dir.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            process = pb.start();
            in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        replies.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
                dead = true;
                replies.add("");
            }, "sql-worker-" + process.pid());
            reader.setDaemon(true);
            reader.start();
            try {
                String ready = replies.poll(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                if (ready == null || !ready.contains("ready")) {
                    kill();
                    throw new IOException("the grading process did not start");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                throw new IOException("interrupted while starting the grading process");
            }
        }

        boolean alive() {
            return !dead && process != null && process.isAlive();
        }

        /**
         * Sends one request and waits for its reply; kills the process if it does not answer in time,
         * grows too much ({@code watchMemory}) or dies.
         */
        Reply call(ObjectNode req, long waitMillis, boolean watchMemory) {
            replies.clear();
            long baseline = watchMemory ? resident() : 0;
            try {
                in.write(GraderWorker.JSON.writeValueAsString(req));
                in.write('\n');
                in.flush();
            } catch (IOException e) {
                kill();
                return new Reply(null, Sandbox.Why.CRASH);
            }
            long end = System.nanoTime() + waitMillis * 1_000_000L;
            try {
                while (true) {
                    long left = (end - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) {
                        kill();
                        return new Reply(null, Sandbox.Why.TIMEOUT);
                    }
                    String line = replies.poll(Math.min(left, watchMemory ? 10 : left), TimeUnit.MILLISECONDS);
                    if (line != null) {
                        if (line.isEmpty()) {
                            kill();
                            return new Reply(null, Sandbox.Why.CRASH);
                        }
                        return new Reply(GraderWorker.JSON.readTree(line), null);
                    }
                    if (watchMemory && baseline > 0 && resident() - baseline > GRADE_MEMORY_BYTES) {
                        kill();
                        return new Reply(null, Sandbox.Why.MEMORY);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                return new Reply(null, Sandbox.Why.TIMEOUT);
            } catch (IOException e) {
                kill();
                return new Reply(null, Sandbox.Why.CRASH);
            }
        }

        private long resident() {
            try {
                String[] f = Files.readString(Path.of("/proc/" + process.pid() + "/statm")).trim().split("\\s+");
                return Long.parseLong(f[1]) * PAGE;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** Ends the process gently (its input closes, it cleans up and exits), or kills it after 2 s. */
        void stop() {
            dead = true;
            if (process == null) {
                return;
            }
            try {
                in.close();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    kill();
                    return;
                }
            } catch (IOException e) {
                kill();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                return;
            }
            deleteTree(dir);
        }

        /**
         * Kills the process without waiting for it to end (a process holding gigabytes takes a while to
         * tear down, and the grade waiting for this kill should not); its directory goes once it has.
         */
        void kill() {
            dead = true;
            if (process != null) {
                process.destroyForcibly();
                Path d = dir;
                CompletableFuture<?> cleanup = process.onExit().thenRun(() -> deleteTree(d));
                CLEANING.add(cleanup);
                cleanup.whenComplete((v, e) -> CLEANING.remove(cleanup));
            }
        }

        private static void deleteTree(Path d) {
            if (d == null) {
                return;
            }
            try (var files = Files.walk(d)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | RuntimeException e) {
                // a leftover temporary directory is harmless
            }
        }
    }
}
