import MarkdownIt from 'markdown-it';
import { imagePath } from './crossCheck';
import { folderFiles } from './loadPack';
import type { PackManifest } from './schema';

export interface RenderedSlide {
  id: string;
  title: string;
  /** Safe HTML: Markdown with raw HTML disabled, images only from the pack itself. */
  html: string;
  notes: string;
}

/** Builds the URL a window uses for a file inside a pack (served by the shell's media handler). */
export type PackAssetUrl = (packId: string, relativePath: string) => string;

const IMAGE_FILE = /\.(png|jpe?g|webp|svg|gif)$/i;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

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
  return manifest.slides.map((slide) => {
    if (slide.file !== undefined && IMAGE_FILE.test(slide.file)) {
      const title = slide.title ?? slide.id;
      return {
        id: slide.id,
        title,
        html: `<img class="slide-image" src="${escapeHtml(assetUrl(manifest.id, slide.file))}" alt="${escapeHtml(title)}">`,
        notes: slide.notes,
      };
    }
    const source = slide.file !== undefined ? files.read(slide.file) : slide.markdown!;
    return {
      id: slide.id,
      title: slide.title ?? firstHeading(source) ?? slide.id,
      html: markdown.render(source),
      notes: slide.notes,
    };
  });
}
