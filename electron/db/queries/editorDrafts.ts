import type { Db } from '../database';
import { decodeJson, editorDraftSchema } from '../jsonColumns';

/** An `editor_drafts` row as SQLite holds it. */
interface StoredEditorDraftRow {
  pack_key: string;
  base_id: string | null;
  images_id: string | null;
  draft_json: string;
  saved_at_ms: number;
}

/** An `editor_drafts` row with its draft decoded. */
export interface EditorDraftRow extends Omit<StoredEditorDraftRow, 'draft_json'> {
  draft: Record<string, unknown>;
}

export function getEditorDraft(db: Db, packKey: string): EditorDraftRow | undefined {
  const row = db
    .prepare<[string], StoredEditorDraftRow>('SELECT * FROM editor_drafts WHERE pack_key = ?')
    .get(packKey);
  if (!row) return undefined;
  const { draft_json, ...rest } = row;
  return {
    ...rest,
    draft: decodeJson(editorDraftSchema, draft_json, `The kept draft of ${packKey}`),
  };
}

export function putEditorDraft(db: Db, { draft, ...row }: EditorDraftRow): void {
  db.prepare(
    `INSERT INTO editor_drafts (pack_key, base_id, images_id, draft_json, saved_at_ms)
     VALUES (@pack_key, @base_id, @images_id, @draft_json, @saved_at_ms)
     ON CONFLICT (pack_key) DO UPDATE SET base_id = excluded.base_id,
       images_id = excluded.images_id, draft_json = excluded.draft_json,
       saved_at_ms = excluded.saved_at_ms`,
  ).run({ ...row, draft_json: JSON.stringify(draft) });
}

export function deleteEditorDraft(db: Db, packKey: string): void {
  db.prepare('DELETE FROM editor_drafts WHERE pack_key = ?').run(packKey);
}

/** The image folders that kept drafts still use. */
export function editorDraftImageFolders(db: Db): string[] {
  return db
    .prepare<[], { images_id: string }>(
      'SELECT DISTINCT images_id FROM editor_drafts WHERE images_id IS NOT NULL',
    )
    .all()
    .map((row) => row.images_id);
}
