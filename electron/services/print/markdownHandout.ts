import type { PageSize } from './layout';
import { createDocument, FlowWriter, MUTED } from './layout';

export interface MarkdownHandoutPdfInput {
  title: string;
  markdown: string;
  pageSize: PageSize;
  /** The language of the kiosk's own words on it (page numbers); the pack's for a pack's handout. */
  language?: string;
}

export type MarkdownBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; depth: number; text: string }
  | { kind: 'numbered'; depth: number; label: string; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const NUMBERED = /^(\s*)(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const MAX_DEPTH = 3;

/** Markdown backslash escapes are parked in the private use area while markers are stripped. */
const ESCAPE_BASE = 0xe000;

/**
 * Plain text from inline Markdown: emphasis, code and strike-through markers are dropped, links
 * keep their text and images their alt text. A printout has no use for the URLs behind links.
 */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) =>
      String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)),
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_]*?\S)_(?![\w_])/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPE_BASE));
}

function depthOf(indentation: string): number {
  const columns = indentation.replace(/\t/g, '    ').length;
  return Math.min(MAX_DEPTH, Math.floor(columns / 2));
}

/**
 * The block structure of a handout: headings, paragraphs, bullet and numbered lists, quotes,
 * code and rules. Lines that continue a paragraph or list item are joined to it, as Markdown does.
 */
export function parseMarkdown(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  // The block that the next plain line continues, if the previous line left one open.
  let open: Extract<MarkdownBlock, { kind: 'paragraph' | 'bullet' | 'numbered' | 'quote' }> | null =
    null;
  let hardBreak = false;
  let code: { fence: string; lines: string[] } | null = null;

  const append = (text: string) => {
    if (open === null) return;
    open.text += (hardBreak ? '\n' : ' ') + text.trim();
  };

  for (const rawLine of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (code !== null) {
      if (rawLine.trim().startsWith(code.fence)) {
        blocks.push({ kind: 'code', text: code.lines.join('\n') });
        code = null;
      } else {
        code.lines.push(rawLine);
      }
      continue;
    }
    const endsWithHardBreak = / {2,}$|\\$/.test(rawLine);
    const line = rawLine.replace(/\\$/, '').trimEnd();
    const fence = FENCE.exec(line);
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const quote = QUOTE.exec(line);

    if (fence) {
      code = { fence: fence[1]!, lines: [] };
      open = null;
    } else if (line.trim() === '') {
      open = null;
    } else if (open?.kind === 'paragraph' && SETEXT_UNDERLINE.test(line)) {
      const level = line.trim().startsWith('=') ? 1 : 2;
      blocks[blocks.length - 1] = { kind: 'heading', level, text: open.text };
      open = null;
    } else if (THEMATIC_BREAK.test(line)) {
      blocks.push({ kind: 'rule' });
      open = null;
    } else if (heading) {
      const level = Math.min(3, heading[1]!.length) as 1 | 2 | 3;
      blocks.push({ kind: 'heading', level, text: heading[2]! });
      open = null;
    } else if (bullet) {
      open = { kind: 'bullet', depth: depthOf(bullet[1]!), text: bullet[2]!.trim() };
      blocks.push(open);
    } else if (numbered) {
      open = {
        kind: 'numbered',
        depth: depthOf(numbered[1]!),
        label: `${Number(numbered[2])}.`,
        text: numbered[3]!.trim(),
      };
      blocks.push(open);
    } else if (quote) {
      if (open?.kind === 'quote') append(quote[1]!);
      else {
        open = { kind: 'quote', text: quote[1]!.trim() };
        blocks.push(open);
      }
    } else if (open !== null) {
      append(line);
    } else {
      open = { kind: 'paragraph', text: line.trim() };
      blocks.push(open);
    }
    hardBreak = endsWithHardBreak;
  }
  if (code !== null) blocks.push({ kind: 'code', text: code.lines.join('\n') });
  return blocks;
}

const BODY_SIZE = 11;
const LIST_INDENT = 16;

/**
 * A handout written in Markdown, laid out as a printable document. Bold and emphasis print as
 * plain text; everything else keeps its structure, and long text wraps and flows onto new pages.
 */
export async function markdownHandoutPdf(input: MarkdownHandoutPdfInput): Promise<Uint8Array> {
  const { doc, fonts } = await createDocument(input.title);
  const writer = new FlowWriter(doc, fonts, input.pageSize);
  const blocks = parseMarkdown(input.markdown);
  const first = blocks[0];
  const sameTitle = (text: string) =>
    stripInlineMarkdown(text).trim().toLowerCase() === input.title.trim().toLowerCase();
  // Most handouts open with their own title; printing it twice would look like a mistake.
  if (!(first?.kind === 'heading' && first.level === 1 && sameTitle(first.text))) {
    writer.heading(input.title, 1);
  }

  let previousKind: MarkdownBlock['kind'] | null = null;
  for (const block of blocks) {
    const isListItem = block.kind === 'bullet' || block.kind === 'numbered';
    const wasListItem = previousKind === 'bullet' || previousKind === 'numbered';
    if (wasListItem && !isListItem) writer.gap(6);
    switch (block.kind) {
      case 'heading':
        writer.heading(stripInlineMarkdown(block.text), block.level);
        break;
      case 'paragraph':
        writer.text(stripInlineMarkdown(block.text), { size: BODY_SIZE, spaceAfter: 8 });
        break;
      case 'bullet':
        writer.text(stripInlineMarkdown(block.text), {
          size: BODY_SIZE,
          indent: block.depth * LIST_INDENT,
          label: block.depth % 2 === 0 ? '•' : '-',
          labelWidth: 14,
          spaceAfter: 3,
        });
        break;
      case 'numbered':
        writer.text(stripInlineMarkdown(block.text), {
          size: BODY_SIZE,
          indent: block.depth * LIST_INDENT,
          label: block.label,
          labelWidth: 20,
          spaceAfter: 3,
        });
        break;
      case 'quote':
        writer.text(stripInlineMarkdown(block.text), {
          size: BODY_SIZE,
          indent: LIST_INDENT,
          color: MUTED,
          spaceAfter: 8,
        });
        break;
      case 'code':
        writer.text(block.text, { size: 10, indent: 12, spaceAfter: 8 });
        break;
      case 'rule':
        writer.rule();
        break;
    }
    previousKind = block.kind;
  }
  return writer.finish({ footer: input.title, pageNumbers: true, language: input.language });
}
