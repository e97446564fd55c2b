package dev.drillbot.adapter.store;

import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.mock.MockInterview;
import dev.drillbot.core.mock.MockStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link MockStore} in the tables of migration V7, on SQLite or PostgreSQL. */
public final class SqliteMockStore implements MockStore {
    private static final String COLUMNS = "id, platform, user_id, user_name, home_channel, thread_channel, thread_id,"
            + " plan, step, probes_asked, started_at, ended_at";
    private static final String TURN_COLUMNS = "id, mock_id, message_id, step, text, sent_at, score, verdict, weakest,"
            + " advice, reply, replied";
    /** Marks the Bar Raiser's question in the stored plan. */
    private static final String BAR_RAISER = "!";

    private final Database db;

    public SqliteMockStore(Database db) {
        this.db = db;
    }

    @Override
    public Optional<MockInterview> start(UserRef user, ChannelRef home, List<MockInterview.Planned> plan, Instant at,
            Instant staleBefore, Instant unopenedBefore) {
        String stored = plan.stream().map(p -> (p.barRaiser() ? BAR_RAISER : "") + p.questionId())
                .collect(Collectors.joining(","));
        Optional<Long> id = db.write(c -> {
            Sql.update(c, "UPDATE mock_interviews SET ended_at = ?, outcome = 'expired' WHERE platform = ?"
                    + " AND user_id = ? AND ended_at IS NULL AND ((thread_id IS NULL AND started_at < ?)"
                    + " OR (started_at < ? AND NOT EXISTS (SELECT 1 FROM mock_turns t WHERE t.mock_id = mock_interviews.id"
                    + " AND t.sent_at >= ?)))", at.toEpochMilli(), home.platform(), user.id(),
                    unopenedBefore.toEpochMilli(), staleBefore.toEpochMilli(), staleBefore.toEpochMilli());
            // the partial unique index keeps one open mock per user, also when two instances start one at once
            return Sql.first(c, "INSERT INTO mock_interviews (platform, user_id, user_name, home_channel, plan,"
                    + " started_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) WHERE ended_at IS NULL"
                    + " DO NOTHING RETURNING id", rs -> rs.getLong(1), home.platform(), user.id(), user.name(),
                    home.key(), stored, at.toEpochMilli());
        });
        return id.flatMap(this::byId);
    }

    @Override
    public void attachThread(long mockId, ThreadRef thread) {
        db.write(c -> Sql.update(c, "UPDATE mock_interviews SET thread_channel = ?, thread_id = ? WHERE id = ?",
                thread.channel().key(), thread.id(), mockId));
    }

    @Override
    public boolean end(long mockId, String outcome, Instant at) {
        return db.write(c -> Sql.update(c, "UPDATE mock_interviews SET ended_at = ?, outcome = ? WHERE id = ?"
                + " AND ended_at IS NULL", at.toEpochMilli(), outcome, mockId)) > 0;
    }

