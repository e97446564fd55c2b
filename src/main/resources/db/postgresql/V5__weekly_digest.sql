-- The PostgreSQL twin of db/migration/V5__weekly_digest.sql: the same version and tables, in PostgreSQL types
-- (BIGINT for epoch milliseconds and counts, identity keys, DOUBLE PRECISION). One version history
-- for both stores, so `drillbot migrate` copies table by table.
-- The weekly digest (issue 12): one row per channel and digest date, inserted before the digest is posted,
-- so a week's digest goes out once even across restarts and when two instances tick at the same minute.
CREATE TABLE digests (
    channel_key  TEXT    NOT NULL,
    digest_day   TEXT    NOT NULL,     -- ISO local date of the digest in the channel's time zone
    claimed_at   BIGINT NOT NULL,
    PRIMARY KEY (channel_key, digest_day)
);
