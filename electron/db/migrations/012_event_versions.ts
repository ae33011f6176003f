export default /* sql */ `
-- Each session event says which version of the event format it was written in, so the log is
-- read with that version's schema and older events are upgraded by named steps
-- (electron/db/sessionEventSchema.ts). Every event written before this is version 1.
ALTER TABLE session_events ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
`;