    @Override
    public Optional<MockInterview> byThread(ThreadRef thread) {
        return db.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM mock_interviews WHERE thread_channel = ?"
                + " AND thread_id = ?", SqliteMockStore::mock, thread.channel().key(), thread.id()));
    }

    @Override
    public Optional<MockInterview> byId(long mockId) {
        return db.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM mock_interviews WHERE id = ?",
                SqliteMockStore::mock, mockId));
    }

    @Override
    public Optional<MockInterview> open(String platform, String userId) {
        return db.read(c -> Sql.first(c, "SELECT " + COLUMNS + " FROM mock_interviews WHERE platform = ?"
                + " AND user_id = ? AND ended_at IS NULL", SqliteMockStore::mock, platform, userId));
    }

    @Override
    public List<MockInterview> openSince(String platform, Instant since) {
        // in use since then: begun, or answered in (a long interview is read back as long as it is alive)
        return db.read(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM mock_interviews WHERE platform = ?"
                + " AND ended_at IS NULL AND thread_id IS NOT NULL AND (started_at >= ? OR EXISTS (SELECT 1 FROM mock_turns t"
                + " WHERE t.mock_id = mock_interviews.id AND t.sent_at >= ?)) ORDER BY id",
                SqliteMockStore::mock, platform, since.toEpochMilli(), since.toEpochMilli()));
    }

    @Override
    public Optional<Turn> accept(long mockId, String messageId, int step, String text, Instant sentAt) {
        Optional<Long> id = db.write(c -> Sql.first(c, "INSERT INTO mock_turns (mock_id, message_id, step, text, sent_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (mock_id, message_id) DO NOTHING RETURNING id",
                rs -> rs.getLong(1), mockId, messageId, step, text, sentAt.toEpochMilli()));
        return id.map(i -> new Turn(i, mockId, messageId, step, text, sentAt, Optional.empty(), Optional.empty(), false));
    }

    @Override
    public Optional<Turn> turn(long mockId, String messageId) {
        return db.read(c -> Sql.first(c, "SELECT " + TURN_COLUMNS + " FROM mock_turns WHERE mock_id = ?"
                + " AND message_id = ?", SqliteMockStore::turn, mockId, messageId));
    }

    @Override
    public List<Turn> turns(long mockId, int step) {
        return db.read(c -> Sql.list(c, "SELECT " + TURN_COLUMNS + " FROM mock_turns WHERE mock_id = ? AND step = ?"
                + " ORDER BY id", SqliteMockStore::turn, mockId, step));
    }

    @Override
    public void forget(long turnId) {
        db.write(c -> Sql.update(c, "DELETE FROM mock_turns WHERE id = ? AND reply IS NULL", turnId));
    }

    @Override
    public void moveTurn(long turnId, int step) {
        db.write(c -> Sql.update(c, "UPDATE mock_turns SET step = ? WHERE id = ? AND reply IS NULL", step, turnId));
    }

    @Override
    public boolean recordTurn(long turnId, Marks marks, String reply, MockInterview from, int nextStep, int nextProbes,
            Optional<Instant> endedAt) {
        return db.write(c -> {
            int moved = Sql.update(c, "UPDATE mock_interviews SET step = ?, probes_asked = ?, ended_at = ?,"
                    + " outcome = ? WHERE id = ? AND step = ? AND probes_asked = ? AND ended_at IS NULL", nextStep,
                    nextProbes, endedAt.map(Instant::toEpochMilli).orElse(null), endedAt.isPresent() ? "finished" : null,
                    from.id(), from.step(), from.probesAsked());
            if (moved == 0) {
                return false;
            }
            Sql.update(c, "UPDATE mock_turns SET score = ?, verdict = ?, weakest = ?, advice = ?, reply = ? WHERE id = ?",
                    marks.total(), marks.verdict(), marks.weakest(), marks.advice(), reply, turnId);
            return true;
        });
    }

    @Override
    public void markReplied(long turnId) {
        db.write(c -> Sql.update(c, "UPDATE mock_turns SET replied = 1 WHERE id = ?", turnId));
    }

    private static MockInterview mock(ResultSet rs) throws SQLException {
        ChannelRef home = ChannelKeys.parse(rs.getString("home_channel"));
        String threadChannel = rs.getString("thread_channel");
        String threadId = rs.getString("thread_id");
        Optional<ThreadRef> thread = threadId == null ? Optional.empty()
                : Optional.of(new ThreadRef(ChannelKeys.parse(threadChannel), threadId));
        List<MockInterview.Planned> plan = new ArrayList<>();
        for (String q : rs.getString("plan").split(",")) {
            plan.add(q.startsWith(BAR_RAISER) ? new MockInterview.Planned(q.substring(1), true)
                    : new MockInterview.Planned(q, false));
        }
        long ended = rs.getLong("ended_at");
        Optional<Instant> endedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
        return new MockInterview(rs.getLong("id"), new UserRef(rs.getString("user_id"), rs.getString("user_name")), home,
                thread, plan, rs.getInt("step"), rs.getInt("probes_asked"), Instant.ofEpochMilli(rs.getLong("started_at")),
                endedAt);
    }

    private static Turn turn(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        Optional<Marks> marks = rs.wasNull() ? Optional.empty() : Optional.of(new Marks(score, rs.getString("verdict"),
                rs.getString("weakest"), rs.getString("advice")));
        return new Turn(rs.getLong("id"), rs.getLong("mock_id"), rs.getString("message_id"), rs.getInt("step"),
                rs.getString("text"), Instant.ofEpochMilli(rs.getLong("sent_at")), marks,
                Optional.ofNullable(rs.getString("reply")), rs.getInt("replied") != 0);
    }
}
