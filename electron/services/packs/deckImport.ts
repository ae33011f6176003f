/**
 * Importing a slide deck saved as PDF. The console reads each page's text and draws each page
 * itself (PDF.js), then sends the images here in parts, as media and pack uploads are sent: each
 * part is appended to a page file on libuv's thread pool. Once every page has arrived, a worker job
 * (`stageDeck`) writes the pack, validates and renders it; main only swaps it in.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Clock } from '../../shared/clock';
import { phrase, type Phrase } from '../../shared/i18n/phrases';
import { RejectedRequest } from '../errors';
import {
  addDeckSlidesFiles,
  newDeckPackFiles,
  slugOf,
  unusedName,
  type DeckItem,
  type DeckPage,
  type NewDeckPack,
  DeckRefused,
} from './deckPack';
import type { PackLibrary } from './packLibrary';
import {
  invalidImport,
  MAX_IMPORT_BYTES,
  stageFiles,
  type IncomingFile,
  type StagedPack,
  type StageProgress,
} from './stagePack';

/** A deck left this long without a part was abandoned (a closed window, a crash). */
export const DECK_IDLE_MS = 10 * 60_000;
/** All of a deck's page images together, leaving room in a pack's 200 MB for what it holds. */
export const MAX_DECK_BYTES = MAX_IMPORT_BYTES - 20 * 1024 * 1024;

export type DeckTarget =
  | (Omit<NewDeckPack, 'id' | 'items'> & { kind: 'new'; items: DeckItem[] })
  | { kind: 'existing'; packId: string; itemId: string };

export interface DeckPlan {
  /** The PDF's file name: names the slides added to an existing pack. */
  sourceName: string;
  pages: { title: string; notes: string }[];
  target: DeckTarget;
}

/** A pack a deck's pages may be added to, with its agenda items. */
export interface DeckTargetPack {
  id: string;
  title: string;
  version: string;
  items: { id: string; title: string }[];
}

/** What the worker is given: the pages' text, the folder of their images, and the pack they go in. */
export interface DeckStageInput {
  sourceName: string;
  pages: DeckPlan['pages'];
  pagesFolder: string;
  /** A new pack (its id chosen on main, clear of the packs loaded), or an existing pack's item. */
  into: { kind: 'new'; pack: NewDeckPack } | { kind: 'existing'; folder: string; itemId: string };
  staging: string;
}

/** The deck's pages once all have arrived, ready for `stageDeck`, and whether it replaces a pack. */
export interface CompleteDeck {
  label: Phrase;
  input: Omit<DeckStageInput, 'staging'>;
  replaces: boolean;
}

const pageFile = (folder: string, index: number) => join(folder, `page-${index}.png`);

async function packFiles(folder: string): Promise<IncomingFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path: relative(folder, path).split(sep).join('/'), data: await readFile(path) };
      }),
  );
}

/** Runs on a worker: writes the deck's pack (new, or an existing one with the pages added) and stages it. */
export async function stageDeck(
  { sourceName, pages, pagesFolder, into, staging }: DeckStageInput,
  progress: StageProgress = () => {},
): Promise<StagedPack> {
  const drawn: DeckPage[] = [];
  for (const [index, page] of pages.entries()) {
    drawn.push({ ...page, image: await readFile(pageFile(pagesFolder, index)) });
    progress('readingPages', index + 1, pages.length);
  }
  let files: IncomingFile[];
  try {
    files =
      into.kind === 'new'
        ? newDeckPackFiles(into.pack, drawn)
        : addDeckSlidesFiles(await packFiles(into.folder), into.itemId, sourceName, drawn);
  } catch (error) {
    // Ours in the console's words; else the YAML parser's own reason, as a detail.
    const detail = error instanceof DeckRefused ? error.words : (error as Error).message;
    return invalidImport(phrase('packImport.deckFailed', { detail }));
  }
  return stageFiles(files, staging, progress);
}

interface Deck {
  id: string;
  plan: DeckPlan;
  folder: string;
  received: number[];
  /** The page's last part has arrived. */
  complete: boolean[];
  total: number;
  lastActivity: number;
  /** The parts' writes, in order: each waits for the one before it. */
  writing: Promise<void>;
  /** Stops the deck's worker job once it runs. */
  stopJob: (() => Promise<unknown>) | null;
}

/** The deck being imported: one at a time, as the console shows one import (another gives it up). */
export class DeckUploads {
  private current: Deck | null = null;

  constructor(
    private readonly folder: string,
    private readonly packs: PackLibrary,
    private readonly clock: Clock,
  ) {}

  /** The packs imported into this kiosk: built-in ones are the program's and stay as they are. */
  targets(): DeckTargetPack[] {
    return this.packs.listView().packs.flatMap((summary) => {
      const pack = this.packs.find(summary.id);
      if (summary.origin !== 'imported' || !pack) return [];
      const items = pack.manifest.agenda.map(({ id, title }) => ({ id, title }));
      return [{ id: summary.id, title: summary.title, version: summary.version, items }];
    });
  }

