-- Mock interviews (issue 12): /mock runs five questions in a private thread (a DM on Slack), each with the
-- interviewer's follow-up, then a scorecard. The interview and every message the user sent in it are kept;
-- what the bot answered each message with is stored before it is posted, so a crash posts it later, once.
CREATE TABLE mock_interviews (
    id              INTEGER PRIMARY KEY,
    platform        TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    user_name       TEXT    NOT NULL,
    home_channel    TEXT    NOT NULL,   -- channel key where /mock was run
    thread_channel  TEXT,               -- channel key of the private thread (the DM on Slack)
    thread_id       TEXT,
    plan            TEXT    NOT NULL,   -- question ids in order, comma separated; the Bar Raiser's starts with '!'
    step            INTEGER NOT NULL DEFAULT 0,
    probes_asked    INTEGER NOT NULL DEFAULT 0,
    started_at      INTEGER NOT NULL,   -- epoch ms
    ended_at        INTEGER,
    outcome         TEXT                -- finished, stopped, expired
);
CREATE UNIQUE INDEX mock_by_thread ON mock_interviews (thread_channel, thread_id) WHERE thread_id IS NOT NULL;
-- one open mock per user and platform, across instances
CREATE UNIQUE INDEX mock_one_open ON mock_interviews (platform, user_id) WHERE ended_at IS NULL;

CREATE TABLE mock_turns (
    id          INTEGER PRIMARY KEY,
    mock_id     INTEGER NOT NULL REFERENCES mock_interviews (id),
    message_id  TEXT    NOT NULL,
    step        INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    sent_at     INTEGER NOT NULL,       -- epoch ms
    score       INTEGER,                -- the step's score once this message was read (null until then)
    verdict     TEXT,                   -- that score's verdict, weakest rubric dimension and first feedback line,
    weakest     TEXT,                   -- kept for the scorecard, which is drawn from them rather than by
    advice      TEXT,                   -- grading every answer again
    reply       TEXT,                   -- what the bot answered it with: a follow-up, the next question or the scorecard
    replied     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (mock_id, message_id)
);
