package dev.drillbot.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A drillbot database as a newer drillbot leaves it: a migration this build does not know, applied. */
public final class FutureSchema {
    private FutureSchema() {}

    /** Records schema version 7 as applied, and checkpoints so that the main file holds everything. */
    public static void apply(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '7', 'from the future', 'SQL',"
                    + " 'V7__from_the_future.sql', 0, '', 0, 1)");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
