-- Drills: one row per posted question. A scheduled drill is unique per channel and fire time,
-- which is what makes posting exactly-once across restarts, misfires and duplicate triggers.
CREATE TABLE drills (
    id            INTEGER PRIMARY KEY,
    channel_key   TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('scheduled', 'practice')),
    fire_time     INTEGER,              -- epoch millis of the schedule's fire time; NULL for practice
    drill_day     TEXT    NOT NULL,     -- ISO local date in the channel's time zone
    question_id   TEXT    NOT NULL,
    track         TEXT    NOT NULL CHECK (track IN ('lp', 'sql')),
    requested_by  TEXT    NOT NULL DEFAULT '',
    posted_at     INTEGER NOT NULL,
    closes_at     INTEGER NOT NULL,
    thread_id     TEXT,
    CHECK ((kind = 'scheduled') = (fire_time IS NOT NULL)),
    UNIQUE (channel_key, fire_time)
);
CREATE UNIQUE INDEX drills_by_thread ON drills (channel_key, thread_id) WHERE thread_id IS NOT NULL;
CREATE INDEX drills_by_channel ON drills (channel_key, posted_at);

CREATE TABLE answers (
    id           INTEGER PRIMARY KEY,
    drill_id     INTEGER NOT NULL REFERENCES drills (id),
    user_id      TEXT    NOT NULL,
    user_name    TEXT    NOT NULL,
    message_id   TEXT    NOT NULL,     -- unique per version: an edit gets its own
    origin_id    TEXT    NOT NULL,     -- the platform id of the original message, shared by its edits
    text         TEXT    NOT NULL,
    scored_text  TEXT    NOT NULL,
    received_at  INTEGER NOT NULL,
    answer_day   TEXT    NOT NULL,
    on_time      INTEGER NOT NULL CHECK (on_time IN (0, 1)),
    status       TEXT    NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'scored', 'failed', 'withdrawn')),
    failure      TEXT,
    UNIQUE (drill_id, message_id)
);
CREATE INDEX answers_by_user ON answers (drill_id, user_id, id);

CREATE TABLE scores (
    answer_id  INTEGER PRIMARY KEY REFERENCES answers (id),
    total      INTEGER NOT NULL CHECK (total BETWEEN 0 AND 100),
    verdict    TEXT    NOT NULL,
    feedback   TEXT    NOT NULL,     -- JSON array of lines
    detail     TEXT    NOT NULL,
    follow_up  TEXT    NOT NULL,
    scored_at  INTEGER NOT NULL
);

CREATE TABLE score_dimensions (
    answer_id  INTEGER NOT NULL REFERENCES answers (id),
    position   INTEGER NOT NULL,     -- the scorer's order, kept for display
    name       TEXT    NOT NULL,
    score      REAL    NOT NULL,
    max        REAL    NOT NULL,
    PRIMARY KEY (answer_id, position)
) WITHOUT ROWID;

-- Progress, maintained in the same transaction as each score.
CREATE TABLE answer_days (
    channel_key  TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    day          TEXT NOT NULL,
    PRIMARY KEY (channel_key, user_id, day)
) WITHOUT ROWID;

CREATE TABLE skill_stats (
    channel_key  TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    skill        TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    score_sum    INTEGER NOT NULL,
    last_at      INTEGER NOT NULL,
    PRIMARY KEY (channel_key, user_id, skill)
) WITHOUT ROWID;

CREATE TABLE drill_points (
    drill_id     INTEGER NOT NULL REFERENCES drills (id),
    user_id      TEXT    NOT NULL,
    user_name    TEXT    NOT NULL,
    channel_key  TEXT    NOT NULL,
    best         INTEGER NOT NULL,
    first_at     INTEGER NOT NULL,
    PRIMARY KEY (drill_id, user_id)
);
CREATE INDEX drill_points_by_channel ON drill_points (channel_key, first_at);

CREATE TABLE leaderboard_optouts (
    channel_key  TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    PRIMARY KEY (channel_key, user_id)
) WITHOUT ROWID;

CREATE TABLE hints_taken (
    drill_id  INTEGER NOT NULL REFERENCES drills (id),
    user_id   TEXT    NOT NULL,
    taken     INTEGER NOT NULL,
    PRIMARY KEY (drill_id, user_id)
) WITHOUT ROWID;
