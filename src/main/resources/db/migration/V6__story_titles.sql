-- The story bank (issue 12): a story is a user's best-scored LP answer to a drill; only the titles users
-- give their stories with /stories name are stored apart.
CREATE TABLE story_titles (
    platform  TEXT    NOT NULL,
    user_id   TEXT    NOT NULL,
    drill_id  INTEGER NOT NULL REFERENCES drills (id),
    title     TEXT    NOT NULL,
    PRIMARY KEY (platform, user_id, drill_id)
) WITHOUT ROWID;
