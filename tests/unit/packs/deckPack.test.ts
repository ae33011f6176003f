import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ManualClock } from '../../../electron/shared/clock';
import { checkPackAsync } from '../../../electron/content/pack/loadPack';
import { DeckUploads, stageDeck, type DeckPlan } from '../../../electron/services/packs/deckImport';
import {
  addDeckSlidesFiles,
  newDeckPackFiles,
  nextMinorVersion,
  slugOf,
  type DeckPage,
} from '../../../electron/services/packs/deckPack';
import { PackLibrary, type IncomingFile } from '../../../electron/services/packs/packLibrary';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';
import { makeTempDir } from '../../helpers/tempDir';

/** A 1×1 PNG: the writer copies bytes, it never decodes them. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const page = (title: string, notes = title): DeckPage => ({ title, notes, image: PNG });
const PAGES = [
  page('Welcome', 'Welcome\nPhones on silent'),
  page('Why naloxone', 'Why naloxone\nIt reverses an overdose'),
  page('', ''),
  page('Practice', 'Practice\nIn pairs'),
];
const NEW_PACK = {
  id: 'naloxone-training',
  title: 'Naloxone training',
  program: 'Clinic deck',
  language: 'en',
  audience: 'provider-workshop' as const,
  items: [
    { title: 'Welcome', minutes: 5, firstPage: 0 },
    { title: 'Practice', minutes: 20, firstPage: 3 },
  ],
};

let dir: ReturnType<typeof makeTempDir>;
let builtIn: string;
let imported: string;
beforeEach(() => {
  dir = makeTempDir();
  builtIn = join(dir.path, 'resources');
  imported = join(dir.path, 'data', 'curricula');
  mkdirSync(builtIn, { recursive: true });
});
afterEach(() => dir.remove());

const library = () => new PackLibrary({ builtIn, imported }, (id, path) => `/p/${id}/${path}`);
const manifestOf = (files: readonly IncomingFile[]) =>
  parse(new TextDecoder().decode(files.find((file) => file.path === 'pack.yaml')!.data));

/** Writes the files as a folder and runs the checks `npm run pack:check` runs. */
async function problemsOf(files: readonly IncomingFile[]) {
  const folder = join(dir.path, 'check');
  writePack(folder, Object.fromEntries(files.map((file) => [file.path, file.data])));
  return (await checkPackAsync(folder)).problems;
}

describe('newDeckPackFiles', () => {
  it('writes a pack that pack:check passes without a warning: one image slide per page, notes and titles from its text', async () => {
    const files = newDeckPackFiles(NEW_PACK, PAGES);
    expect(await problemsOf(files)).toEqual([]);
    const manifest = manifestOf(files);
    expect(manifest).toMatchObject({ id: 'naloxone-training', version: '1.0.0', minutes: 25 });
    expect(manifest.slides).toEqual([
      {
        id: 'page-01',
        file: 'slides/page-01.png',
        title: 'Welcome',
        notes: 'Welcome\nPhones on silent',
      },
      {
        id: 'page-02',
        file: 'slides/page-02.png',
        title: 'Why naloxone',
        notes: 'Why naloxone\nIt reverses an overdose',
      },
      { id: 'page-03', file: 'slides/page-03.png', notes: '' },
      { id: 'page-04', file: 'slides/page-04.png', title: 'Practice', notes: 'Practice\nIn pairs' },
    ]);
    expect(manifest.agenda).toEqual([
      expect.objectContaining({
        id: 'welcome',
        minutes: 5,
        slides: ['page-01', 'page-02', 'page-03'],
      }),
      expect.objectContaining({ id: 'practice', minutes: 20, slides: ['page-04'] }),
    ]);
    expect(files.filter((file) => file.path.endsWith('.png')).map((file) => file.data)).toEqual(
      PAGES.map(() => PNG),
    );
  });

  it('gives items with the same title different ids', () => {
    const files = newDeckPackFiles(
      {
        ...NEW_PACK,
        items: [0, 1, 2].map((firstPage) => ({ title: 'Part', minutes: 5, firstPage })),
      },
      PAGES,
    );
    expect(manifestOf(files).agenda.map((item: { id: string }) => item.id)).toEqual([
      'part',
      'part-2',
      'part-3',
    ]);
  });

  it('refuses items out of page order, says why', () => {
    expect(() =>
      newDeckPackFiles({ ...NEW_PACK, items: [NEW_PACK.items[1]!, NEW_PACK.items[0]!] }, PAGES),
    ).toThrow('the first agenda item must start at the first page');
    expect(() =>
      newDeckPackFiles(
        {
          ...NEW_PACK,
          items: [
            { title: 'A', minutes: 1, firstPage: 0 },
            { title: 'B', minutes: 1, firstPage: 9 },
          ],
        },
        PAGES,
      ),
    ).toThrow('an agenda item starts after the last page');
  });
});

