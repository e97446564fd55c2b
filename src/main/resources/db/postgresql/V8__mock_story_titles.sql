-- The PostgreSQL twin of db/migration/V8__mock_story_titles.sql: the same version and table, in PostgreSQL types.
CREATE TABLE mock_story_titles (
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    turn_id   BIGINT  NOT NULL REFERENCES mock_turns (id),
    title     TEXT    NOT NULL,
    PRIMARY KEY (platform, user_id, turn_id)
);
