import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse } from 'yaml';
import { z } from 'zod';

const deckSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string().min(1),
    slides: z
      .array(
        z
          .object({
            id: z.string().min(1),
            markdown: z.string().min(1),
            notes: z.string().default(''),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export interface Slide {
  id: string;
  /** Rendered from the pack's Markdown with raw HTML disabled, so pack text cannot inject markup. */
  html: string;
  notes: string;
}

export interface Deck {
  id: string;
  title: string;
  slides: readonly Slide[];
}

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true });

export function loadDeck(packFolder: string): Deck {
  const file = join(packFolder, 'pack.yaml');
  const parsed = deckSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return {
    id: parsed.data.id,
    title: parsed.data.title,
    slides: parsed.data.slides.map((slide) => ({
      id: slide.id,
      html: markdown.render(slide.markdown),
      notes: slide.notes,
    })),
  };
}
