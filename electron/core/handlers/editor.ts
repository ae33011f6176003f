import type { EditorDrafts } from '../../services/packs/editorDrafts';
import type { PackEditor } from '../../services/packs/packEditor';
import { announceSavedPack } from '../rules';
import type { HandlersOf } from './domain';

/** The pack editor: drafts, checks, previews, saves, versions and exports. */
export type EditorChannel =
  | 'packs:editorOpen'
  | 'packs:editorCheck'
  | 'packs:editorPreview'
  | 'packs:editorSave'
  | 'packs:editorAddImage'
  | 'packs:editorDraftKeep'
  | 'packs:editorDraftFind'
  | 'packs:history'
  | 'packs:restore'
  | 'packs:export';

export function editorHandlers(
  editor: PackEditor,
  editorDrafts: EditorDrafts,
  /** The running session's pack, which a save may not change under it. */
  packInUse: () => string | null,
  announceCatalog: () => void,
): HandlersOf<EditorChannel> {
  return {
    'packs:editorOpen': ({ id }) => editor.open(id),
    'packs:editorCheck': ({ baseId, draftId, draft }) => editor.check(baseId, draftId, draft),
    'packs:editorPreview': ({ baseId, draftId, slide }) =>
      editor.previewSlide(baseId, draftId, slide),
    'packs:editorSave': ({ baseId, draftId, draft }) =>
      announceSavedPack(editor.save(baseId, draftId, draft, packInUse()), announceCatalog),
    'packs:editorAddImage': ({ draftId, name, data }) =>
      editor.addImage(draftId, name, Buffer.from(data, 'base64')),
    'packs:editorDraftKeep': ({ key, baseId, draftId, draft }) =>
      editorDrafts.keep(key, baseId, draftId, draft),
    'packs:editorDraftFind': ({ key }) => {
      const kept = editorDrafts.find(key);
      return kept && { ...kept, images: editor.draftImages(kept.draftId) };
    },
    'packs:history': ({ id }) => editor.history(id),
    'packs:restore': ({ id, version }) =>
      announceSavedPack(editor.restore(id, version, packInUse()), announceCatalog),
    'packs:export': ({ id }) => editor.export(id),
  };
}
