import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../../shared/plainText';
import type Token from 'markdown-it/lib/token.mjs';
import { imagePath, type PackFiles } from './crossCheck';
import { folderFiles } from './loadPack';
import type { PackManifest, SlideManifest } from './schema';

export interface RenderedSlide {
  id: string;
  title: string;
  /** Safe HTML: Markdown with raw HTML disabled, images only from the pack itself. */
  html: string;
  notes: string;
  /**
   * What the room sees at each build step, in order; the last is the whole slide. One step for a
   * slide without builds or reveal.
   */
  steps: string[];
  /** The slide's body stays off the projector until the counselor reveals it. */
  reveal: boolean;
}

/** Builds the URL a window uses for a file inside a pack (served by the shell's media handler). */
export type PackAssetUrl = (packId: string, relativePath: string) => string;

const IMAGE_FILE = /\.(png|jpe?g|webp|svg|gif)$/i;

function createMarkdown(packId: string, assetUrl: PackAssetUrl): MarkdownIt {
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });
  const defaultImage = markdown.renderer.rules.image!;
  markdown.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index]!;
    const source = token.attrGet('src') ?? '';
    // The validator rejects network images and broken escapes; anything that slips through
    // renders as its alt text rather than breaking the slide.
    const path = imagePath(source);
    if (path === null || /^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith('/'))
      return escapeHtml(token.content);
    token.attrSet('src', assetUrl(packId, path));
    return defaultImage(tokens, index, options, env, self);
  };
  // Links would navigate away from the kiosk; show their text only.
  markdown.renderer.rules.link_open = () => '<span class="slide-link">';
  markdown.renderer.rules.link_close = () => '</span>';
  return markdown;
}

/** The index just past the block that opens at `start` (its matching close, or itself). */
function blockEnd(tokens: readonly Token[], start: number): number {
  const open = tokens[start]!;
  if (open.nesting !== 1) return start + 1;
  let depth = 0;
  for (let index = start; index < tokens.length; index += 1) {
    depth += tokens[index]!.nesting;
    if (depth === 0) return index + 1;
  }
  return tokens.length;
}

/**
 * The tokens the room sees at one build step: headings always; with `reveal`, nothing else until
 * step 1; with `build`, the first `bullets` top-level list items (a list with none is left out).
 */
function tokensAtStep(
  tokens: readonly Token[],
  options: { build: boolean; reveal: boolean },
  step: number,
): Token[] {
  const shown: Token[] = [];
  let bulletsLeft = options.build ? step : Infinity;
  let index = 0;
  while (index < tokens.length) {
    const end = blockEnd(tokens, index);
    const block = tokens.slice(index, end);
    index = end;
    const kind = block[0]!.type;
    if (kind === 'heading_open') {
      shown.push(...block);
      continue;
    }
    if (options.reveal && step === 0) continue;
    if (!options.build || (kind !== 'bullet_list_open' && kind !== 'ordered_list_open')) {
      shown.push(...block);
      continue;
    }
    const items: Token[] = [];
    let inner = 1;
    while (inner < block.length - 1) {
      const itemEnd = blockEnd(block, inner);
      if (bulletsLeft > 0) items.push(...block.slice(inner, itemEnd));
      if (block[inner]!.type === 'list_item_open') bulletsLeft -= 1;
      inner = itemEnd;
    }
    if (items.length > 0) shown.push(block[0]!, ...items, block.at(-1)!);
  }
  return shown;
}

/** Every step of a slide's Markdown, from the first (headings, or nothing revealed) to the whole. */
export function renderSteps(
  markdown: MarkdownIt,
  source: string,
  options: { build: boolean; reveal: boolean },
): string[] {
  const tokens = markdown.parse(source, {});
  if (!options.build && !options.reveal)
    return [markdown.renderer.render(tokens, markdown.options, {})];
  const bullets = options.build
    ? tokens.filter((token) => token.type === 'list_item_open' && token.level === 1).length
    : 1;
  const count = 1 + Math.max(bullets, options.reveal ? 1 : 0);
  return Array.from({ length: count }, (_, step) =>
    markdown.renderer.render(tokensAtStep(tokens, options, step), markdown.options, {}),
  );
}

function firstHeading(markdown: string): string | null {
  return /^#{1,3}\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? null;
}

export function renderSlides(
  folder: string,
  manifest: PackManifest,
  assetUrl: PackAssetUrl,
): RenderedSlide[] {
  const files = folderFiles(folder);
  const markdown = createMarkdown(manifest.id, assetUrl);
  return manifest.slides.map((slide) => renderOne(slide, manifest.id, files, markdown, assetUrl));
}

/** One slide as the projector shows it (the pack editor's live preview). */
export function renderSlide(
  files: PackFiles,
  packId: string,
  slide: SlideManifest,
  assetUrl: PackAssetUrl,
): RenderedSlide {
  return renderOne(slide, packId, files, createMarkdown(packId, assetUrl), assetUrl);
}

function renderOne(
  slide: SlideManifest,
  packId: string,
  files: PackFiles,
  markdown: MarkdownIt,
  assetUrl: PackAssetUrl,
): RenderedSlide {
  if (slide.file !== undefined && IMAGE_FILE.test(slide.file)) {
    const title = slide.title ?? slide.id;
    const html = `<img class="slide-image" src="${escapeHtml(assetUrl(packId, slide.file))}" alt="${escapeHtml(title)}">`;
    // An image has no bullets to build; a reveal image shows its title until revealed.
    const hidden = `<h1>${escapeHtml(title)}</h1>`;
    return {
      id: slide.id,
      title,
      html,
      notes: slide.notes,
      steps: slide.reveal ? [hidden, html] : [html],
      reveal: slide.reveal,
    };
  }
  const source = slide.file !== undefined ? files.read(slide.file) : slide.markdown!;
  const steps = renderSteps(markdown, source, slide);
  return {
    id: slide.id,
    title: slide.title ?? firstHeading(source) ?? slide.id,
    html: steps.at(-1)!,
    notes: slide.notes,
    steps,
    reveal: slide.reveal,
  };
}
