-- The PostgreSQL twin of db/migration/V9__inbox_without_drill.sql: the same version and column, in PostgreSQL types.
-- An event handled as no drill's because its thread was not known as a drill's when it was handled: an answer
-- written in a drill's thread in the moment between the platform taking the drill's post and the bot recording
-- the post's thread (on another instance, or on another worker of this one), or in a taken-over drill's kept post.
-- When the thread is recorded, these events, and only these, are handed out once more (see Inbox.reopen).
ALTER TABLE inbox ADD COLUMN without_drill BIGINT NOT NULL DEFAULT 0;
CREATE INDEX inbox_without_drill ON inbox (platform, channel_id, thread_id) WHERE without_drill = 1;
