package dev.drillbot.adapter.store;

import dev.drillbot.core.stories.Story;
import dev.drillbot.core.stories.StoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link StoryStore} over the answers and scores already kept, and what was said in mock interviews, plus the
 * titles (migrations V6 and V8).
 */
public final class SqliteStoryStore implements StoryStore {
    private final Database db;

    public SqliteStoryStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Story> stories(String platform, String userId) {
        // per drill, the best-scored answer (the latest of equal scores: a follow-up adds to the first answer);
        // channel keys are "platform:id", so [platform:, platform;) is one platform
        List<Story> drills = db.read(c -> Sql.list(c, "WITH mine AS (SELECT d.id AS drill_id, d.question_id, a.scored_text, s.total,"
                + " s.feedback, a.received_at, row_number() OVER (PARTITION BY d.id ORDER BY s.total DESC, a.id DESC) AS k,"
                + " min(a.received_at) OVER (PARTITION BY d.id) AS first_at"
                + " FROM answers a JOIN drills d ON d.id = a.drill_id JOIN scores s ON s.answer_id = a.id"
                + " WHERE a.user_id = ? AND a.status = 'scored' AND d.track = 'lp'"
                + " AND d.channel_key >= ? AND d.channel_key < ?)"
                + " SELECT m.drill_id, m.question_id, m.scored_text, m.total, m.feedback, m.first_at, t.title FROM mine m"
                + " LEFT JOIN story_titles t ON t.platform = ? AND t.user_id = ? AND t.drill_id = m.drill_id"
                + " WHERE m.k = 1 ORDER BY m.first_at, m.drill_id",
                rs -> new Story(Story.From.DRILL, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        SqliteAnswerStore.lines(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)),
                        Optional.ofNullable(rs.getString(7))),
                userId, platform + ":", platform + ";", platform, userId));
        List<Story> all = new ArrayList<>(drills);
        all.addAll(mockStories(platform, userId));
        all.sort(Comparator.comparing(Story::firstAt).thenComparing(Story::from).thenComparingLong(Story::id));
        return all;
    }

    /** A scored turn of a mock interview: the row {@link #mockStories} groups by question. */
    private record Heard(String plan, long mockId, int step, long turnId, String text, long sentAt, int score,
            String advice, String title) {}

    /**
     * What the user said to each question of their mock interviews, read as one answer (as it was scored): the
     * turns that were read, keyed by the first of them, with the score and first feedback line kept at the last.
     */
    private List<Story> mockStories(String platform, String userId) {
        List<Heard> heard = db.read(c -> Sql.list(c, "SELECT m.plan, t.mock_id, t.step, t.id, t.text, t.sent_at, t.score,"
                + " t.advice, s.title FROM mock_turns t JOIN mock_interviews m ON m.id = t.mock_id"
                + " LEFT JOIN mock_story_titles s ON s.platform = m.platform AND s.user_id = m.user_id AND s.turn_id = t.id"
                + " WHERE m.platform = ? AND m.user_id = ? AND t.score IS NOT NULL AND t.verdict <> 'REMOVED'"
                + " ORDER BY t.mock_id, t.step, t.id",
                rs -> new Heard(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
                        rs.getInt(7), rs.getString(8), rs.getString(9)), platform, userId));
        List<Story> out = new ArrayList<>();
        int from = 0;
        while (from < heard.size()) {
            int to = from;
            while (to + 1 < heard.size() && heard.get(to + 1).mockId() == heard.get(from).mockId()
                    && heard.get(to + 1).step() == heard.get(from).step()) {
                to++;
            }
            List<Heard> answer = heard.subList(from, to + 1);
            Heard last = answer.get(answer.size() - 1);
            String[] plan = last.plan().split(",");
            String question = last.step() < plan.length ? plan[last.step()].replace("!", "") : "";
            Heard first = answer.get(0); // the key: stable while more is said to the question
            out.add(new Story(Story.From.MOCK, first.turnId(), question,
                    String.join("\n\n", answer.stream().map(Heard::text).toList()), last.score(),
                    last.advice() == null || last.advice().isEmpty() ? List.of() : List.of(last.advice()),
                    Instant.ofEpochMilli(first.sentAt()), Optional.ofNullable(first.title())));
            from = to + 1;
        }
        return out;
    }

    @Override
    public void name(String platform, String userId, Story story, String title) {
        if (story.from() == Story.From.MOCK) {
            db.write(c -> Sql.update(c, "INSERT INTO mock_story_titles (platform, user_id, turn_id, title) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (platform, user_id, turn_id) DO UPDATE SET title = excluded.title",
                    platform, userId, story.id(), title));
            return;
        }
        db.write(c -> Sql.update(c, "INSERT INTO story_titles (platform, user_id, drill_id, title) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (platform, user_id, drill_id) DO UPDATE SET title = excluded.title",
                platform, userId, story.id(), title));
    }
}
