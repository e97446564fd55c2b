-- Whether the event's message carried a text file that is part of the answer (Discord turns a long
-- paste into message.txt). An event handled after a restart no longer has the platform's message in
-- memory; with this flag the adapter fetches the message again and reads its file, instead of scoring
-- only the typed text.
ALTER TABLE inbox ADD COLUMN attached_file INTEGER NOT NULL DEFAULT 0;
