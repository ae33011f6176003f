/**
 * Reads a slide deck saved as PDF with PDF.js, offline: its pages' text, its sections (the PDF's
 * top-level bookmarks), small previews, and each page drawn 1920 px wide as a PNG. Only the deck
 * import view imports this module, so PDF.js loads when a coordinator opens a PDF and never before.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
// The worker is a file of the app's own build, served from its own origin under `worker-src 'self'`.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { i18n } from '../../../shared/i18n/i18n';
import { textLines } from './deckText';

GlobalWorkerOptions.workerSrc = workerUrl;

/** The projector's width: each slide image is drawn at this many pixels across. */
export const SLIDE_WIDTH = 1920;
const PREVIEW_WIDTH = 240;
const MAX_TITLE = 200;

export interface DeckPageText {
  title: string;
  notes: string;
}

export interface DeckSection {
  title: string;
  firstPage: number;
}

export interface OpenedDeck {
  document: PDFDocumentProxy;
  /** The PDF's own title, when its author set one. */
  title: string | null;
  pageCount: number;
  sections: DeckSection[];
  /** Ends the PDF.js worker and frees the document. */
  close: () => Promise<void>;
}

export async function openDeck(data: ArrayBuffer): Promise<OpenedDeck> {
  const task = getDocument({
    data: new Uint8Array(data),
    // The kiosk's policy compiles no WebAssembly: PDF.js decodes in plain JavaScript instead.
    useWasm: false,
    enableXfa: false,
  });
  const document = await task.promise;
  const metadata = await document.getMetadata().catch(() => null);
  const info = metadata?.info as { Title?: unknown } | undefined;
  const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
  return {
    document,
    title,
    pageCount: document.numPages,
    sections: await sectionsOf(document),
    close: () => task.destroy(),
  };
}

/** The first page of each top-level bookmark, in page order: a deck's sections when it has them. */
async function sectionsOf(document: PDFDocumentProxy): Promise<DeckSection[]> {
  const outline = await document.getOutline().catch(() => null);
  const sections = new Map<number, string>();
  for (const entry of outline ?? []) {
    try {
      const dest =
        typeof entry.dest === 'string' ? await document.getDestination(entry.dest) : entry.dest;
      const target = dest?.[0];
      if (target === undefined || target === null) continue;
      const index =
        typeof target === 'number' ? target : await document.getPageIndex(target as never);
      if (!sections.has(index)) sections.set(index, entry.title.trim());
    } catch {
      // A bookmark that points nowhere is not a section.
    }
  }
  return [...sections]
    .sort(([a], [b]) => a - b)
    .map(([firstPage, title]) => ({ firstPage, title }));
}

export async function pageText(document: PDFDocumentProxy, index: number): Promise<DeckPageText> {
  const page = await document.getPage(index + 1);
  const content = await page.getTextContent();
  const lines = textLines(content.items.filter((item): item is TextItem => 'str' in item));
  page.cleanup();
  return { title: (lines[0] ?? '').slice(0, MAX_TITLE), notes: lines.join('\n') };
}

async function draw(document: PDFDocumentProxy, index: number, width: number) {
  const page = await document.getPage(index + 1);
  const unscaled = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: width / unscaled.width });
  const canvas = window.document.createElement('canvas');
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  await page.render({ canvas, viewport, background: '#ffffff' }).promise;
  page.cleanup();
  return canvas;
}

/** A small JPEG of the page as a data: URL (the policy's img-src allows data:, not blob:). */
export async function pagePreview(document: PDFDocumentProxy, index: number): Promise<string> {
  const canvas = await draw(document, index, PREVIEW_WIDTH);
  const url = canvas.toDataURL('image/jpeg', 0.8);
  canvas.width = 0;
  return url;
}

/** The page drawn SLIDE_WIDTH pixels wide, as PNG bytes: crisp text at projector size. */
export async function pageImage(document: PDFDocumentProxy, index: number): Promise<Blob> {
  const canvas = await draw(document, index, SLIDE_WIDTH);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  canvas.width = 0;
  if (!blob) throw new Error(i18n.t('deck.pageNotDrawn', { ns: 'packs', page: index + 1 }));
  return blob;
}
