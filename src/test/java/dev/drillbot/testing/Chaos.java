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
