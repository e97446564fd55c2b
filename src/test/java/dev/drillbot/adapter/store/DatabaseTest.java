package dev.drillbot.adapter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The SQLite database")
class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("two opens of a fresh file at the same moment both start, migrated once (threads here; processes wait on an OS file lock)")
    void concurrentFirstOpen() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path file = dir.resolve("fresh-" + round + ".db");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<Database>> opens = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opens.add(pool.submit(() -> {
                    go.await();
                    return Database.open(file);
                }));
            }
            go.countDown();
            for (Future<Database> f : opens) {
                f.get().close();
            }
            pool.shutdown();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                    java.sql.ResultSet rs = c.createStatement().executeQuery(
                            "SELECT count(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(dev.drillbot.testing.FutureSchema.known()); // each migration once
            }
        }
    }

    @Test
    @DisplayName("a location drillbot cannot write to (here /sys, read-only even for root) gets one clear message")
    void readOnlyLocationExplained() {
        Path sys = Path.of("/sys");
        boolean writable;
        try {
            java.nio.file.Files.delete(java.nio.file.Files.createTempFile(sys, "drillbot-probe", ".db"));
            writable = true;
        } catch (Exception e) {
            writable = false;
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(writable, "/sys is writable here; no read-only location to try");
        assertThatThrownBy(() -> Database.open(sys.resolve("drillbot.db")))
                .hasMessageStartingWith("Cannot open database /sys/drillbot.db: drillbot cannot write in /sys")
                .hasMessageContaining("point DRILLBOT_DB at a file in a folder drillbot may write to");
        assertThat(java.nio.file.Files.exists(sys.resolve("drillbot.db"))).isFalse();
    }

    @Test
    @DisplayName("a folder, a path under a file, a file that is not SQLite and a damaged database each get one clear"
            + " message, and no file is changed")
    void unusablePathsExplained() throws Exception {
        Path folder = java.nio.file.Files.createDirectory(dir.resolve("folder.db"));
        assertThatThrownBy(() -> Database.open(folder)).hasMessageContaining("it is a folder, not a file");

        Path plain = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "my notes, not a database\n");
        assertThatThrownBy(() -> Database.open(plain.resolve("drillbot.db")))
                .hasMessageContaining("notes.txt is a file, so the database cannot go in it");
        assertThatThrownBy(() -> Database.open(plain)).hasMessageContaining("it is not a SQLite database")
                .hasMessageContaining("Nothing was changed");
        assertThat(java.nio.file.Files.readString(plain)).isEqualTo("my notes, not a database\n");

        Path damaged = dir.resolve("damaged.db");
        Database.open(damaged).close();
        byte[] bytes = java.nio.file.Files.readAllBytes(damaged);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31); // the header survives, the pages do not
        }
        java.nio.file.Files.write(damaged, bytes);
        java.nio.file.Files.deleteIfExists(dir.resolve("damaged.db-wal"));
        java.nio.file.Files.deleteIfExists(dir.resolve("damaged.db-shm"));
        assertThatThrownBy(() -> Database.open(damaged)).hasMessageContaining("it is damaged")
                .hasMessageContaining("Restore a backup");
        assertThat(java.nio.file.Files.readAllBytes(damaged)).isEqualTo(bytes);
    }

    @Test
    @DisplayName("a database a newer drillbot migrated is refused with both versions named, and left byte for byte as it was")
    void newerSchemaRefused() throws Exception {
        Path file = dir.resolve("drillbot.db");
        Database.open(file).close();
        dev.drillbot.testing.FutureSchema.apply(file); // what a newer drillbot leaves behind
        byte[] before = java.nio.file.Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file)).hasMessageContaining("version " + dev.drillbot.testing.FutureSchema.future())
                .hasMessageContaining("version " + dev.drillbot.testing.FutureSchema.known())
                .hasMessageContaining("Nothing was changed");
        assertThat(java.nio.file.Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    @DisplayName("is created with WAL and foreign keys, and migrated")
    void setup() {
        try (Database db = Database.open(dir.resolve("sub/dir/bot.db"))) {
            assertThat(text(db, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(number(db, "PRAGMA foreign_keys")).isEqualTo(1);
            assertThat(number(db, "SELECT count(*) FROM flyway_schema_history WHERE success = 1")).isPositive();
        }
    }

    @Test
    @DisplayName("a failing write in a concurrent burst fails alone; every other write is committed")
    void failingWriteFailsAlone() throws Exception {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writes.add(() -> {
                    try {
                        db.write(c -> Sql.update(c, "INSERT INTO leaderboard_optouts (channel_key, user_id) VALUES (?, ?)",
                                n % 50 == 7 ? null : "c", "u" + n)); // NULL violates NOT NULL: this write fails
                        return true;
                    } catch (StoreException e) {
                        return false;
                    }
                });
            }
            List<Boolean> ok = new ArrayList<>();
            for (Future<Boolean> f : pool.invokeAll(writes)) {
                ok.add(f.get());
            }
            pool.shutdown();
            assertThat(ok.stream().filter(b -> !b).count()).isEqualTo(4);
            assertThat(number(db, "SELECT count(*) FROM leaderboard_optouts")).isEqualTo(196);
            long[] stats = db.commitStats();
            assertThat(stats[1]).isEqualTo(196);
        }
    }

    @Test
    @DisplayName("readers cannot write")
    void readersAreReadOnly() {
        try (Database db = Database.open(dir.resolve("bot.db"))) {
            assertThatThrownBy(() -> db.read(c -> Sql.update(c, "DELETE FROM drills"))).isInstanceOf(StoreException.class);
        }
    }

    @Test
    @DisplayName("committed writes survive closing and reopening the file")
    void closeFinishesWrites() throws Exception {
        Database db = Database.open(dir.resolve("bot.db"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> pending = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            pending.add(pool.submit(() -> db.write(c -> Sql.update(c,
                    "INSERT INTO leaderboard_optouts (channel_key, user_id) VALUES ('c', ?)", "u" + n))));
        }
        for (Future<Integer> f : pending) {
            f.get();
        }
        db.close();
        pool.shutdown();
        try (Database again = Database.open(dir.resolve("bot.db"))) {
            assertThat(number(again, "SELECT count(*) FROM leaderboard_optouts")).isEqualTo(40);
        }
    }


    static int number(Database db, String sql) {
        Integer n = db.read(c -> Sql.first(c, sql, rs -> rs.getInt(1)).orElseThrow());
        return n;
    }

    static String text(Database db, String sql) {
        String t = db.read(c -> Sql.first(c, sql, rs -> rs.getString(1)).orElseThrow());
        return t;
    }
}
