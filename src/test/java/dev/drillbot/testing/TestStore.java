package dev.drillbot.testing;

import dev.drillbot.adapter.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The stores the behaviour suites run against: a SQLite file, and a real PostgreSQL server when
 * {@value #ENV} names one (.ci/run sets it). Without it the PostgreSQL runs are skipped, visibly.
 * Each test directory gets its own PostgreSQL schema, so a test that restarts the bot on the same
 * directory finds its data again; the schemas are dropped when the test JVM ends.
 */
public enum TestStore {
    SQLITE, POSTGRES;

    public static final String ENV = "DRILLBOT_TEST_POSTGRES";
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static volatile boolean warned;

    /** The server's URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, or empty. */
    public static Optional<String> server() {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
    }

    /** Skips the calling test, saying why, when no PostgreSQL server is configured. */
    public static String requireServer() {
        Optional<String> url = server();
        if (url.isEmpty() && !warned) {
            warned = true;
            System.err.println("[postgres] PostgreSQL tests are SKIPPED: set " + ENV
                    + "=jdbc:postgresql://127.0.0.1:5432/test?user=postgres to run them (.ci/run does).");
        }
        Assumptions.assumeTrue(url.isPresent(), "no PostgreSQL server: set " + ENV + " to run this test");
        return url.get();
    }

    /** Opens this store for the test directory {@code dir} (the same data again for the same directory). */
    public Database open(Path dir) {
        if (this == SQLITE) {
            return Database.open(dir.resolve("drillbot.db"));
        }
        return Database.open(url(dir), Optional.empty(), Optional.empty());
    }

    /** The PostgreSQL URL of {@code dir}'s own schema, created on first use. */
    public static String url(Path dir) {
        String server = requireServer();
        String schema = schemaOf(dir);
        if (CREATED.add(schema)) {
            if (CREATED.size() == 1) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server), "drop-test-schemas"));
            }
            execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
        }
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static String schemaOf(Path dir) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(dir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return "drillbot_test_" + HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void dropAll(String server) {
        for (String schema : CREATED) {
            try {
                execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (RuntimeException e) {
                // best effort at exit: a left-over schema is harmless, its name is never reused
            }
        }
    }

    static void execute(String server, String sql) {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + Database.redact(server) + ": " + e.getMessage(), e);
        }
    }
}
