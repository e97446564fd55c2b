package dev.drillbot.adapter.store;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.progress.LeaderboardEntry;
import dev.drillbot.core.progress.ProgressStore;
import dev.drillbot.core.progress.RecentScore;
import dev.drillbot.core.progress.SkillStat;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
        return db.read(c -> {
            NavigableSet<LocalDate> out = new TreeSet<>();
            query(c.prepareStatement("SELECT DISTINCT drill_day FROM drills WHERE channel_key = ?"
                    + " AND kind = 'scheduled' AND thread_id IS NOT NULL"), rs -> out.add(LocalDate.parse(rs.getString(1))),
                    channel.key());
            return out;
        });
    }

    @Override
    public Set<LocalDate> answerDays(ChannelRef channel, String userId) {
        return db.read(c -> {
            Set<LocalDate> out = new HashSet<>();
            query(c.prepareStatement("SELECT day FROM answer_days WHERE channel_key = ? AND user_id = ?"),
                    rs -> out.add(LocalDate.parse(rs.getString(1))), channel.key(), userId);
            return out;
        });
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

    private Map<String, SkillStat> skills(String sql, Object... params) {
        return db.read(c -> {
            Map<String, SkillStat> out = new HashMap<>();
            query(c.prepareStatement(sql), rs -> {
                int attempts = rs.getInt(2);
                out.put(rs.getString(1), new SkillStat(rs.getString(1), attempts,
                        attempts == 0 ? 0 : rs.getDouble(3) / attempts, Instant.ofEpochMilli(rs.getLong(4))));
            }, params);
            return out;
        });
    }

    @Override
    public Map<String, Double> recentDimensions(ChannelRef channel, String userId, int answers) {
        return db.read(c -> {
            Map<String, Double> out = new LinkedHashMap<>();
            query(c.prepareStatement("WITH recent AS (SELECT a.id FROM answers a JOIN drills d ON d.id = a.drill_id"
                    + " WHERE d.channel_key = ? AND a.user_id = ? AND a.status = 'scored' ORDER BY a.id DESC LIMIT ?)"
                    + " SELECT name, avg(score / max) FROM score_dimensions WHERE answer_id IN (SELECT id FROM recent)"
                    + " GROUP BY name ORDER BY name"), rs -> out.put(rs.getString(1), rs.getDouble(2)),
                    channel.key(), userId, answers);
            return out;
        });
    }

    @Override
    public List<LeaderboardEntry> leaderboard(ChannelRef channel, Instant since) {
        return db.read(c -> {
            List<LeaderboardEntry> out = new ArrayList<>();
            // user_name: the most recent name the user answered under.
            query(c.prepareStatement("SELECT p.user_id, (SELECT user_name FROM drill_points q WHERE q.user_id = p.user_id"
                    + " AND q.channel_key = p.channel_key ORDER BY q.first_at DESC LIMIT 1),"
                    + " sum(p.best), count(*), min(p.first_at) FROM drill_points p"
                    + " WHERE p.channel_key = ? AND p.first_at >= ? AND p.user_id NOT IN"
                    + " (SELECT user_id FROM leaderboard_optouts WHERE channel_key = p.channel_key)"
                    + " GROUP BY p.user_id ORDER BY sum(p.best) DESC, min(p.first_at) ASC, p.user_id"),
                    rs -> out.add(new LeaderboardEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            Instant.ofEpochMilli(rs.getLong(5)))),
                    channel.key(), since.toEpochMilli());
            return out;
        });
    }

    @Override
    public void setOptOut(ChannelRef channel, String userId, boolean optedOut) {
        db.write(c -> SqliteAnswerStore.update(c, optedOut
                ? "INSERT INTO leaderboard_optouts (channel_key, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "DELETE FROM leaderboard_optouts WHERE channel_key = ? AND user_id = ?", channel.key(), userId));
    }

    @Override
    public boolean optedOut(ChannelRef channel, String userId) {
        return db.read(c -> {
            boolean[] found = {false};
            query(c.prepareStatement("SELECT 1 FROM leaderboard_optouts WHERE channel_key = ? AND user_id = ?"),
                    rs -> found[0] = true, channel.key(), userId);
            return found[0];
        });
    }

    @Override
    public List<RecentScore> recentScores(String platform, String userId, int limit) {
        return db.read(c -> {
            List<RecentScore> out = new ArrayList<>();
            query(c.prepareStatement("SELECT d.channel_key, d.question_id, s.total, s.verdict, a.received_at"
                    + " FROM answers a JOIN scores s ON s.answer_id = a.id JOIN drills d ON d.id = a.drill_id"
                    + " WHERE a.user_id = ? AND a.status = 'scored' AND d.channel_key >= ? AND d.channel_key < ?"
                    + " ORDER BY a.id DESC LIMIT ?"), rs -> {
                        String key = rs.getString(1);
                        int colon = key.indexOf(':');
                        out.add(new RecentScore(new ChannelRef(key.substring(0, colon), key.substring(colon + 1)),
                                rs.getString(2), rs.getInt(3),
                                dev.drillbot.core.scoring.Verdict.valueOf(rs.getString(4)).label(),
                                Instant.ofEpochMilli(rs.getLong(5))));
                    }, userId, platform + ":", platform + ";", limit);
            return out;
        });
    }

    @Override
    public Map<String, SkillStat> userSkillsOnPlatform(String platform, String userId) {
        return skills("SELECT skill, sum(attempts), sum(score_sum), max(last_at) FROM skill_stats"
                + " WHERE user_id = ? AND channel_key >= ? AND channel_key < ? GROUP BY skill",
                userId, platform + ":", platform + ";");
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(PreparedStatement ps, RowHandler handler, Object... params) throws SQLException {
        try (ps) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }
}
