package dev.drillbot.adapter.store;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.progress.LeaderboardEntry;
import dev.drillbot.core.progress.WeekAnswer;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.progress.RecentScore;
import dev.drillbot.core.progress.SkillStat;
import dev.drillbot.core.scoring.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

public final class SqliteProgressStore implements ProgressStore {
    private final Database db;

    public SqliteProgressStore(Database db) {
        this.db = db;
    }

    @Override
    public NavigableSet<LocalDate> drillDays(ChannelRef channel) {
        List<LocalDate> days = db.read(c -> Sql.list(c, "SELECT DISTINCT drill_day FROM drills WHERE channel_key = ?"
                + " AND kind = 'scheduled' AND thread_id IS NOT NULL", rs -> LocalDate.parse(rs.getString(1)),
                channel.key()));
        return new TreeSet<>(days);
    }

    @Override
    public Set<LocalDate> answerDays(ChannelRef channel, String userId) {
        List<LocalDate> days = db.read(c -> Sql.list(c,
                "SELECT day FROM answer_days WHERE channel_key = ? AND user_id = ?",
                rs -> LocalDate.parse(rs.getString(1)), channel.key(), userId));
        return new HashSet<>(days);
    }

    @Override
    public Map<String, SkillStat> userSkills(ChannelRef channel, String userId) {
        return skills("SELECT skill, attempts, score_sum, last_at FROM skill_stats WHERE channel_key = ? AND user_id = ?",
                channel.key(), userId);
    }

    @Override
    public Map<String, SkillStat> groupSkills(ChannelRef channel) {
        return skills("SELECT skill, sum(attempts), sum(score_sum), max(last_at) FROM skill_stats"
                + " WHERE channel_key = ? GROUP BY skill", channel.key());
    }

    @Override
    public Map<String, SkillStat> userSkillsOnPlatform(String platform, String userId) {
        // channel keys are "platform:id": the range [platform:, platform;) selects one platform and uses the index
        return skills("SELECT skill, sum(attempts), sum(score_sum), max(last_at) FROM skill_stats"
                + " WHERE user_id = ? AND channel_key >= ? AND channel_key < ? GROUP BY skill",
                userId, platform + ":", platform + ";");
    }

    private Map<String, SkillStat> skills(String sql, Object... params) {
        Map<String, SkillStat> out = new LinkedHashMap<>();
        db.read(c -> Sql.list(c, sql, SqliteProgressStore::skill, params)).forEach(s -> out.put(s.skill(), s));
        return out;
    }

    private static SkillStat skill(ResultSet rs) throws SQLException {
        int attempts = rs.getInt(2);
        return new SkillStat(rs.getString(1), attempts, attempts == 0 ? 0 : rs.getDouble(3) / attempts,
                Instant.ofEpochMilli(rs.getLong(4)));
    }

    @Override
    public Map<String, Double> recentDimensions(ChannelRef channel, String userId, int answers, int minAnswers) {
        Map<String, Double> out = new LinkedHashMap<>();
        db.read(c -> Sql.list(c, "WITH recent AS (SELECT a.id FROM answers a JOIN drills d ON d.id = a.drill_id"
                + " WHERE d.channel_key = ? AND a.user_id = ? AND a.status = 'scored' ORDER BY a.id DESC LIMIT ?)"
                + " SELECT name, avg(score / max) FROM score_dimensions WHERE answer_id IN (SELECT id FROM recent)"
                + " GROUP BY name HAVING count(*) >= ? ORDER BY name", rs -> Map.entry(rs.getString(1), rs.getDouble(2)),
                channel.key(), userId, answers, minAnswers)).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public List<LeaderboardEntry> leaderboard(ChannelRef channel, Instant since, Instant until) {
        // user_name: the most recent name the user answered under.
        return db.read(c -> Sql.list(c, "SELECT p.user_id, (SELECT user_name FROM drill_points q"
                + " WHERE q.user_id = p.user_id AND q.channel_key = p.channel_key ORDER BY q.first_at DESC LIMIT 1),"
                + " sum(p.best), count(*), min(p.first_at) FROM drill_points p"
                + " WHERE p.channel_key = ? AND p.first_at >= ? AND p.first_at < ? AND p.user_id NOT IN"
                + " (SELECT user_id FROM leaderboard_optouts WHERE channel_key = p.channel_key)"
                + " GROUP BY p.channel_key, p.user_id ORDER BY sum(p.best) DESC, min(p.first_at) ASC, p.user_id",
                rs -> new LeaderboardEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        Instant.ofEpochMilli(rs.getLong(5))),
                channel.key(), since.toEpochMilli(), until.toEpochMilli()));
    }

    @Override
    public List<WeekAnswer> scoredAnswers(ChannelRef channel, Instant since, Instant until) {
        return db.read(c -> Sql.list(c, "SELECT a.user_id, d.question_id, s.total FROM answers a"
                + " JOIN drills d ON d.id = a.drill_id JOIN scores s ON s.answer_id = a.id"
                + " WHERE d.channel_key = ? AND a.status = 'scored' AND a.received_at >= ? AND a.received_at < ?",
                rs -> new WeekAnswer(rs.getString(1), rs.getString(2), rs.getInt(3)),
                channel.key(), since.toEpochMilli(), until.toEpochMilli()));
    }

    @Override
    public boolean claimDigest(ChannelRef channel, java.time.LocalDate digestDay, Instant now) {
        return db.write(c -> Sql.update(c, "INSERT INTO digests (channel_key, digest_day, claimed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", channel.key(), digestDay.toString(), now.toEpochMilli())) == 1;
    }

    @Override
    public List<RecentScore> recentScores(String platform, String userId, int limit) {
        return db.read(c -> Sql.list(c, "SELECT d.channel_key, d.question_id, s.total, s.verdict, a.received_at"
                + " FROM answers a JOIN scores s ON s.answer_id = a.id JOIN drills d ON d.id = a.drill_id"
                + " WHERE a.user_id = ? AND a.status = 'scored' AND d.channel_key >= ? AND d.channel_key < ?"
                + " ORDER BY a.id DESC LIMIT ?",
                rs -> new RecentScore(ChannelKeys.parse(rs.getString(1)), rs.getString(2), rs.getInt(3),
                        Verdict.valueOf(rs.getString(4)).label(), Instant.ofEpochMilli(rs.getLong(5))),
                userId, platform + ":", platform + ";", limit));
    }

    @Override
    public void setOptOut(ChannelRef channel, String userId, boolean optedOut) {
        db.write(c -> Sql.update(c, optedOut
                ? "INSERT INTO leaderboard_optouts (channel_key, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "DELETE FROM leaderboard_optouts WHERE channel_key = ? AND user_id = ?", channel.key(), userId));
    }

    @Override
    public boolean optedOut(ChannelRef channel, String userId) {
        return db.read(c -> Sql.first(c, "SELECT 1 FROM leaderboard_optouts WHERE channel_key = ? AND user_id = ?",
                rs -> true, channel.key(), userId)).isPresent();
    }
}
