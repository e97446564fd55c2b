package dev.drillbot.adapter.store;

import dev.drillbot.core.bank.Track;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.drill.Drill;
import dev.drillbot.core.drill.DrillStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class SqliteDrillStore implements DrillStore {
    private static final String COLUMNS =
            "id, channel_key, kind, fire_time, drill_day, question_id, track, requested_by, posted_at, closes_at, thread_id";

    private final Database db;
    /**
     * Posted drills never change, and every answer looks its drill up by thread: caching them saves a
     * query per answer. Only drills with a thread are cached, and only they are ever looked up this way.
     */
    private final Map<String, Drill> byThread = new ConcurrentHashMap<>();

    public SqliteDrillStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Drill> claim(NewDrill d) {
        Optional<Long> id = db.write(c -> Sql.first(c, "INSERT INTO drills (channel_key, kind, fire_time, drill_day,"
                + " question_id, track, requested_by, posted_at, closes_at) VALUES (?,?,?,?,?,?,?,?,?)"
                // taken over only when its claimer never posted it and its lease ran out (the claimer died)
                + " ON CONFLICT (channel_key, fire_time) DO UPDATE SET question_id = excluded.question_id,"
                + " track = excluded.track, posted_at = excluded.posted_at, closes_at = excluded.closes_at"
                + " WHERE drills.thread_id IS NULL AND drills.posted_at < ? RETURNING id", rs -> rs.getLong(1),
                d.channel().key(), d.kind().name().toLowerCase(Locale.ROOT),
                d.fireTime().map(Instant::toEpochMilli).orElse(null), d.day().toString(), d.questionId(),
                d.track().slug(), d.requestedBy(), d.postedAt().toEpochMilli(), d.closesAt().toEpochMilli(),
                d.postedAt().minus(CLAIM_LEASE).toEpochMilli()));
        return id.flatMap(this::byId);
    }

    @Override
    public Optional<Abandoned> abandoned(ChannelRef channel, Instant fireTime, Instant now) {
        // the same condition as claim's takeover
        return db.read(c -> Sql.first(c, "SELECT id, question_id, track, posted_at FROM drills WHERE channel_key = ?"
                + " AND fire_time = ? AND thread_id IS NULL AND posted_at < ?",
                rs -> new Abandoned(rs.getLong(1), rs.getString(2), Track.fromSlug(rs.getString(3)).orElseThrow(),
                        Instant.ofEpochMilli(rs.getLong(4))),
                channel.key(), fireTime.toEpochMilli(), now.minus(CLAIM_LEASE).toEpochMilli()));
    }

    @Override
    public void attachThread(long drillId, String threadId) {
        db.write(c -> Sql.update(c, "UPDATE drills SET thread_id = ? WHERE id = ? AND thread_id IS NULL", threadId, drillId));
    }

    @Override
    public void release(long drillId) {
        db.write(c -> Sql.update(c, "DELETE FROM drills WHERE id = ? AND thread_id IS NULL", drillId));
    }

    @Override
    public Optional<Drill> byThread(ChannelRef channel, String threadId) {
        String key = channel.key() + "\n" + threadId;
        Drill cached = byThread.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Drill> found = one("SELECT " + COLUMNS + " FROM drills WHERE channel_key = ? AND thread_id = ?",
                channel.key(), threadId);
        found.ifPresent(d -> byThread.put(key, d));
        return found;
    }

    @Override
    public Optional<Drill> byId(long id) {
        return one("SELECT " + COLUMNS + " FROM drills WHERE id = ?", id);
    }

    @Override
    public boolean scheduledExists(ChannelRef channel, Instant fireTime, Instant now) {
        return db.read(c -> Sql.first(c, "SELECT 1 FROM drills WHERE channel_key = ? AND fire_time = ?"
                + " AND (thread_id IS NOT NULL OR posted_at >= ?)", rs -> true, channel.key(), fireTime.toEpochMilli(),
                now.minus(CLAIM_LEASE).toEpochMilli())).isPresent();
    }

    @Override
    public Optional<Drill> latest(ChannelRef channel) {
        return one("SELECT " + COLUMNS + " FROM drills WHERE channel_key = ? AND thread_id IS NOT NULL"
                + " ORDER BY posted_at DESC, id DESC LIMIT 1", channel.key());
    }

    @Override
    public Optional<Track> lastScheduledTrack(ChannelRef channel) {
        return db.read(c -> Sql.first(c, "SELECT track FROM drills WHERE channel_key = ? AND kind = 'scheduled'"
                + " ORDER BY fire_time DESC LIMIT 1", rs -> rs.getString(1), channel.key())).flatMap(Track::fromSlug);
    }

    @Override
    public List<String> askedQuestions(ChannelRef channel) {
        return db.read(c -> Sql.list(c, "SELECT question_id FROM drills WHERE channel_key = ?"
                + " ORDER BY posted_at DESC, id DESC", rs -> rs.getString(1), channel.key()));
    }

    @Override
    public int takeHint(long drillId, String userId) {
        return db.write(c -> Sql.first(c, "INSERT INTO hints_taken (drill_id, user_id, taken) VALUES (?, ?, 1)"
                + " ON CONFLICT (drill_id, user_id) DO UPDATE SET taken = hints_taken.taken + 1 RETURNING taken",
                rs -> rs.getInt(1) - 1, drillId, userId).orElseThrow());
    }

    @Override
    public List<Drill> openSince(String platform, Instant since) {
        String prefix = platform + ":";
        return db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM drills WHERE substr(channel_key, 1, ?) = ?"
                + " AND thread_id IS NOT NULL AND closes_at >= ? ORDER BY posted_at, id", SqliteDrillStore::map,
                prefix.length(), prefix, since.toEpochMilli()));
    }

    private Optional<Drill> one(String sql, Object... params) {
        return db.read(c -> Sql.first(c, sql, SqliteDrillStore::map, params));
    }

    private static Drill map(ResultSet rs) throws SQLException {
        long fire = rs.getLong("fire_time");
        Optional<Instant> fireTime = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(fire));
        return new Drill(rs.getLong("id"), ChannelKeys.parse(rs.getString("channel_key")),
                Drill.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), fireTime,
                LocalDate.parse(rs.getString("drill_day")), rs.getString("question_id"),
                Track.fromSlug(rs.getString("track")).orElseThrow(), rs.getString("requested_by"),
                Instant.ofEpochMilli(rs.getLong("posted_at")), Instant.ofEpochMilli(rs.getLong("closes_at")),
                Optional.ofNullable(rs.getString("thread_id")));
    }
}
