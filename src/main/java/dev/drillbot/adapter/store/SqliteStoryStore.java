package dev.drillbot.adapter.store;

import dev.drillbot.core.stories.Story;
import dev.drillbot.core.stories.StoryStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link StoryStore} over the answers and scores already kept, plus the titles (migration V6). */
public final class SqliteStoryStore implements StoryStore {
    private final Database db;

    public SqliteStoryStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Story> stories(String platform, String userId) {
        // per drill, the best-scored answer (the latest of equal scores: a follow-up adds to the first answer);
        // channel keys are "platform:id", so [platform:, platform;) is one platform
        return db.read(c -> Sql.list(c, "WITH mine AS (SELECT d.id AS drill_id, d.question_id, a.scored_text, s.total,"
                + " s.feedback, a.received_at, row_number() OVER (PARTITION BY d.id ORDER BY s.total DESC, a.id DESC) AS k,"
                + " min(a.received_at) OVER (PARTITION BY d.id) AS first_at"
                + " FROM answers a JOIN drills d ON d.id = a.drill_id JOIN scores s ON s.answer_id = a.id"
                + " WHERE a.user_id = ? AND a.status = 'scored' AND d.track = 'lp'"
                + " AND d.channel_key >= ? AND d.channel_key < ?)"
                + " SELECT m.drill_id, m.question_id, m.scored_text, m.total, m.feedback, m.first_at, t.title FROM mine m"
                + " LEFT JOIN story_titles t ON t.platform = ? AND t.user_id = ? AND t.drill_id = m.drill_id"
                + " WHERE m.k = 1 ORDER BY m.first_at, m.drill_id",
                rs -> new Story(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        SqliteAnswerStore.lines(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)),
                        Optional.ofNullable(rs.getString(7))),
                userId, platform + ":", platform + ";", platform, userId));
    }

    @Override
    public void name(String platform, String userId, long drillId, String title) {
        db.write(c -> Sql.update(c, "INSERT INTO story_titles (platform, user_id, drill_id, title) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (platform, user_id, drill_id) DO UPDATE SET title = excluded.title",
                platform, userId, drillId, title));
    }
}
