/**
 * pdf-lib's standard fonts (Helvetica and friends) can only encode WinAnsi (Windows-1252) and
 * throw on anything else. Pack text, member names and facilitator notes are free Unicode, so every
 * string passes through `toWinAnsi` before it is measured or drawn.
 */

/** The code points of Windows-1252 outside ASCII and Latin-1 (its 0x80–0x9F block). */
const WINDOWS_1252_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

const encodable = new Set<number>();
for (let code = 0x20; code <= 0x7e; code++) encodable.add(code);
for (let code = 0xa0; code <= 0xff; code++) encodable.add(code);
for (const char of WINDOWS_1252_EXTRAS) encodable.add(char.codePointAt(0)!);
// A soft hyphen would print as a visible hyphen mid-word, and a non-breaking space would defeat
// word wrapping, which only breaks at plain spaces.
encodable.delete(0xad);
encodable.delete(0xa0);

/** Readable stand-ins for characters people commonly paste from word processors and chat apps. */
const REPLACEMENTS: Record<string, string> = {
  '\u00a0': ' ',
  '\t': ' ',
  '→': '->',
  '⟶': '->',
  '➔': '->',
  '➜': '->',
  '⇒': '=>',
  '←': '<-',
  '⟵': '<-',
  '⇐': '<=',
  '↔': '<->',
  '⇔': '<=>',
  '↑': '^',
  '↓': 'v',
  '✓': 'v',
  '✔': 'v',
  '☑': '[v]',
  '✅': '[v]',
  '✗': 'x',
  '✘': 'x',
  '✕': 'x',
  '✖': 'x',
  '❌': 'x',
  '☐': '[ ]',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '⁃': '-',
  '∗': '*',
  '≤': '<=',
  '≥': '>=',
  '≈': '~',
  '′': "'",
  '″': '"',
  '‛': "'",
  '‟': '"',
  '⁄': '/',
  '∕': '/',
  '◦': '-',
  '▪': '-',
  '▫': '-',
  '●': '•',
  '○': 'o',
  '■': '-',
  '□': '-',
  '►': '>',
  '▶': '>',
  '◀': '<',
  '№': 'No.',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  ĸ: 'k',
  ſ: 's',
};

/** Zero-width joiners, variation selectors, emoji skin tones and tag characters. */
const INVISIBLE_RANGES: [number, number][] = [
  [0x200b, 0x200d],
  [0x2060, 0x2060],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0x1f3fb, 0x1f3ff],
  [0xe0020, 0xe007f],
];

/** Overlays that strike through their base ("≠" is "=" with one): dropping them would invert it. */
const NEGATING_OVERLAYS = new Set([0x0334, 0x0335, 0x0336, 0x0337, 0x0338, 0x20d2, 0x20d3, 0x20e5]);

/** Characters that only modify their neighbour, and so print as nothing on their own. */
function isInvisibleModifier(char: string): boolean {
  const code = char.codePointAt(0)!;
  if (NEGATING_OVERLAYS.has(code)) return false;
  return /^\p{M}$/u.test(char) || INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
}

const LINE_SEPARATOR = /^[\u2028\u2029\u0085]$/u;
const SPACE = /^\p{Zs}$/u;

function isEncodable(char: string): boolean {
  return encodable.has(char.codePointAt(0)!);
}

/** One character of a compatibility decomposition, or null if it has no WinAnsi form. */
function decomposedPart(char: string): string | null {
  if (isEncodable(char)) return char;
  if (isInvisibleModifier(char)) return '';
  return REPLACEMENTS[char] ?? null;
}

function replaceCharacter(char: string): string {
  if (isEncodable(char)) return char;
  const replacement = REPLACEMENTS[char];
  if (replacement !== undefined) return replacement;
  if (isInvisibleModifier(char)) return '';
  if (LINE_SEPARATOR.test(char)) return '\n';
  if (SPACE.test(char)) return ' ';
  // Controls and invisible format characters (soft hyphens, direction marks) print as nothing.
  if (/^[\p{Cc}\p{Cf}]$/u.test(char)) return '';
  // Compatibility decomposition turns "ā" into "a" + macron, "ﬁ" into "fi", "⅓" into "1⁄3" and
  // full-width Latin into ASCII, which keeps many names and notes readable instead of "?".
  const decomposed = char.normalize('NFKD');
  if (decomposed !== char) {
    const parts = Array.from(decomposed, decomposedPart);
    if (parts.every((part) => part !== null) && parts.join('') !== '') return parts.join('');
  }
  return '?';
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** One user-perceived character, so that an emoji with a skin tone or a flag becomes one "?". */
function replaceGrapheme(grapheme: string): string {
  if (grapheme === '\n') return '\n';
  const parts = Array.from(grapheme, replaceCharacter);
  return parts.length > 1 && parts.includes('?') ? '?' : parts.join('');
}

/**
 * Text that Helvetica can draw: WinAnsi characters and `\n` line breaks. Common typographic
 * symbols become ASCII look-alikes, accented letters outside Latin-1 lose their accent, and
 * anything else (emoji, CJK, most maths) becomes "?". Applying it twice changes nothing.
 */
export function toWinAnsi(text: string): string {
  return encodeWinAnsi(text).text;
}

/**
 * `toWinAnsi`, and the characters it could only print as "?", so that a document can say what it
 * left out rather than drop it silently.
 */
export function encodeWinAnsi(text: string): { text: string; unprintable: string[] } {
  const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n');
  let result = '';
  const unprintable: string[] = [];
  for (const { segment } of graphemes.segment(normalized)) {
    const printed = replaceGrapheme(segment);
    if (printed.includes('?') && !segment.includes('?')) unprintable.push(segment);
    result += printed;
  }
  return { text: result, unprintable };
}

/** "U+1F600": how a character the font cannot draw is named on paper. */
export function codePointsOf(grapheme: string): string {
  return Array.from(
    grapheme,
    (char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  ).join(' ');
}
