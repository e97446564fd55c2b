-- The weekly digest (issue 12): one row per channel and digest date, inserted before the digest is posted,
-- so a week's digest goes out once even across restarts and when two instances tick at the same minute.
CREATE TABLE digests (
    channel_key  TEXT    NOT NULL,
    digest_day   TEXT    NOT NULL,     -- ISO local date of the digest in the channel's time zone
    claimed_at   INTEGER NOT NULL,
    PRIMARY KEY (channel_key, digest_day)
) WITHOUT ROWID;
