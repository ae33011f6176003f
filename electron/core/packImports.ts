import { rm } from 'node:fs/promises';
import type { JobBoard } from '../jobs/jobRunner';
import { phrase } from '../shared/i18n/phrases';
import type { DeckUploads } from '../services/packs/deckImport';
import type { PackLibrary } from '../services/packs/packLibrary';
import type { ImportResult } from '../services/packs/packViews';
import type { StagedPack } from '../services/packs/stagePack';

export interface PackImports {
  /** A pack's zip file: staged and checked on a worker, then swapped in. */
  importPack(zipFile: string, name: string, replace: boolean): Promise<ImportResult>;
  /** A deck whose pages have all arrived: the worker writes and checks the pack; Cancel stops it. */
  importDeck(deckId: string): Promise<ImportResult>;
}

export function packImports(
  packs: PackLibrary,
  decks: DeckUploads,
  jobs: JobBoard,
  /** The running session's pack, which may not change under it: its agenda is being replayed. */
  packInUse: () => string | null,
  announceCatalog: () => void,
): PackImports {
  /** Stages a pack on a worker, then swaps it in here; a cancelled or failed import leaves nothing. */
  const stageAndAdopt = async (
    stage: (staging: string) => Promise<StagedPack>,
    replace: boolean,
  ): Promise<ImportResult> => {
    const inUse = packInUse();
    const staging = packs.stagingFolder();
    try {
      const result = packs.adopt(staging, await stage(staging), replace, inUse);
      if (result.status === 'imported') announceCatalog();
      return result;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  };
  return {
    importPack: (zipFile, name, replace) =>
      stageAndAdopt(
        (staging) =>
          jobs.run('pack-stage', phrase('jobs.labels.importing', { name }), { zipFile, staging }, [
            staging,
          ]),
        replace,
      ),
    async importDeck(deckId) {
      const deck = await decks.complete(deckId);
      try {
        return await stageAndAdopt(
          (staging) =>
            jobs.run('deck-stage', deck.label, { ...deck.input, staging }, [staging], (cancel) =>
              decks.jobStarted(deckId, cancel),
            ),
          deck.replaces,
        );
      } finally {
        await decks.cancel(deckId);
      }
    },
  };
}
