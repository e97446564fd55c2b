-- The personal practice loop (issue 12): a user's own time zone and the pauses they took. Both are per
-- platform user, not per channel: a personal streak counts practice in any channel of the platform.
CREATE TABLE user_zones (
    platform  TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    zone      TEXT NOT NULL,     -- a tz database name, e.g. Europe/Berlin
    source    TEXT NOT NULL CHECK (source IN ('user', 'platform')),  -- set with /timezone, or the platform's
    set_at    INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id)
);

-- A pause suspends both streaks on the days it covers (ISO local dates in the user's zone, inclusive).
-- Ended early with /resume by moving last_day. Kept, so that the days it covered stay excused.
CREATE TABLE pauses (
    id         INTEGER PRIMARY KEY,
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    first_day  TEXT NOT NULL,
    last_day   TEXT NOT NULL,
    CHECK (last_day >= first_day)
);
CREATE INDEX pauses_by_user ON pauses (platform, user_id, first_day);

-- Opt-in reminders (/remind on 20:00): a private nudge at that local time when the practice streak is at
-- risk, at most one a day. last_sent_day is claimed with a conditional update, so only one nudge goes
-- out per user and day even if two processes look at once.
CREATE TABLE reminders (
    platform       TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    user_name      TEXT NOT NULL,
    channel_key    TEXT NOT NULL,     -- where it was switched on: its zone is the default, and the fallback
    at_time        TEXT NOT NULL,     -- HH:MM in the user's zone
    last_sent_day  TEXT,
    PRIMARY KEY (platform, user_id)
);

-- Spaced review (FSRS-6): a question a user answered below "solid" comes back when its memory model says
-- recall has fallen to 90%. One row per user and question; updated on every later answer to it.
CREATE TABLE review_items (
    platform     TEXT    NOT NULL,
    user_id      TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    stability    REAL    NOT NULL,     -- days until recall falls to 90%
    difficulty   REAL    NOT NULL,     -- 1..10
    last_day     TEXT    NOT NULL,     -- ISO date of the last answer
    due_day      TEXT    NOT NULL,
    reviews      INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id, question_id)
);
CREATE INDEX review_items_due ON review_items (platform, user_id, due_day);
