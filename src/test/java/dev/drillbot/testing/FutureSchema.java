package dev.drillbot.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A drillbot database as a newer drillbot leaves it: a migration this build does not know, applied. */
public final class FutureSchema {
    private FutureSchema() {}

    /** The newest schema version this build knows: the highest V<n>__ migration in the sources. */
    public static int known() {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The version {@link #apply} records: one past what this build knows. */
    public static int future() {
        return known() + 1;
    }

    /** Records schema version {@link #future()} as applied, and checkpoints so the main file holds everything. */
    public static void apply(Path database) throws SQLException {
        int v = future();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '" + v + "', 'from the future',"
                    + " 'SQL', 'V" + v + "__from_the_future.sql', 0, '', 0, 1)");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
