/**
 * Characters that change how text is displayed without being visible: bidirectional overrides and
 * isolates (which can make "Alex" read as another name or reverse a file name) and zero-width
 * characters (which make two names that look the same differ). Names and titles never need them.
 */
const INVISIBLE_CONTROLS =
  /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function stripInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, '');
}

/** Text put inside HTML markup (an element's text or an attribute's value), as character references. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
