import { basename } from 'node:path';
import type { DeckUploads } from '../../services/packs/deckImport';
import type { PackLibrary } from '../../services/packs/packLibrary';
import type { ChunkedUploads } from '../../services/uploads/chunkedUploads';
import type { ChosenFiles } from '../chosenFiles';
import type { PackImports } from '../packImports';
import type { HandlersOf } from './domain';

/** The pack catalog and its imports: zip uploads, slide decks, files chosen in the dialog. */
export type PackChannel =
  | 'packs:list'
  | 'packs:beginUpload'
  | 'packs:uploadChunk'
  | 'packs:cancelUpload'
  | 'packs:import'
  | 'packs:deckTargets'
  | 'packs:beginDeck'
  | 'packs:deckChunk'
  | 'packs:importDeck'
  | 'packs:cancelDeck'
  | 'packs:importPath';

export function packHandlers(
  packs: PackLibrary,
  packUploads: ChunkedUploads<null>,
  decks: DeckUploads,
  imports: PackImports,
  chosenFiles: ChosenFiles,
): HandlersOf<PackChannel> {
  return {
    'packs:list': () => packs.listView(),
    'packs:beginUpload': ({ name, size }) => packUploads.begin(name, size, null),
    'packs:uploadChunk': ({ uploadId, offset, data }) =>
      packUploads.append(uploadId, offset, Buffer.from(data, 'base64')),
    'packs:cancelUpload': ({ uploadId }) => {
      packUploads.cancel(uploadId);
      return null;
    },
    'packs:import': async ({ uploadId, replace }) => {
      const upload = await packUploads.complete(uploadId);
      const result = await imports
        .importPack(upload.path, upload.name, replace)
        .catch((error: unknown) => {
          packUploads.cancel(uploadId);
          throw error;
        });
      // Kept while the counselor is asked whether to replace; otherwise done with.
      if (result.status !== 'needs-confirmation') packUploads.cancel(uploadId);
      return result;
    },
    'packs:deckTargets': () => decks.targets(),
    'packs:beginDeck': (plan) => decks.begin(plan),
    'packs:deckChunk': ({ deckId, page, offset, data, last }) =>
      decks.appendPage(deckId, page, offset, Buffer.from(data, 'base64'), last),
    'packs:importDeck': ({ deckId }) => imports.importDeck(deckId),
    'packs:cancelDeck': async ({ deckId }) => {
      await decks.cancel(deckId);
      return null;
    },
    'packs:importPath': ({ path, replace }) =>
      imports.importPack(chosenFiles.require(path), basename(path), replace),
  };
}
