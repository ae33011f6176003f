/**
 * Writes a content pack from a slide deck saved as PDF: each page an image slide whose notes are
 * the page's text and whose title is its first line. Pure functions over files, so what they
 * write goes through the same validation and import as any pack a clinic brings.
 */
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { MANIFEST_FILE, PACK_FORMAT } from '../../content/pack/schema';
import { say } from '../../shared/i18n/phrases';
import { phrase, type Phrase } from '../../shared/i18n/phraseKeys';
import type { IncomingFile } from './stagePack';

/** A deck that cannot become a pack as asked: why, in English and as a phrase the console words. */
export class DeckRefused extends Error {
  override name = 'DeckRefused';

  constructor(readonly words: Phrase) {
    super(say(words));
  }
}

export interface DeckPage {
  /** The page's first line of text, or '' when it has none. */
  title: string;
  /** The page's text, one line per line, as a draft of the counselor's notes. */
  notes: string;
  /** The page rendered as a PNG. */
  image: Uint8Array;
}

export interface DeckItem {
  title: string;
  minutes: number;
  /** Index of the item's first page; an item runs to the next item's first page. */
  firstPage: number;
}

export interface NewDeckPack {
  id: string;
  title: string;
  program: string;
  language: string;
  audience: 'client-group' | 'provider-workshop';
  items: readonly DeckItem[];
}

/** Lowercase letters, digits and hyphens, as pack ids are written; `fallback` when nothing is left. */
export function slugOf(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `base`, or `base-2`, `base-3`… whichever `taken` does not hold yet. */
export function unusedName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

const pageNumber = (index: number, count: number) =>
  String(index + 1).padStart(Math.max(2, String(count).length), '0');

interface PlacedSlide {
  manifest: { id: string; file: string; title?: string; notes: string };
  file: IncomingFile;
}

/** Slide entries and image files for the pages, named `<prefix>-NN` clear of names already used. */
function placeSlides(
  pages: readonly DeckPage[],
  prefix: string,
  takenIds: ReadonlySet<string>,
  takenFiles: ReadonlySet<string>,
): PlacedSlide[] {
  const base = unusedName(prefix, (name) =>
    pages.some(
      (_, index) =>
        takenIds.has(`${name}-${pageNumber(index, pages.length)}`) ||
        takenFiles.has(`slides/${name}-${pageNumber(index, pages.length)}.png`),
    ),
  );
  return pages.map((page, index) => {
    const id = `${base}-${pageNumber(index, pages.length)}`;
    const path = `slides/${id}.png`;
    const title = page.title.trim();
    return {
      manifest: { id, file: path, ...(title ? { title } : {}), notes: page.notes.trim() },
      file: { path, data: page.image },
    };
  });
}

function itemsInOrder(items: readonly DeckItem[], pageCount: number): Phrase | null {
  if (items.length === 0) return phrase('packImport.deck.noItems');
  if (items[0]!.firstPage !== 0) return phrase('packImport.deck.firstItemFirstPage');
  for (let i = 1; i < items.length; i += 1) {
    if (items[i]!.firstPage <= items[i - 1]!.firstPage)
      return phrase('packImport.deck.itemsInOrder');
  }
  if (items.at(-1)!.firstPage >= pageCount) return phrase('packImport.deck.itemAfterLastPage');
  return null;
}

/** The files of a new pack: one agenda item per section, each showing its pages in order. */
export function newDeckPackFiles(pack: NewDeckPack, pages: readonly DeckPage[]): IncomingFile[] {
  if (pages.length === 0) throw new DeckRefused(phrase('packImport.deck.noPages'));
  const order = itemsInOrder(pack.items, pages.length);
  if (order) throw new DeckRefused(order);
  const slides = placeSlides(pages, 'page', new Set(), new Set());
  const itemIds = new Set<string>();
  const agenda = pack.items.map((item, index) => {
    const end = pack.items[index + 1]?.firstPage ?? pages.length;
    const id = unusedName(slugOf(item.title, `item-${index + 1}`), (name) => itemIds.has(name));
    itemIds.add(id);
    return {
      id,
      title: item.title,
      kind: 'didactic',
      minutes: item.minutes,
      slides: slides.slice(item.firstPage, end).map((slide) => slide.manifest.id),
    };
  });
  const manifest = {
    format: PACK_FORMAT,
    id: pack.id,
    version: '1.0.0',
    title: pack.title,
    program: pack.program,
    language: pack.language,
    minutes: pack.items.reduce((total, item) => total + item.minutes, 0),
    audience: pack.audience,
    agenda,
    slides: slides.map((slide) => slide.manifest),
  };
  return [
    { path: MANIFEST_FILE, data: new TextEncoder().encode(stringify(manifest)) },
    ...slides.map((slide) => slide.file),
  ];
}

/** 1.4.2 → 1.5.0: new slides are a new minor version of the pack. */
export function nextMinorVersion(version: string): string {
  const [major = '1', minor = '0'] = version.split('.');
  return `${major}.${Number(minor) + 1}.0`;
}

/**
 * The files of an existing pack with the pages added as slides at the end of one agenda item.
 * The manifest is edited in place, so its comments and layout stay as the author wrote them.
 */
export function addDeckSlidesFiles(
  existing: readonly IncomingFile[],
  itemId: string,
  deckName: string,
  pages: readonly DeckPage[],
): IncomingFile[] {
  if (pages.length === 0) throw new DeckRefused(phrase('packImport.deck.noPages'));
  const manifestFile = existing.find((file) => file.path === MANIFEST_FILE);
  if (!manifestFile)
    throw new DeckRefused(phrase('packImport.deck.noManifest', { file: MANIFEST_FILE }));
  const document = parseDocument(new TextDecoder().decode(manifestFile.data));
  const agenda = document.get('agenda');
  const item = isSeq(agenda)
    ? agenda.items.find((entry) => isMap(entry) && entry.get('id') === itemId)
    : undefined;
  if (!isMap(item)) throw new DeckRefused(phrase('packImport.deck.noItem', { id: itemId }));

  const slidesNode = document.get('slides');
  const takenIds = new Set(
    isSeq(slidesNode)
      ? slidesNode.items.flatMap((entry) => (isMap(entry) ? [String(entry.get('id'))] : []))
      : [],
  );
  const placed = placeSlides(
    pages,
    slugOf(deckName.replace(/\.pdf$/i, ''), 'deck'),
    takenIds,
    new Set(existing.map((file) => file.path)),
  );

  if (!isSeq(slidesNode)) document.set('slides', document.createNode([]));
  if (!isSeq(item.get('slides'))) item.set('slides', document.createNode([]));
  const allSlides = document.get('slides');
  const shownSlides = item.get('slides');
  if (!isSeq(allSlides) || !isSeq(shownSlides))
    throw new DeckRefused(phrase('packImport.deck.slidesNotList'));
  for (const slide of placed) {
    allSlides.add(document.createNode(slide.manifest));
    shownSlides.add(slide.manifest.id);
  }
  document.set('version', nextMinorVersion(String(document.get('version'))));
  return [
    ...existing.filter((file) => file.path !== MANIFEST_FILE),
    { path: MANIFEST_FILE, data: new TextEncoder().encode(document.toString()) },
    ...placed.map((slide) => slide.file),
  ];
}