  begin(plan: DeckPlan): { deckId: string } {
    if (plan.target.kind === 'existing') this.existingTarget(plan.target);
    if (this.current) void this.cancel(this.current.id);
    const id = randomBytes(12).toString('hex');
    const folder = join(this.folder, `deck-${id}`);
    mkdirSync(folder, { recursive: true });
    this.current = {
      id,
      plan,
      folder,
      received: plan.pages.map(() => 0),
      complete: plan.pages.map(() => false),
      total: 0,
      lastActivity: this.clock.now(),
      writing: Promise.resolve(),
      stopJob: null,
    };
    return { deckId: id };
  }

  /** One part of a page's image; `last` marks the page whole. */
  async appendPage(
    deckId: string,
    page: number,
    offset: number,
    data: Uint8Array,
    last: boolean,
  ): Promise<{ received: number }> {
    const deck = this.require(deckId);
    if (page >= deck.plan.pages.length)
      throw new RejectedRequest('errors.deck.noSuchPage', { page: page + 1 });
    if (deck.complete[page] || offset !== deck.received[page]) {
      throw new RejectedRequest('errors.deck.wrongOffset', {
        page: page + 1,
        expected: deck.received[page] ?? 0,
        offset,
      });
    }
    deck.total += data.byteLength;
    if (deck.total > MAX_DECK_BYTES) {
      await this.cancel(deckId);
      throw new RejectedRequest('errors.deck.tooLarge', {
        megabytes: MAX_DECK_BYTES / 1024 ** 2,
      });
    }
    // Counted before the write, so a part sent again meanwhile is refused rather than doubled.
    deck.received[page] = offset + data.byteLength;
    deck.complete[page] = last;
    deck.lastActivity = this.clock.now();
    const file = pageFile(deck.folder, page);
    deck.writing = deck.writing.then(() => appendFile(file, data));
    await deck.writing;
    return { received: deck.received[page] };
  }

  /** Every page has arrived: what the worker needs to stage the pack. */
  async complete(deckId: string): Promise<CompleteDeck> {
    const deck = this.require(deckId);
    await deck.writing;
    const short = deck.complete.indexOf(false);
    if (short >= 0) throw new RejectedRequest('errors.deck.pageIncomplete', { page: short + 1 });
    const { target, sourceName, pages } = deck.plan;
    const into: DeckStageInput['into'] =
      target.kind === 'new'
        ? {
            kind: 'new',
            pack: {
              ...target,
              id: unusedName(slugOf(target.title, 'imported-deck'), (name) =>
                Boolean(this.packs.find(name)),
              ),
            },
          }
        : { kind: 'existing', folder: this.existingTarget(target).folder, itemId: target.itemId };
    deck.lastActivity = this.clock.now();
    return {
      label: phrase('jobs.labels.importing', { name: sourceName }),
      input: { sourceName, pages, pagesFolder: deck.folder, into },
      replaces: target.kind === 'existing',
    };
  }

  /** Called once the deck's worker job has started, so Cancel can stop it. */
  jobStarted(deckId: string, stop: () => Promise<unknown>): void {
    if (this.current?.id === deckId) this.current.stopJob = stop;
  }

  /** Gives the deck up: its job stopped, its page files removed. */
  async cancel(deckId: string): Promise<void> {
    const deck = this.current;
    if (deck?.id !== deckId) return;
    this.current = null;
    await deck.stopJob?.();
    await deck.writing.catch(() => undefined);
    rmSync(deck.folder, { recursive: true, force: true });
  }

  /** Gives up a deck idle longer than DECK_IDLE_MS (never one whose job is running). */
  expire(): void {
    const deck = this.current;
    if (deck && !deck.stopJob && this.clock.now() - deck.lastActivity >= DECK_IDLE_MS)
      void this.cancel(deck.id);
  }

  private existingTarget(target: Extract<DeckTarget, { kind: 'existing' }>) {
    const pack = this.packs.find(target.packId);
    if (!pack) throw new RejectedRequest('errors.packs.noSuchPack', { id: target.packId });
    if (pack.origin !== 'imported') {
      throw new RejectedRequest('errors.deck.builtIn', { title: pack.manifest.title });
    }
    if (!pack.manifest.agenda.some((item) => item.id === target.itemId))
      throw new RejectedRequest('errors.deck.noSuchItem', {
        title: pack.manifest.title,
        itemId: target.itemId,
      });
    return pack;
  }

  private require(deckId: string): Deck {
    this.expire();
    if (this.current?.id !== deckId) throw new RejectedRequest('errors.deck.gone');
    return this.current;
  }
}
