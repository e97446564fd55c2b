-- Mock interview answers are stories too (issue 12): the titles users give those with /stories name. A mock
-- story's key is the turn that ended its answer (the step's last message read).
CREATE TABLE mock_story_titles (
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    turn_id   INTEGER NOT NULL REFERENCES mock_turns (id),
    title     TEXT    NOT NULL,
    PRIMARY KEY (platform, user_id, turn_id)
) WITHOUT ROWID;
