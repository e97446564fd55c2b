package dev.drillbot.adapter.store;

import dev.drillbot.core.review.Fsrs;
import dev.drillbot.core.review.ReviewStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Review items in the SQLite file (migration V4). */
public final class SqliteReviewStore implements ReviewStore {
    private static final String COLUMNS = "platform, user_id, question_id, stability, difficulty, last_day, due_day, reviews";

    private final Database db;

    public SqliteReviewStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Item> item(String platform, String userId, String questionId) {
        return db.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM review_items WHERE platform = ? AND user_id = ?"
                + " AND question_id = ?", SqliteReviewStore::itemOf, platform, userId, questionId));
    }

    @Override
    public void save(Item i) {
        db.write(c -> Sql.update(c, "INSERT INTO review_items (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (platform, user_id, question_id) DO UPDATE SET stability = excluded.stability,"
                + " difficulty = excluded.difficulty, last_day = excluded.last_day, due_day = excluded.due_day,"
                + " reviews = excluded.reviews", i.platform(), i.userId(), i.questionId(), i.state().stability(),
                i.state().difficulty(), i.lastDay().toString(), i.dueDay().toString(), i.reviews()));
    }

    @Override
    public List<Item> due(String platform, String userId, LocalDate day) {
        return db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM review_items WHERE platform = ? AND user_id = ?"
                + " AND due_day <= ? ORDER BY due_day, question_id", SqliteReviewStore::itemOf, platform, userId,
                day.toString()));
    }

    @Override
    public Optional<Item> nextAfter(String platform, String userId, LocalDate day) {
        return db.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM review_items WHERE platform = ? AND user_id = ?"
                + " AND due_day > ? ORDER BY due_day, question_id LIMIT 1", SqliteReviewStore::itemOf, platform, userId,
                day.toString()));
    }

    private static Item itemOf(ResultSet rs) throws SQLException {
        return new Item(rs.getString(1), rs.getString(2), rs.getString(3),
                new Fsrs.State(rs.getDouble(4), rs.getDouble(5)), LocalDate.parse(rs.getString(6)),
                LocalDate.parse(rs.getString(7)), rs.getInt(8));
    }
}
