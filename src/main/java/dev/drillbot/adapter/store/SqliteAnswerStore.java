package dev.drillbot.adapter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbot.core.drill.AnswerStore;
import dev.drillbot.core.progress.ProgressUpdate;
import dev.drillbot.core.scoring.DimensionScore;
import dev.drillbot.core.scoring.Score;
import dev.drillbot.core.scoring.Verdict;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

public final class SqliteAnswerStore implements AnswerStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Database db;

    public SqliteAnswerStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Long> accept(NewAnswer a) {
        return db.write(c -> Sql.first(c, "INSERT INTO answers (drill_id, user_id, user_name, message_id, origin_id,"
                + " text, scored_text, received_at, answer_day, on_time) VALUES (?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (drill_id, message_id) DO NOTHING RETURNING id", rs -> rs.getLong(1),
                a.drillId(), a.user().id(), a.user().name(), a.messageId(), a.originId(), a.text(), a.scoredText(),
                a.receivedAt().toEpochMilli(), a.day().toString(), a.onTime() ? 1 : 0));
    }

    @Override
    public Optional<Long> unfinished(long drillId, String messageId) {
        return db.read(c -> Sql.first(c, "SELECT id FROM answers WHERE drill_id = ? AND message_id = ?"
                + " AND status = 'received'", rs -> rs.getLong(1), drillId, messageId));
    }

    @Override
    public Optional<ScoredAnswer> unreplied(long drillId, String messageId) {
        return scored("a.drill_id = ? AND a.message_id = ? AND a.status = 'scored' AND a.replied_at IS NULL",
                drillId, messageId);
    }

    @Override
    public void markReplied(long answerId) {
        db.write(c -> update(c, "UPDATE answers SET replied_at = ? WHERE id = ?", System.currentTimeMillis(), answerId));
    }

    @Override
    public void recordScore(long answerId, Score score, Instant scoredAt, ProgressUpdate p) {
        String feedback = json(score.feedback());
        db.write(c -> {
            long now = scoredAt.toEpochMilli();
            Sql.Updates record = new Sql.Updates().add("INSERT INTO scores (answer_id, total, verdict, feedback, detail,"
                    + " follow_up, scored_at) VALUES (?,?,?,?,?,?,?)", answerId, score.total(), score.verdict().name(),
                    feedback, score.detail(), score.followUp(), now);
            if (!score.dimensions().isEmpty()) {
                // one multi-row INSERT: a statement per dimension was a tenth of the writer's work
                List<Object> params = new ArrayList<>();
                for (int i = 0; i < score.dimensions().size(); i++) {
                    DimensionScore d = score.dimensions().get(i);
                    params.addAll(List.of(answerId, i, d.name(), d.score(), d.max()));
                }
                record.add("INSERT INTO score_dimensions (answer_id, position, name, score, max) VALUES "
                        + String.join(",", Collections.nCopies(score.dimensions().size(), "(?,?,?,?,?)")),
                        params.toArray());
            }
            record.add("UPDATE answers SET status = 'scored' WHERE id = ?", answerId);
            String channel = p.channel().key();
            record.add("INSERT INTO answer_days (channel_key, user_id, day) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                    channel, p.user().id(), p.answerDay().toString());
            for (String skill : p.skills()) {
                record.add("INSERT INTO skill_stats (channel_key, user_id, skill, attempts, score_sum, last_at)"
                        + " VALUES (?,?,?,1,?,?) ON CONFLICT (channel_key, user_id, skill) DO UPDATE SET"
                        + " attempts = skill_stats.attempts + 1, score_sum = skill_stats.score_sum + excluded.score_sum,"
                        + " last_at = " + larger("skill_stats.last_at", "excluded.last_at"),
                        channel, p.user().id(), skill, p.total(), p.answeredAt().toEpochMilli());
            }
            if (p.countsForLeaderboard()) {
                record.add("INSERT INTO drill_points (drill_id, user_id, user_name, channel_key, best, first_at)"
                        + " VALUES (?,?,?,?,?,?) ON CONFLICT (drill_id, user_id) DO UPDATE SET"
                        + " best = " + larger("drill_points.best", "excluded.best") + ", user_name = excluded.user_name,"
                        + " first_at = " + smaller("drill_points.first_at", "excluded.first_at"),
                        p.drillId(), p.user().id(), p.user().name(), channel, p.total(), p.answeredAt().toEpochMilli());
            }
            record.run(c);
            return null;
        });
    }

    @Override
    public boolean withdraw(long drillId, String userId, String messageId, List<String> skills) {
        return db.write(c -> {
            record Live(long answerId, String status, int total) {}
            // The live version: the original message or its latest edit, not yet withdrawn.
            Optional<Live> live = Sql.first(c, "SELECT a.id, a.status, coalesce(s.total, 0)"
                    + " FROM answers a LEFT JOIN scores s ON s.answer_id = a.id WHERE a.drill_id = ? AND a.user_id = ?"
                    + " AND a.origin_id = ? AND a.status <> 'withdrawn' ORDER BY a.id DESC LIMIT 1",
                    rs -> new Live(rs.getLong(1), rs.getString(2), rs.getInt(3)), drillId, userId, messageId);
            if (live.isEmpty()) {
                return false;
            }
            long answerId = live.get().answerId();
            String status = live.get().status();
            int total = live.get().total();
            update(c, "UPDATE answers SET status = 'withdrawn' WHERE id = ?", answerId);
            if (!status.equals("scored")) {
                return true;
            }
            String channel = Sql.first(c, "SELECT channel_key FROM drills WHERE id = ?", rs -> rs.getString(1), drillId)
                    .orElseThrow();
            for (String skill : skills) {
                update(c, "UPDATE skill_stats SET attempts = attempts - 1, score_sum = score_sum - ?"
                        + " WHERE channel_key = ? AND user_id = ? AND skill = ?", total, channel, userId, skill);
                update(c, "DELETE FROM skill_stats WHERE channel_key = ? AND user_id = ? AND skill = ? AND attempts <= 0",
                        channel, userId, skill);
            }
            // Leaderboard points: recompute from what is left, since the withdrawn answer may have been the best.
            update(c, "DELETE FROM drill_points WHERE drill_id = ? AND user_id = ?", drillId, userId);
            update(c, "INSERT INTO drill_points (drill_id, user_id, user_name, channel_key, best, first_at)"
                    + " SELECT a.drill_id, a.user_id, max(a.user_name), d.channel_key, max(s.total), min(a.received_at)"
                    + " FROM answers a JOIN scores s ON s.answer_id = a.id JOIN drills d ON d.id = a.drill_id"
                    + " WHERE a.drill_id = ? AND a.user_id = ? AND a.status = 'scored' AND a.on_time = 1"
                    + " AND d.kind = 'scheduled' GROUP BY a.drill_id, a.user_id, d.channel_key", drillId, userId);
            return true;
        });
    }

    @Override
    public Optional<String> authorOf(long drillId, String messageId) {
        return db.read(c -> Sql.first(c, "SELECT user_id FROM answers WHERE drill_id = ? AND origin_id = ? LIMIT 1",
                rs -> rs.getString(1), drillId, messageId));
    }

    @Override
    public void markFailed(long answerId, String reason) {
        db.write(c -> update(c, "UPDATE answers SET status = 'failed', failure = ? WHERE id = ?", reason, answerId));
    }

    @Override
    public Optional<ScoredAnswer> latestScoredBefore(long drillId, String userId, Instant before) {
        return scored("a.drill_id = ? AND a.user_id = ? AND a.status = 'scored' AND s.scored_at <= ?"
                + " ORDER BY s.scored_at DESC, a.id DESC LIMIT 1", drillId, userId, before.toEpochMilli());
    }

    /** The first scored answer matching {@code where} (on answers {@code a}), with its score. */
    private Optional<ScoredAnswer> scored(String where, Object... params) {
        return db.read(c -> Sql.first(c, "SELECT a.id, a.scored_text, s.total, s.verdict, s.feedback, s.detail,"
                + " s.follow_up FROM answers a JOIN scores s ON s.answer_id = a.id WHERE " + where,
                rs -> new ScoredAnswer(rs.getLong(1), rs.getString(2), new Score(rs.getInt(3),
                        Verdict.valueOf(rs.getString(4)), dimensions(c, rs.getLong(1)), lines(rs.getString(5)),
                        rs.getString(6), rs.getString(7))), params));
    }

    private static List<DimensionScore> dimensions(Connection c, long answerId) throws SQLException {
        return Sql.list(c, "SELECT name, score, max FROM score_dimensions WHERE answer_id = ? ORDER BY position",
                rs -> new DimensionScore(rs.getString(1), rs.getDouble(2), rs.getDouble(3)), answerId);
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        return Sql.update(c, sql, params);
    }

    private static String json(List<String> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feedback lines as stored (a JSON array); an unreadable value is no lines. */
    static List<String> lines(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /*
     * The larger and smaller of two columns, written so that SQLite and PostgreSQL both run them (SQLite's
     * two-argument max() and min() are PostgreSQL's greatest() and least(); neither has the other's).
     */
    static String larger(String a, String b) {
        return "CASE WHEN " + b + " > " + a + " THEN " + b + " ELSE " + a + " END";
    }

    static String smaller(String a, String b) {
        return "CASE WHEN " + b + " < " + a + " THEN " + b + " ELSE " + a + " END";
    }
}
