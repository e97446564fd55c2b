-- Chat events that carry an answer (a thread reply, its edit, its deletion). Each is committed here
-- before the platform is acknowledged, and marked done once handled; at start-up whatever is not done
-- is handled then, so an event acknowledged just before a crash is not lost. The key is the platform's
-- identity of the event, so a re-delivered event is recognised. Done rows are kept a week for that.
CREATE TABLE inbox (
    id          INTEGER PRIMARY KEY,
    platform    TEXT    NOT NULL,
    event_key   TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('answer', 'edit', 'withdraw')),
    channel_id  TEXT    NOT NULL,
    thread_id   TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    user_name   TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    sent_at     INTEGER NOT NULL,     -- when the user sent it (epoch ms): what streaks and deadlines use
    received_at INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    done_at     INTEGER,
    UNIQUE (platform, event_key)
);
CREATE INDEX inbox_pending ON inbox (platform, id) WHERE done_at IS NULL;

-- When the feedback on an answer was posted: an answer scored but never replied to (the bot stopped
-- in between) gets its feedback when its event is handled again. Answers before this version count
-- as replied.
ALTER TABLE answers ADD COLUMN replied_at INTEGER;
UPDATE answers SET replied_at = received_at;