describe('addDeckSlidesFiles', () => {
  const existing: IncomingFile[] = [
    {
      path: 'pack.yaml',
      data: new TextEncoder().encode(`# Our clinic's own pack\n${MINIMAL_PACK}`),
    },
  ];

  it('adds the pages at the end of the item, keeps the manifest as written and bumps the minor version', async () => {
    const files = addDeckSlidesFiles(existing, 'welcome', 'Overdose Deck.pdf', PAGES.slice(0, 2));
    expect(await problemsOf(files)).toEqual([]);
    const text = new TextDecoder().decode(files.find((file) => file.path === 'pack.yaml')!.data);
    expect(text.startsWith("# Our clinic's own pack\n")).toBe(true);
    const manifest = parse(text);
    expect(manifest.version).toBe('1.1.0');
    expect(manifest.agenda[0].slides).toEqual(['hello', 'overdose-deck-01', 'overdose-deck-02']);
    expect(manifest.slides.at(-1)).toEqual({
      id: 'overdose-deck-02',
      file: 'slides/overdose-deck-02.png',
      title: 'Why naloxone',
      notes: 'Why naloxone\nIt reverses an overdose',
    });
  });

  it('importing the same deck twice adds a second set of slides beside the first', () => {
    const once = addDeckSlidesFiles(existing, 'welcome', 'deck.pdf', PAGES.slice(0, 1));
    const twice = addDeckSlidesFiles(once, 'welcome', 'deck.pdf', PAGES.slice(0, 1));
    expect(manifestOf(twice).agenda[0].slides).toEqual(['hello', 'deck-01', 'deck-2-01']);
    expect(twice.map((file) => file.path).sort()).toEqual([
      'pack.yaml',
      'slides/deck-01.png',
      'slides/deck-2-01.png',
    ]);
  });

  it('names the agenda item it cannot find', () => {
    expect(() => addDeckSlidesFiles(existing, 'nope', 'deck.pdf', PAGES)).toThrow(
      'the pack has no agenda item “nope”',
    );
  });
});

