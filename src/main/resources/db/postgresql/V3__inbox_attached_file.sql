-- The PostgreSQL twin of db/migration/V3__inbox_attached_file.sql: the same version and tables, in PostgreSQL types
-- (BIGINT for epoch milliseconds and counts, identity keys, DOUBLE PRECISION). One version history
-- for both stores, so `drillbot migrate` copies table by table.
-- Whether the event's message carried a text file that is part of the answer (Discord turns a long
-- paste into message.txt). An event handled after a restart no longer has the platform's message in
-- memory; with this flag the adapter fetches the message again and reads its file, instead of scoring
-- only the typed text.
ALTER TABLE inbox ADD COLUMN attached_file BIGINT NOT NULL DEFAULT 0;
