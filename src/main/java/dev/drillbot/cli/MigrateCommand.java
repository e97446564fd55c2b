package dev.drillbot.cli;

import dev.drillbot.adapter.store.Database;
import dev.drillbot.adapter.store.StoreCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code drillbot migrate --to jdbc:postgresql://...}: a group that outgrows its SQLite file keeps its
 * history. Copies every table into an empty PostgreSQL database and compares the counts.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy a SQLite database (drills, answers, scores, streaks, leaderboards, opt-outs, reviews,"
                + " stories...) into an empty PostgreSQL database, then compare the row counts of every table.")
final class MigrateCommand implements Callable<Integer> {
    private final DrillbotCommand.Io io;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "the PostgreSQL database, jdbc:postgresql://host[:port]/database (user and password from"
                    + " DRILLBOT_DB_USER and DRILLBOT_DB_PASSWORD)")
    String to;

    @Option(names = "--from", paramLabel = "FILE", description = "the SQLite file (default: DRILLBOT_DB, else data/drillbot.db)")
    Path from;

    MigrateCommand(DrillbotCommand.Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!to.startsWith(Database.POSTGRES_PREFIX)) {
            io.err().println("drillbot migrate: --to must be a PostgreSQL URL such as jdbc:postgresql://localhost/drillbot"
                    + " (got " + Database.redact(to) + ")");
            return 2;
        }
        String source = from != null ? from.toString() : io.env().database();
        if (source.startsWith("jdbc:")) {
            io.err().println("drillbot migrate: the source must be a SQLite file; DRILLBOT_DB is " + Database.redact(source)
                    + " (pass --from FILE)");
            return 2;
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            io.err().println("drillbot migrate: there is no SQLite database at " + file + "; nothing was copied");
            return 2;
        }
        try (Database sqlite = Database.open(file);
                Database pg = Database.open(to, io.env().databaseUser(), io.env().databasePassword())) {
            List<StoreCopy.TableCount> counts = StoreCopy.copy(sqlite, pg);
            long rows = 0;
            boolean same = true;
            io.out().println(String.format(Locale.ROOT, "%-22s %10s %10s", "table", "SQLite", "PostgreSQL"));
            for (StoreCopy.TableCount c : counts) {
                io.out().println(String.format(Locale.ROOT, "%-22s %10d %10d%s", c.table(), c.source(), c.target(),
                        c.same() ? "" : "   <- differs"));
                rows += c.source();
                same &= c.same();
            }
            if (!same) {
                io.err().println("drillbot migrate: the counts differ (see above); do not switch DRILLBOT_DB yet");
                return 1;
            }
            io.out().println("Copied " + rows + " rows in " + counts.size() + " tables from " + file + "; every count"
                    + " matches. To use it, set DRILLBOT_DB=" + Database.redact(to) + " (the SQLite file is unchanged).");
            return 0;
        } catch (IllegalStateException | dev.drillbot.adapter.store.StoreException e) {
            io.err().println("drillbot migrate: " + e.getMessage());
            return 2;
        }
    }
}