describe('DeckUploads and stageDeck', () => {
  const plan = (target: DeckPlan['target'], pages = PAGES): DeckPlan => ({
    sourceName: 'Naloxone.pdf',
    pages: pages.map(({ title, notes }) => ({ title, notes })),
    target,
  });
  const uploads = () => join(imported, '.uploads');
  const decksOf = (packs: PackLibrary, clock = new ManualClock(0)) =>
    new DeckUploads(uploads(), packs, clock);
  const sendAll = async (decks: DeckUploads, deckId: string, count: number) => {
    for (let index = 0; index < count; index += 1) {
      await decks.appendPage(deckId, index, 0, PNG.subarray(0, 20), false);
      await decks.appendPage(deckId, index, 20, PNG.subarray(20), true);
    }
  };
  /** What the kiosk does with a complete deck: the worker's half here, then main's swap. */
  async function importDeck(packs: PackLibrary, decks: DeckUploads, deckId: string) {
    const deck = await decks.complete(deckId);
    const staging = packs.stagingFolder();
    const staged = await stageDeck({ ...deck.input, staging });
    const result = packs.adopt(staging, staged, deck.replaces);
    await decks.cancel(deckId);
    return result;
  }

  it('imports a new pack from pages sent in parts, under an id no pack has, and keeps no upload', async () => {
    writePack(join(builtIn, 'naloxone-training'), {
      'pack.yaml': MINIMAL_PACK.replace('mini-pack', 'naloxone-training'),
    });
    const packs = library();
    const decks = decksOf(packs);
    const { deckId } = decks.begin(plan({ kind: 'new', ...NEW_PACK }));
    await sendAll(decks, deckId, PAGES.length);
    expect(await importDeck(packs, decks, deckId)).toMatchObject({
      status: 'imported',
      pack: { id: 'naloxone-training-2', slideCount: 4 },
    });
    expect(readFileSync(join(imported, 'naloxone-training-2', 'slides', 'page-03.png'))).toEqual(
      PNG,
    );
    expect(readdirSync(uploads())).toEqual([]);
  });

  it('adds slides to an item of an imported pack, and refuses a built-in one', async () => {
    writePack(join(builtIn, 'mini'), { 'pack.yaml': MINIMAL_PACK });
    expect(() =>
      decksOf(library()).begin(plan({ kind: 'existing', packId: 'mini-pack', itemId: 'welcome' })),
    ).toThrow('is built in');

    mkdirSync(join(imported, 'mine'), { recursive: true });
    writeFileSync(join(imported, 'mine', 'pack.yaml'), MINIMAL_PACK.replace('mini-pack', 'mine'));
    const packs = library();
    const decks = decksOf(packs);
    expect(decks.targets()).toEqual([
      {
        id: 'mine',
        title: 'Mini pack',
        version: '1.0.0',
        items: [{ id: 'welcome', title: 'Welcome' }],
      },
    ]);
    const { deckId } = decks.begin(
      plan({ kind: 'existing', packId: 'mine', itemId: 'welcome' }, PAGES.slice(0, 2)),
    );
    await sendAll(decks, deckId, 2);
    expect(await importDeck(packs, decks, deckId)).toMatchObject({
      status: 'imported',
      replaced: true,
      pack: { id: 'mine', version: '1.1.0', slideCount: 3 },
    });
  });

  it('refuses parts out of order and a deck whose pages did not all arrive', async () => {
    const decks = decksOf(library());
    const { deckId } = decks.begin(plan({ kind: 'new', ...NEW_PACK }));
    await expect(decks.appendPage(deckId, 0, 5, PNG, true)).rejects.toThrow(
      "Expected page 1's part at byte 0, not 5.",
    );
    await sendAll(decks, deckId, 2);
    await expect(decks.complete(deckId)).rejects.toThrow('Page 3 did not arrive whole');
  });

  it('cancelling, or leaving a deck idle, removes the pages already sent', async () => {
    const clock = new ManualClock(0);
    const decks = decksOf(library(), clock);
    const first = decks.begin(plan({ kind: 'new', ...NEW_PACK }));
    await sendAll(decks, first.deckId, 1);
    await decks.cancel(first.deckId);
    expect(readdirSync(uploads())).toEqual([]);

    const { deckId } = decks.begin(plan({ kind: 'new', ...NEW_PACK }));
    await sendAll(decks, deckId, 1);
    clock.advance(10 * 60_000);
    await expect(decks.appendPage(deckId, 1, 0, PNG, true)).rejects.toThrow(
      'no longer in progress',
    );
    await vi.waitFor(() => expect(readdirSync(uploads())).toEqual([]));
  });
});

describe('names', () => {
  it('makes ids from titles and versions from versions', () => {
    expect(slugOf('Überdosis: Naloxon & Co.', 'x')).toBe('uberdosis-naloxon-co');
    expect(slugOf('!!!', 'deck')).toBe('deck');
    expect(nextMinorVersion('2.4.1')).toBe('2.5.0');
  });
});
