package dev.drillbot.adapter.store;

import dev.drillbot.core.chat.AnswerReceived;
import dev.drillbot.core.chat.ChannelRef;
import dev.drillbot.core.chat.ThreadRef;
import dev.drillbot.core.chat.UserRef;
import dev.drillbot.core.drill.Inbox;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The inbox in the SQLite file; an add is one small row, group-committed with other writes. */
public final class SqliteInbox implements Inbox {
    private final Database db;

    public SqliteInbox(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Long> add(String eventKey, Event e, Instant receivedAt) {
        AnswerReceived m = e.message();
        ChannelRef channel = m.thread().channel();
        return db.write(c -> Sql.first(c, "INSERT INTO inbox (platform, event_key, kind, channel_id, thread_id, user_id,"
                + " user_name, message_id, text, sent_at, received_at, attached_file) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT (platform, event_key) DO NOTHING RETURNING id", rs -> rs.getLong(1),
                channel.platform(), eventKey, e.kind().name().toLowerCase(Locale.ROOT), channel.id(), m.thread().id(),
                m.user().id(), m.user().name(), m.messageId(), m.text() == null ? "" : m.text(),
                m.at().toEpochMilli(), receivedAt.toEpochMilli(), e.attachedFile() ? 1 : 0));
    }

    @Override
    public void done(long id) {
        db.write(c -> Sql.update(c, "UPDATE inbox SET done_at = ? WHERE id = ?", System.currentTimeMillis(), id));
    }

    @Override
    public void doneWithoutDrill(long id) {
        db.write(c -> Sql.update(c, "UPDATE inbox SET done_at = ?, without_drill = 1 WHERE id = ?",
                System.currentTimeMillis(), id));
    }

    private static final String COLUMNS = "id, kind, channel_id, thread_id, user_id, user_name, message_id,"
            + " text, sent_at, attempts, attached_file";

    private static final String PENDING = "SELECT " + COLUMNS + " FROM inbox";

    @Override
    public List<Pending> takePending(String platform) {
        return db.write(c -> {
            List<Pending> pending = Sql.list(c, PENDING + " WHERE platform = ? AND done_at IS NULL ORDER BY id",
                    rs -> pending(platform, rs, 1), platform);
            Sql.update(c, "UPDATE inbox SET attempts = attempts + 1 WHERE platform = ? AND done_at IS NULL", platform);
            return pending;
        });
    }

    @Override
    public List<Pending> reopen(String platform, String channelId, String threadId) {
        // one statement: a row is cleared by exactly one of several callers (instances) at the same time
        List<Pending> claimed = new java.util.ArrayList<>(db.write(c -> Sql.list(c, "UPDATE inbox SET done_at = NULL,"
                + " without_drill = 0, attempts = 1 WHERE platform = ? AND channel_id = ? AND thread_id = ?"
                + " AND without_drill = 1 RETURNING " + COLUMNS, rs -> pending(platform, rs, 0), platform, channelId,
                threadId)));
        claimed.sort(java.util.Comparator.comparingLong(Pending::id)); // RETURNING promises no order
        return claimed;
    }

    /** @param counting attempts counted after the row was read */
    private static Pending pending(String platform, java.sql.ResultSet rs, int counting) throws java.sql.SQLException {
        ThreadRef thread = new ThreadRef(new ChannelRef(platform, rs.getString(3)), rs.getString(4));
        AnswerReceived m = new AnswerReceived(new UserRef(rs.getString(5), rs.getString(6)), thread,
                rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(7));
        return new Pending(rs.getLong(1), new Event(Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                m, rs.getInt(11) == 1), rs.getInt(10) + counting);
    }

    @Override
    public Optional<Instant> lastSent(String platform, String channelId, String threadId) {
        return db.read(c -> Sql.first(c, "SELECT max(sent_at) FROM inbox WHERE platform = ? AND channel_id = ?"
                + " AND thread_id = ? AND kind = 'answer'", rs -> {
                    long at = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(at);
                }, platform, channelId, threadId));
    }

    @Override
    public int prune(Instant before) {
        return db.write(c -> Sql.update(c, "DELETE FROM inbox WHERE done_at IS NOT NULL AND received_at < ?",
                before.toEpochMilli()));
    }
}
