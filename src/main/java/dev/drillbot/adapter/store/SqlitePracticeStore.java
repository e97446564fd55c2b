package dev.drillbot.adapter.store;

import dev.drillbot.core.progress.PracticeStore;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The practice loop's data in the SQLite file (migration V4). */
public final class SqlitePracticeStore implements PracticeStore {
    private final Database db;

    public SqlitePracticeStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<UserZone> zone(String platform, String userId) {
        return db.read(c -> Sql.first(c, "SELECT zone, source FROM user_zones WHERE platform = ? AND user_id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, platform, userId))
                .flatMap(row -> zoneOf(row[0]).map(z -> new UserZone(z, row[1].equals("user"))));
    }

    /** A zone stored by an older tz database that this Java no longer knows is ignored, not fatal. */
    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void setZone(String platform, String userId, ZoneId zone, Instant at) {
        db.write(c -> Sql.update(c, "INSERT INTO user_zones (platform, user_id, zone, source, set_at)"
                + " VALUES (?, ?, ?, 'user', ?) ON CONFLICT (platform, user_id) DO UPDATE SET zone = excluded.zone,"
                + " source = 'user', set_at = excluded.set_at", platform, userId, zone.getId(), at.toEpochMilli()));
    }

    @Override
    public void learnZone(String platform, String userId, ZoneId zone, Instant at) {
        db.write(c -> Sql.update(c, "INSERT INTO user_zones (platform, user_id, zone, source, set_at)"
                + " VALUES (?, ?, ?, 'platform', ?) ON CONFLICT (platform, user_id) DO UPDATE SET zone = excluded.zone,"
                + " set_at = excluded.set_at WHERE user_zones.source = 'platform' AND user_zones.zone <> excluded.zone",
                platform, userId, zone.getId(), at.toEpochMilli()));
    }

    @Override
    public List<Pause> pauses(String platform, String userId) {
        return db.read(c -> Sql.list(c, "SELECT id, first_day, last_day FROM pauses WHERE platform = ? AND user_id = ?"
                + " ORDER BY first_day, id", rs -> new Pause(rs.getLong(1), LocalDate.parse(rs.getString(2)),
                        LocalDate.parse(rs.getString(3))), platform, userId));
    }

    @Override
    public void addPause(String platform, String userId, LocalDate firstDay, LocalDate lastDay) {
        db.write(c -> Sql.update(c, "INSERT INTO pauses (platform, user_id, first_day, last_day) VALUES (?, ?, ?, ?)",
                platform, userId, firstDay.toString(), lastDay.toString()));
    }

    @Override
    public void endPause(long id, LocalDate lastDay) {
        db.write(c -> {
            int moved = Sql.update(c, "UPDATE pauses SET last_day = ? WHERE id = ? AND first_day <= ?", lastDay.toString(),
                    id, lastDay.toString());
            return moved > 0 ? moved : Sql.update(c, "DELETE FROM pauses WHERE id = ?", id);
        });
    }

    @Override
    public List<Instant> scoredAnswerTimes(String platform, String userId) {
        // a mock interview's answers count too, once read
        return db.read(c -> Sql.list(c, "SELECT a.received_at AS at FROM answers a JOIN drills d ON d.id = a.drill_id"
                + " WHERE a.user_id = ? AND a.status = 'scored' AND d.channel_key >= ? AND d.channel_key < ?"
                + " UNION ALL SELECT t.sent_at AS at FROM mock_turns t JOIN mock_interviews m ON m.id = t.mock_id"
                + " WHERE m.platform = ? AND m.user_id = ? AND t.score IS NOT NULL"
                + " ORDER BY at", rs -> Instant.ofEpochMilli(rs.getLong(1)), userId, platform + ":",
                platform + ";", platform, userId));
    }

    @Override
    public void setReminder(dev.drillbot.core.chat.ChannelRef channel, dev.drillbot.core.chat.UserRef user,
            java.time.LocalTime at) {
        db.write(c -> Sql.update(c, "INSERT INTO reminders (platform, user_id, user_name, channel_key, at_time)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO UPDATE SET user_name = excluded.user_name,"
                + " channel_key = excluded.channel_key, at_time = excluded.at_time", channel.platform(), user.id(),
                user.name(), channel.key(), at.toString()));
    }

    @Override
    public boolean clearReminder(String platform, String userId) {
        return db.write(c -> Sql.update(c, "DELETE FROM reminders WHERE platform = ? AND user_id = ?", platform,
                userId)) > 0;
    }

    @Override
    public Optional<Reminder> reminder(String platform, String userId) {
        return db.read(c -> Sql.first(c, "SELECT platform, user_id, user_name, channel_key, at_time, last_sent_day"
                + " FROM reminders WHERE platform = ? AND user_id = ?", SqlitePracticeStore::reminderOf, platform, userId));
    }

    @Override
    public List<Reminder> reminders() {
        return db.read(c -> Sql.list(c, "SELECT platform, user_id, user_name, channel_key, at_time, last_sent_day"
                + " FROM reminders ORDER BY platform, user_id", SqlitePracticeStore::reminderOf));
    }

    private static Reminder reminderOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        String last = rs.getString(6);
        return new Reminder(rs.getString(1), new dev.drillbot.core.chat.UserRef(rs.getString(2), rs.getString(3)),
                ChannelKeys.parse(rs.getString(4)), java.time.LocalTime.parse(rs.getString(5)),
                last == null ? Optional.empty() : Optional.of(LocalDate.parse(last)));
    }

    @Override
    public boolean claimReminder(String platform, String userId, LocalDate day) {
        return db.write(c -> Sql.update(c, "UPDATE reminders SET last_sent_day = ? WHERE platform = ? AND user_id = ?"
                + " AND (last_sent_day IS NULL OR last_sent_day < ?)", day.toString(), platform, userId,
                day.toString())) == 1;
    }
}
