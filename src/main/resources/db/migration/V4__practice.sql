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
