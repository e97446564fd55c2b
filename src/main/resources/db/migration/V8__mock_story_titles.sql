-- Mock interview answers are stories too (issue 12): the titles users give those with /stories name. A mock
-- story's key is the first turn of its answer (the first message read for that question).
CREATE TABLE mock_story_titles (
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    turn_id   INTEGER NOT NULL REFERENCES mock_turns (id),
    title     TEXT    NOT NULL,
    PRIMARY KEY (platform, user_id, turn_id)
) WITHOUT ROWID;
