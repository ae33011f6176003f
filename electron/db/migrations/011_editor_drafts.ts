export default /* sql */ `
-- The pack editor's changes not saved yet, written a second after the last keystroke, so that a
-- crash, a reload or a restart loses at most that second: the editor offers them back when the
-- same pack is opened again. One row per pack being edited ('edit:<id>', 'duplicate:<id>', 'new');
-- saving the pack or discarding the changes removes it. \`images_id\` names the folder of images
-- added to the draft (curricula/.drafts/<id>/), which start-up keeps while a row needs it.
CREATE TABLE editor_drafts (
  pack_key TEXT PRIMARY KEY,
  base_id TEXT,
  images_id TEXT,
  draft_json TEXT NOT NULL,
  saved_at_ms INTEGER NOT NULL
) STRICT;
`;
