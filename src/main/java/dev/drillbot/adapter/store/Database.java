package dev.drillbot.adapter.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: a SQLite file (WAL, foreign keys, durable commits) by default, or a PostgreSQL
 * server when {@code DRILLBOT_DB} is a {@code jdbc:postgresql:} URL; Flyway migrations for both, one
 * version history ({@code db/migration} and its twin {@code db/postgresql}).
 *
 * <p>All writes go through one writer thread that runs whatever is queued in one transaction (group
 * commit): each write still returns only after its data is committed and synced, but a burst of writes
 * shares one commit. A failing write does not undo the others (see {@link #runBatch}). On SQLite, reads
 * use a small pool of separate connections, which WAL lets run beside the writer; on PostgreSQL every
 * connection comes from a HikariCP pool, so a connection the server dropped is replaced, and several
 * drillbot instances share one database (uniqueness in the schema makes their claims exactly-once).
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 8;
    private static final int MAX_BATCH = 256;
    /** Writer threads on PostgreSQL (SQLite has one: the file has one writer). */
    private static final int POSTGRES_WRITERS = 4;

    /** Work on a connection that may throw SQL errors. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private record Write<T>(SqlWork<T> work, CompletableFuture<T> done) {}

    private final String url;
    /** SQLite: the one write connection. PostgreSQL: null, the writer takes a pooled connection per batch. */
    private final Connection writer;
    /** PostgreSQL only. */
    private final com.zaxxer.hikari.HikariDataSource pool;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final LinkedBlockingQueue<Write<?>> writes = new LinkedBlockingQueue<>();
    private final List<Thread> writerThreads = new ArrayList<>();
    private volatile boolean closing;
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong writesDone = new AtomicLong();

    private Database(String url) throws SQLException {
        this.url = url;
        this.pool = null;
        this.writer = open(url);
        writer.setAutoCommit(false);
        for (int i = 0; i < READERS; i++) {
            Connection c = open(url);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA query_only=1");
            }
            readers.add(c);
        }
        Thread writerThread = new Thread(this::writeLoop, "sqlite-writer");
        writerThread.setDaemon(true);
        writerThread.start();
        writerThreads.add(writerThread);
    }

    private Database(String url, com.zaxxer.hikari.HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
        this.writer = null;
        // PostgreSQL takes concurrent transactions, and a batch is bound by round trips to the server, not by
        // one file's lock: several writers, each committing what it took from the queue as one batch
        for (int i = 0; i < POSTGRES_WRITERS; i++) {
            Thread writerThread = new Thread(this::writeLoop, "postgres-writer-" + i);
            writerThread.setDaemon(true);
            writerThread.start();
            writerThreads.add(writerThread);
        }
    }

    /** The prefix of a DRILLBOT_DB value that selects PostgreSQL. */
    public static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    /**
     * Opens the database {@code DRILLBOT_DB} names: a {@code jdbc:postgresql://host/db} URL, with the user
     * and password from the environment (never from the URL in logs), or else a SQLite file path.
     */
    public static Database open(String location, java.util.Optional<String> user, java.util.Optional<String> password) {
        if (location.startsWith(POSTGRES_PREFIX)) {
            return openPostgres(location, user, password);
        }
        if (location.startsWith("jdbc:")) {
            throw new IllegalStateException("Cannot open database " + redact(location) + ": drillbot stores in a"
                    + " SQLite file (a path) or PostgreSQL (jdbc:postgresql://host/database); other servers are not"
                    + " supported.");
        }
        return open(Path.of(location));
    }

    /** A connection URL fit for a log line: the password parameter, if any, is hidden. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static Database openPostgres(String url, java.util.Optional<String> user, java.util.Optional<String> password) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setPoolName("drillbot-postgres");
        config.setMaximumPoolSize(READERS + POSTGRES_WRITERS);
        config.setMinimumIdle(1);
        // fail fast at start-up and on a write while the server is away: callers report it and retry later
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(5_000);
        com.zaxxer.hikari.HikariDataSource pool;
        try {
            pool = new com.zaxxer.hikari.HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open database " + redact(url) + ": " + rootMessage(e)
                    + ". Is the PostgreSQL server running, and are DRILLBOT_DB_USER and DRILLBOT_DB_PASSWORD right?"
                    + " Nothing was changed.", e);
        }
        try {
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/postgresql").load();
            refuseNewerSchema(flyway); // Flyway takes a PostgreSQL advisory lock: instances migrate one at a time
            flyway.migrate();
            return new Database(url, pool);
        } catch (RuntimeException e) {
            pool.close();
            String what = e.getMessage() != null && e.getMessage().startsWith("its schema is version")
                    ? e.getMessage() : rootMessage(e);
            throw new IllegalStateException("Cannot open database " + redact(url) + ": " + what, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    /** Whether this is a PostgreSQL database (shared by instances) rather than a SQLite file. */
    public boolean postgres() {
        return pool != null;
    }

    /** Opens (creating if needed) and migrates the database file. */
    public static Database open(Path file) {
        try {
            refuseUnusable(file);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            migrateAlone(url, file.toAbsolutePath());
            return new Database(url);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalStateException("Cannot open database " + file + ": " + e.getFile() + " is a file, so the"
                    + " database cannot go in it; point DRILLBOT_DB at a path inside a folder.", e);
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Cannot open database")) {
                throw e;
            }
            throw new IllegalStateException("Cannot open database " + file + ": " + e.getMessage(), e);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String what = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
            if (root instanceof java.nio.file.FileSystemException || what.contains("SQLITE_READONLY")
                    || what.contains("SQLITE_CANTOPEN") || what.contains("SQLITE_PERM")) {
                Path folder = file.toAbsolutePath().getParent();
                String why = what;
                if (root instanceof java.nio.file.FileSystemException fse) {
                    why = (fse.getReason() != null ? fse.getReason()
                            : root instanceof java.nio.file.AccessDeniedException ? "access denied" : "cannot write")
                            + (fse.getFile() == null ? "" : " for " + fse.getFile());
                }
                throw new IllegalStateException("Cannot open database " + file + ": drillbot cannot write "
                        + (folder == null ? "there" : "in " + folder) + " (read-only or no permission: " + why
                        + "); point DRILLBOT_DB at a file in a folder drillbot may write to. Nothing was changed.", e);
            }
            if (what.contains("SQLITE_CORRUPT") || what.contains("SQLITE_NOTADB")) {
                throw new IllegalStateException("Cannot open database " + file + ": it is damaged (" + what
                        + "). Restore a backup, or point DRILLBOT_DB at a new file; nothing was changed.", e);
            }
            throw new IllegalStateException("Cannot open database " + file + ": " + what, e);
        }
    }

    /** A folder, or a file that is not a SQLite database, is refused before anything touches it. */
    private static void refuseUnusable(Path file) throws java.io.IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalStateException("Cannot open database " + file + ": it is a folder, not a file; point"
                    + " DRILLBOT_DB at a file such as " + file.resolve("drillbot.db") + ".");
        }
        if (Files.isRegularFile(file) && Files.size(file) > 0) {
            byte[] header = new byte[16];
            int read;
            try (var in = Files.newInputStream(file)) {
                read = in.readNBytes(header, 0, header.length);
            }
            if (read < header.length || !new String(header, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("SQLite format 3") || header[15] != 0) {
                throw new IllegalStateException("Cannot open database " + file + ": it is not a SQLite database (maybe"
                        + " another file was named); point DRILLBOT_DB at a drillbot database or a new file. Nothing"
                        + " was changed.");
            }
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static final Object MIGRATING = new Object();

    /**
     * Migrates with no other drillbot migrating the same file: two processes started on a fresh file at
     * the same moment both start, the second after the first has created the schema (without this, the
     * second failed with SQLITE_BUSY). An OS lock on a file beside the database, held while migrating.
     */
    private static void migrateAlone(String url, Path file) throws SQLException, java.io.IOException {
        synchronized (MIGRATING) { // the OS lock is per process; threads of one process wait here
            Path lockFile = file.resolveSibling(file.getFileName() + ".migrate-lock");
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                    java.nio.channels.FileLock lock = channel.lock()) {
                migrate(url);
            }
        }
    }

    private static void migrate(String url) throws SQLException {
        Flyway flyway = Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .load();
        refuseNewerSchema(flyway);
        // WAL is a property of the file; set it before Flyway opens its own connection.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        flyway.migrate();
    }

    /**
     * A database a newer drillbot has migrated is not touched: this build would write rows the newer
     * schema does not expect (Flyway itself only skips migrations it does not know).
     */
    private static void refuseNewerSchema(Flyway flyway) {
        org.flywaydb.core.api.MigrationInfoService info = flyway.info();
        org.flywaydb.core.api.MigrationInfo current = info.current();
        if (current == null || current.getVersion() == null) {
            return;
        }
        org.flywaydb.core.api.MigrationVersion known = java.util.Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(org.flywaydb.core.api.MigrationInfo::getVersion)
                .max(Comparable::compareTo).orElse(org.flywaydb.core.api.MigrationVersion.EMPTY);
        if (current.getVersion().compareTo(known) > 0) {
            throw new IllegalStateException("its schema is version " + current.getVersion() + ", newer than this"
                    + " drillbot knows (version " + known + "): a newer drillbot has used it. Run that version, or"
                    + " point DRILLBOT_DB at another file. Nothing was changed.");
        }
    }

    private static Connection open(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            // FULL: an answer acknowledged as stored survives a power cut, not just a crash.
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
        }
        return c;
    }

    /** The connection URL with any password hidden. */
    public String url() {
        return redact(url);
    }

    /** Runs {@code work} in a write transaction and returns once it is committed. */
    public <T> T write(SqlWork<T> work) {
        if (closing) {
            throw new IllegalStateException("database is closed");
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        writes.add(new Write<>(work, done));
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new StoreException(cause);
        }
    }

    /** Runs {@code work} on a read connection. */
    public <T> T read(SqlWork<T> work) {
        if (pool != null) {
            try (Connection c = pool.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            readers.add(c);
        }
    }

    private void writeLoop() {
        List<Write<?>> batch = new ArrayList<>();
        while (true) {
            try {
                Write<?> first = writes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && writes.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                writes.drainTo(batch, MAX_BATCH - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Optimistic group commit: the whole batch in one transaction. Writes rarely fail; when one does, the
     * batch is rolled back and each write replayed in a transaction of its own, so a failure undoes only
     * itself. (Savepoints per write would give the same isolation but cost two statements per write.)
     */
    private void runBatch(List<Write<?>> batch) {
        if (pool == null) {
            runBatch(batch, writer);
            return;
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            runBatch(batch, c);
        } catch (SQLException e) {
            // no connection (the server is away): every write of the batch fails and says why
            log.warn("The database is unreachable; {} write(s) failed: {}", batch.size(), e.getMessage());
            for (Write<?> w : batch) {
                if (!w.done().isDone()) {
                    complete(w, null, e);
                }
            }
        }
    }

    private void runBatch(List<Write<?>> batch, Connection writer) {
        if (batch.size() > 1) {
            List<Object> results = new ArrayList<>(batch.size());
            try {
                for (Write<?> w : batch) {
                    results.add(w.work().run(writer));
                }
                writer.commit();
                counted(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    complete(batch.get(i), results.get(i), null);
                }
                return;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(writer);
            }
        }
        for (Write<?> w : batch) {
            runAlone(w, writer);
        }
    }

    private void runAlone(Write<?> w, Connection writer) {
        Object result;
        try {
            result = w.work().run(writer);
            writer.commit();
            counted(1);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(writer);
            if (e instanceof SQLException) {
                log.warn("A write failed and was rolled back: {}", e.getMessage());
            }
            complete(w, null, e);
            return;
        }
        complete(w, result, null);
    }

    private void counted(int writes) {
        transactions.incrementAndGet();
        writesDone.addAndGet(writes);
    }

    private static void rollbackQuietly(Connection writer) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            log.error("Rollback failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Write<T> w, Object result, Throwable failure) {
        if (failure == null) {
            w.done().complete((T) result);
        } else {
            w.done().completeExceptionally(failure instanceof SQLException se ? new StoreException(se) : failure);
        }
    }

    /** Committed write transactions and the writes they carried: their ratio is the group-commit batch size. */
    public long[] commitStats() {
        return new long[] {transactions.get(), writesDone.get()};
    }

    /** Finishes queued writes, then closes every connection. */
    @Override
    public void close() {
        closing = true;
        try {
            for (Thread writerThread : writerThreads) {
                writerThread.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pool != null) {
            pool.close();
            return;
        }
        closeQuietly(writer);
        readers.forEach(Database::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.warn("Closing a connection failed: {}", e.getMessage());
        }
    }
}
