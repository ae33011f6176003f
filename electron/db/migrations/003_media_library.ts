export default /* sql */ `
-- The clinic's own media, copied into the data folder and named by content hash.
CREATE TABLE media_files (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  stored_name TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('video', 'audio', 'captions')),
  duration_ms INTEGER,
  imported_at_ms INTEGER NOT NULL
) STRICT;

-- Which library file plays for a pack's logical media id, with optional captions.
CREATE TABLE media_bindings (
  pack_id TEXT NOT NULL,
  media_id TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES media_files (sha256),
  captions_sha256 TEXT REFERENCES media_files (sha256),
  bound_at_ms INTEGER NOT NULL,
  PRIMARY KEY (pack_id, media_id)
) STRICT;

-- Cue points the clinic re-marked for its own copy of a video.
CREATE TABLE media_cues (
  pack_id TEXT NOT NULL,
  media_id TEXT NOT NULL,
  cue_id TEXT NOT NULL,
  at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
  PRIMARY KEY (pack_id, media_id, cue_id)
) STRICT;
`;
