package dev.drillbot.scoring.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbot.core.scoring.ScoringUnavailableException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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

        /** The leased process's id (for tests that stop or kill exactly the process this grade uses). */
        long pid() {
            return live().process.pid();
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
        /** What a killed worker's call reports: the watchdog, or the caller, ended it for this reason. */
        private static final Call TIMED_OUT = new Call(0, 0);
        private static final Call OVER_MEMORY = new Call(0, 0);
        private static final Call CRASHED = new Call(0, 0);

        Process process;
        Path dir;
        BufferedWriter in;
        final Set<String> loaded = new HashSet<>();
        volatile boolean dead;
        /** The call in flight, null between calls, or one of the sentinels above once the process was killed. */
        final AtomicReference<Call> call = new AtomicReference<>();
        /** Where the process writes its replies; the caller reads them, the watchdog closes it to end a call. */
        private volatile ServerSocketChannel server;
        private volatile SocketChannel replies;
        private BufferedReader reader;
        private volatile RandomAccessFile statm;
        private boolean cleanupRegistered;

        void start() throws IOException {
            // the process's own temporary directory, also as java.io.tmpdir: DuckDB unpacks its 70 MB native
            // library there, and a killed process cannot delete it itself; the pool removes the directory
            dir = Files.createTempDirectory("drillbot-grader-");
            // replies come back over a Unix socket in that (owner-only) directory, not the process's stdout: a
            // blocked read on a socket ends as soon as the watchdog closes it, while a pipe's end-of-file
            // waits until the killed process's memory has been torn down (hundreds of ms per GB)
            Path socket = dir.resolve("replies");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("-Xmx192m", "-Xss4m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:-UsePerfData", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                    "-Djava.io.tmpdir=" + dir, "-cp", workerClasspath(), GraderWorker.class.getName(), dir.toString(),
                    socket.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            try {
                server.bind(UnixDomainSocketAddress.of(socket));
                process = pb.start();
            } catch (IOException e) {
                server.close();
                deleteTree(dir);
                throw e;
            }
            in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
            try {
                statm = new RandomAccessFile("/proc/" + process.pid() + "/statm", "r");
            } catch (IOException e) {
                statm = null; // no /proc: memory is not watched (as before, when reading it failed)
            }
            // the watchdog ends the start if it takes too long or the process dies before it is ready
            Call starting = new Call(System.nanoTime() + START_TIMEOUT_MILLIS * 1_000_000L, 0);
            call.set(starting);
            Watchdog.INSTANCE.watch(this);
            String ready = null;
            boolean interrupted = false;
            try {
                SocketChannel ch = server.accept();
                replies = ch;
                if (call.get() != starting) {
                    ch.close(); // killed while accepting: the watchdog could not close this one yet
                }
                reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
                ready = reader.readLine();
            } catch (ClosedByInterruptException e) {
                interrupted = true;
            } catch (IOException e) {
                // killed by the watchdog (too slow, or the process ended), or the socket failed
            } finally {
                closeQuietly(server);
                server = null;
                try {
                    Files.deleteIfExists(socket); // nothing else may connect
                } catch (IOException e) {
                    // the directory went with a killed process
                }
            }
            if (!call.compareAndSet(starting, null) || ready == null || !ready.contains("ready")) {
                kill();
                throw new IOException(interrupted ? "interrupted while starting the grading process"
                        : "the grading process did not start");
            }
        }

        boolean alive() {
            return !dead && process != null && process.isAlive();
        }

        /**
         * Sends one request and waits for its reply, reading it on this thread. The watchdog kills the
         * process if it does not answer in time or grows too much ({@code watchMemory}); it also ends when
         * the process dies, or this thread is interrupted.
         */
        Reply call(ObjectNode req, long waitMillis, boolean watchMemory) {
            // the memory baseline: the process's size before the request is sent (a cheap read of an open file)
            long baseline = watchMemory ? resident() : 0;
            Call mine = new Call(System.nanoTime() + waitMillis * 1_000_000L, baseline);
            if (!call.compareAndSet(null, mine)) {
                kill();
                return new Reply(null, Sandbox.Why.CRASH);
            }
            Watchdog.INSTANCE.started();
            String line = null;
            try {
                in.write(GraderWorker.JSON.writeValueAsString(req));
                in.write('\n');
                in.flush();
                line = reader.readLine();
            } catch (ClosedByInterruptException e) {
                // the grading thread was interrupted (its channel is closed): the grade is out of time
                call.compareAndSet(mine, TIMED_OUT);
            } catch (IOException e) {
                // the process ended, or the watchdog closed the channel; see below which
            }
            if (!call.compareAndSet(mine, null)) {
                kill(); // ended by the watchdog or an interrupt: say why
                Call why = call.get();
                return new Reply(null, why == OVER_MEMORY ? Sandbox.Why.MEMORY
                        : why == TIMED_OUT ? Sandbox.Why.TIMEOUT : Sandbox.Why.CRASH);
            }
            if (line == null) {
                kill();
                return new Reply(null, Sandbox.Why.CRASH);
            }
            try {
                return new Reply(GraderWorker.JSON.readTree(line), null);
            } catch (IOException e) {
                kill();
                return new Reply(null, Sandbox.Why.CRASH);
            }
        }

        /** The watchdog's look at a call in flight: kills the process if it must. */
        void check(long now) {
            Call c = call.get();
            if (c == null || c == TIMED_OUT || c == OVER_MEMORY || c == CRASHED) {
                return;
            }
            Call why = null;
            if (now - c.endNanos() >= 0) {
                why = TIMED_OUT;
            } else if (!process.isAlive()) {
                why = CRASHED;
            } else if (c.baseline() > 0 && resident() - c.baseline() > GRADE_MEMORY_BYTES) {
                why = OVER_MEMORY;
            }
            if (why != null && call.compareAndSet(c, why)) {
                kill();
            }
        }

        /** When the call in flight must end, or {@code Long.MAX_VALUE} between calls. */
        long end() {
            Call c = call.get();
            return c == null || c == TIMED_OUT || c == OVER_MEMORY || c == CRASHED ? Long.MAX_VALUE : c.endNanos();
        }

        private long resident() {
            RandomAccessFile f = statm;
            if (f == null) {
                return 0;
            }
            byte[] b = new byte[96];
            int n;
            try {
                synchronized (f) {
                    f.seek(0);
                    n = f.read(b);
                }
            } catch (IOException e) {
                return 0;
            }
            // "size resident shared ..." in pages
            int i = 0;
            while (i < n && b[i] != ' ') {
                i++;
            }
            long pages = 0;
            for (i++; i < n && b[i] >= '0' && b[i] <= '9'; i++) {
                pages = pages * 10 + (b[i] - '0');
            }
            return pages * PAGE;
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
            Watchdog.INSTANCE.forget(this);
            closeChannels();
            deleteTree(dir);
        }

        /**
         * Kills the process without waiting for it to end (a process holding gigabytes takes a while to
         * tear down, and the grade waiting for this kill should not); closing its reply socket ends a
         * read blocked on it at once. Its directory goes once the process has ended.
         */
        void kill() {
            dead = true;
            if (process != null) {
                process.destroyForcibly();
                closeChannels();
                Watchdog.INSTANCE.forget(this);
                synchronized (this) {
                    if (cleanupRegistered) {
                        return;
                    }
                    cleanupRegistered = true;
                }
                Path d = dir;
                CompletableFuture<?> cleanup = process.onExit().thenRun(() -> deleteTree(d));
                CLEANING.add(cleanup);
                cleanup.whenComplete((v, e) -> CLEANING.remove(cleanup));
            }
        }

        private void closeChannels() {
            closeQuietly(server);
            closeQuietly(replies);
            RandomAccessFile f = statm;
            statm = null;
            closeQuietly(f);
        }

        private static void closeQuietly(java.io.Closeable c) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException e) {
                    // already closed
                }
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

    /** A request in flight: when it must end, and the process's size when it was sent (0: memory not watched). */
    private record Call(long endNanos, long baseline) {
    }

    /**
     * One daemon thread for every pool: it kills a grading process whose call runs past its end, whose
     * grade grows past {@link #GRADE_MEMORY_BYTES}, or that dies, and so ends the caller's blocked read.
     * While calls come and go it looks every {@link #TICK_NANOS} (and exactly at the earliest end); after
     * {@link #LINGER_NANOS} without a call in flight it sleeps until a call wakes it, so a steady stream
     * of grades never has to wake it.
     */
    private static final class Watchdog implements Runnable {
        static final Watchdog INSTANCE = new Watchdog();
        private static final long TICK_NANOS = 10_000_000L;
        private static final long LINGER_NANOS = 1_000_000_000L;

        private final Set<Worker> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Thread thread;
        private volatile boolean asleep;

        private Watchdog() {
            thread = new Thread(this, "sql-worker-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        /** Watches this worker's calls from now on, starting with the one just published. */
        void watch(Worker w) {
            workers.add(w);
            started();
        }

        void forget(Worker w) {
            workers.remove(w);
        }

        /** Called once a call is published: wakes the watchdog if it sleeps. */
        void started() {
            if (asleep) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            long lastBusy = System.nanoTime();
            while (true) {
                try {
                    long now = System.nanoTime();
                    long next = now + TICK_NANOS;
                    boolean busy = false;
                    for (Worker w : workers) {
                        w.check(now);
                        long end = w.end();
                        if (end != Long.MAX_VALUE) {
                            busy = true;
                            if (end - next < 0) {
                                next = end;
                            }
                        }
                    }
                    if (busy) {
                        lastBusy = now;
                    } else if (now - lastBusy > LINGER_NANOS) {
                        asleep = true; // then look again: a call published before this is seen below
                        if (workers.stream().allMatch(w -> w.end() == Long.MAX_VALUE)) {
                            LockSupport.park(this);
                        }
                        asleep = false;
                        lastBusy = System.nanoTime();
                        continue;
                    }
                    LockSupport.parkNanos(this, Math.max(0, next - System.nanoTime()));
                } catch (RuntimeException | Error e) {
                    // it must outlive anything: without it, a runaway grade would hold its thread for good
                    log.warn("The SQL grading watchdog hit an error: {}", e.toString());
                }
            }
        }
    }
}
