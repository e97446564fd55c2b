-- The PostgreSQL twin of db/migration/V6__story_titles.sql: the same version and tables, in PostgreSQL types
-- (BIGINT for epoch milliseconds and counts, identity keys, DOUBLE PRECISION). One version history
-- for both stores, so `drillbot migrate` copies table by table.
-- The story bank (issue 12): a story is a user's best-scored LP answer to a drill; only the titles users
-- give their stories with /stories name are stored apart.
CREATE TABLE story_titles (
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    drill_id  BIGINT NOT NULL REFERENCES drills (id),
    title     TEXT    NOT NULL,
    PRIMARY KEY (platform, user_id, drill_id)
);
