package dev.drillbot.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the multi-instance chaos tests read back from the shared database, and their wall-clock waits. */
public final class Chaos {
    private Chaos() {}

    /**
     * A bank of one LP question, so that the single-instance run scores the same answers to the same question,
     * and a config firing every minute in {@code channel}; returns the config file.
     */
    public static java.nio.file.Path everyMinute(java.nio.file.Path dir, String platform, String channel)
            throws java.io.IOException {
        java.nio.file.Path bank = bank(dir);
        java.nio.file.Files.createDirectories(bank.resolve("lp"));
        java.nio.file.Files.copy(java.nio.file.Path.of("src/test/resources/bank/lp/ownership-oncall.yaml"),
                bank.resolve("lp/ownership-oncall.yaml"));
        java.nio.file.Path config = dir.resolve("drillbot.yaml");
        java.nio.file.Files.writeString(config, """
                questions: %s
                rubric: %s
                min_schedule_interval: 1m
                channels:
                  - platform: %s
                    channel: "%s"
                    schedule: "0 * * * * ?"
                    track: lp
                    grace_window: 2h
                """.formatted(bank.toAbsolutePath(), java.nio.file.Path.of("config/rubric").toAbsolutePath(), platform, channel));
        return config;
    }

    /** Where {@link #everyMinute} put the bank. */
    public static java.nio.file.Path bank(java.nio.file.Path dir) {
        return dir.resolve("bank");
    }

    /** The {@code i}-th answer of a burst: the same story with a different number, so scores differ a little. */
    public static String answerText(int i) {
        return "I owned the nightly on-call load for our team. I traced the failures myself, added a retry and"
                + " an alert, and reran the backfill. The result: pages fell from " + (i % 9 + 3) + " a week to 0,"
                + " and the report was on time for 30 days.";
    }

    /** An answer as the single-instance run replays it. */
    public record Said(String user, String text, Instant at, String messageId) {}

    /** The same answers to the same question, through one in-process instance on SQLite: its totals. */
    public static Map<String, Integer> singleInstance(java.nio.file.Path dir, java.nio.file.Path bank,
            dev.drillbot.core.chat.ChannelRef channelRef, Instant fire, List<Said> answers) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        var channel = new dev.drillbot.core.drill.ChannelSettings(channelRef, "0 * * * * ?", java.time.ZoneId.of("UTC"),
                dev.drillbot.core.drill.TrackMode.LP, Duration.ofHours(24), Duration.ofHours(2));
        MutableClock clock = new MutableClock(fire);
        RecordingGateway gateway = new RecordingGateway(channelRef.platform());
        try (var db = dev.drillbot.adapter.store.Database.open(dir.resolve("single.db"))) {
            var bot = dev.drillbot.cli.Bot.assemble(new dev.drillbot.adapter.files.QuestionBankLoader().loadDirectory(bank).bank(),
                    new dev.drillbot.core.scoring.Scoring(List.of(
                            dev.drillbot.scoring.lp.LpScorer.fromDirectory(java.nio.file.Path.of("config/rubric")),
                            new ScriptedScorer(dev.drillbot.core.bank.Track.SQL))), db,
                    new dev.drillbot.core.chat.Gateways(List.of(gateway)), dev.drillbot.adapter.files.MustacheMessages.builtIn(),
                    new dev.drillbot.core.drill.ChannelDirectory(List.of(channel), java.time.ZoneId.of("UTC")), 20_000, clock,
                    new java.util.Random(7));
            bot.drills().postScheduled(channel, fire);
            var thread = new dev.drillbot.core.chat.ThreadRef(channelRef, gateway.posts().get(0).threadId());
            for (Said a : answers) {
                clock.set(a.at().plusSeconds(1)); // processed a moment after it was sent, as on a platform
                bot.answers().receive(new dev.drillbot.core.chat.AnswerReceived(new dev.drillbot.core.chat.UserRef(a.user(),
                        a.user()), thread, a.text(), a.at(), a.messageId()));
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("single.db"))) {
                return totals(c);
            }
        }
    }

    /** The fire times posted (a drill with its thread), in order. */
    public static List<Instant> firesPosted(String url) {
        List<Instant> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url);
                ResultSet rs = db.createStatement().executeQuery(
                        "SELECT fire_time FROM drills WHERE thread_id IS NOT NULL AND fire_time IS NOT NULL ORDER BY fire_time")) {
            while (rs.next()) {
                out.add(Instant.ofEpochMilli(rs.getLong(1)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Per user: leaderboard points of the first drill and streak days, as "U0100 points" and "U0100 days". */
    public static Map<String, Integer> totals(Connection db) throws java.sql.SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT p.user_id, p.best FROM drill_points p"
                + " JOIN drills d ON d.id = p.drill_id WHERE d.id = (SELECT min(id) FROM drills WHERE thread_id IS NOT NULL)")) {
            while (rs.next()) {
                out.put(rs.getString(1) + " points", rs.getInt(2));
            }
        }
        try (ResultSet rs = db.createStatement().executeQuery("SELECT user_id, count(*) FROM answer_days GROUP BY user_id")) {
            while (rs.next()) {
                out.put(rs.getString(1) + " days", rs.getInt(2));
            }
        }
        return out;
    }

    /** Waits, looking every 200 ms, until {@code condition} holds (a wall-clock event: a fire time, a lease). */
    public static void poll(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    public static int count(Connection db, String sql) throws java.sql.SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
