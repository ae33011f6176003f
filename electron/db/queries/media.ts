import type { Db } from '../database';

export interface MediaFileRow {
  sha256: string;
  size: number;
  stored_name: string;
  original_name: string;
  mime: string;
  kind: 'video' | 'audio' | 'captions';
  duration_ms: number | null;
  imported_at_ms: number;
}

export interface MediaBindingRow {
  pack_id: string;
  media_id: string;
  sha256: string;
  captions_sha256: string | null;
  bound_at_ms: number;
}

export interface MediaCueRow {
  pack_id: string;
  media_id: string;
  cue_id: string;
  at_ms: number;
}

export function getMediaFile(db: Db, sha256: string): MediaFileRow | undefined {
  return db
    .prepare<[string], MediaFileRow>('SELECT * FROM media_files WHERE sha256 = ?')
    .get(sha256);
}

export function listMediaFiles(db: Db): MediaFileRow[] {
  return db
    .prepare<[], MediaFileRow>('SELECT * FROM media_files ORDER BY imported_at_ms DESC')
    .all();
}

export function insertMediaFile(db: Db, row: MediaFileRow): void {
  db.prepare(
    `INSERT INTO media_files (sha256, size, stored_name, original_name, mime, kind, duration_ms, imported_at_ms)
     VALUES (@sha256, @size, @stored_name, @original_name, @mime, @kind, @duration_ms, @imported_at_ms)`,
  ).run(row);
}

export function getBinding(db: Db, packId: string, mediaId: string): MediaBindingRow | undefined {
  return db
    .prepare<[string, string], MediaBindingRow>(
      'SELECT * FROM media_bindings WHERE pack_id = ? AND media_id = ?',
    )
    .get(packId, mediaId);
}

export function upsertBinding(
  db: Db,
  packId: string,
  mediaId: string,
  sha256: string,
  atMs: number,
): void {
  db.prepare<[string, string, string, number]>(
    `INSERT INTO media_bindings (pack_id, media_id, sha256, bound_at_ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (pack_id, media_id) DO UPDATE SET sha256 = excluded.sha256, bound_at_ms = excluded.bound_at_ms`,
  ).run(packId, mediaId, sha256, atMs);
}

export function setBindingCaptions(
  db: Db,
  packId: string,
  mediaId: string,
  captionsSha256: string | null,
): void {
  db.prepare<[string | null, string, string]>(
    'UPDATE media_bindings SET captions_sha256 = ? WHERE pack_id = ? AND media_id = ?',
  ).run(captionsSha256, packId, mediaId);
}

export function deleteBinding(db: Db, packId: string, mediaId: string): void {
  db.prepare<[string, string]>('DELETE FROM media_bindings WHERE pack_id = ? AND media_id = ?').run(
    packId,
    mediaId,
  );
}

export function listCueOverrides(db: Db, packId: string, mediaId: string): MediaCueRow[] {
  return db
    .prepare<[string, string], MediaCueRow>(
      'SELECT * FROM media_cues WHERE pack_id = ? AND media_id = ?',
    )
    .all(packId, mediaId);
}

export function upsertCue(
  db: Db,
  packId: string,
  mediaId: string,
  cueId: string,
  atMs: number,
): void {
  db.prepare<[string, string, string, number]>(
    `INSERT INTO media_cues (pack_id, media_id, cue_id, at_ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (pack_id, media_id, cue_id) DO UPDATE SET at_ms = excluded.at_ms`,
  ).run(packId, mediaId, cueId, atMs);
}

export function deleteCueOverrides(db: Db, packId: string, mediaId: string): void {
  db.prepare<[string, string]>('DELETE FROM media_cues WHERE pack_id = ? AND media_id = ?').run(
    packId,
    mediaId,
  );
}
