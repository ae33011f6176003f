/**
 * The pack editor's unsaved changes, kept in the records database as the coordinator types (the
 * renderer writes a second after the last change), so that a crashed page, a reload or a restart
 * of the app loses at most that second. One kept draft per pack being edited; the editor offers it
 * back when that pack is opened again, and saving or discarding removes it.
 */
import type { Clock } from '../../shared/clock';
import type { Db } from '../../db/database';
import {
  deleteEditorDraft,
  editorDraftImageFolders,
  getEditorDraft,
  putEditorDraft,
} from '../../db/queries/editorDrafts';

/** `edit:<pack id>`, `duplicate:<pack id>` or `new`: which editing the draft belongs to. */
export type EditorDraftKey = string;

export interface KeptDraft {
  /** The pack it was opened from (its files), or null for a new pack. */
  baseId: string | null;
  /** The folder of images added to it (`packs:editorAddImage`), or null. */
  draftId: string | null;
  draft: Record<string, unknown>;
  /** When it was last written (ms since the epoch). */
  savedAt: number;
}

/** A kept draft as the editor offers it back, with the images its folder holds. */
export interface OfferedDraft extends KeptDraft {
  images: string[];
}

export class EditorDrafts {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Keeps the draft (replacing the one kept before), or with `draft` null removes it. */
  keep(
    key: EditorDraftKey,
    baseId: string | null,
    draftId: string | null,
    draft: Record<string, unknown> | null,
  ): { savedAt: number } | null {
    if (draft === null) {
      deleteEditorDraft(this.db, key);
      return null;
    }
    const savedAt = this.clock.now();
    putEditorDraft(this.db, {
      pack_key: key,
      base_id: baseId,
      images_id: draftId,
      draft,
      saved_at_ms: savedAt,
    });
    return { savedAt };
  }

  find(key: EditorDraftKey): KeptDraft | null {
    const row = getEditorDraft(this.db, key);
    if (!row) return null;
    return {
      baseId: row.base_id,
      draftId: row.images_id,
      draft: row.draft,
      savedAt: row.saved_at_ms,
    };
  }

  /** The image folders of kept drafts: start-up's clean-up of `curricula/.drafts/` spares them. */
  imageFolders(): string[] {
    return editorDraftImageFolders(this.db);
  }
}
