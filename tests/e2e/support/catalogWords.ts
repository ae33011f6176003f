import { readFileSync } from 'node:fs';

/** A catalog of resources/locales/, as its JSON. */
export function catalog(language: string, namespace: string): unknown {
  return JSON.parse(readFileSync(`resources/locales/${language}/${namespace}.json`, 'utf8'));
}

/** Every text of a catalog. */
export function leaves(tree: unknown): string[] {
  return Object.values(tree as Record<string, unknown>).flatMap((value) =>
    typeof value === 'string' ? [value] : leaves(value),
  );
}

/**
 * The pieces of a namespace's English catalog that its Spanish one does not share (split at
 * placeholders, markup and punctuation, at least `shortest` letters), and `words`, as whole words.
 */
export function englishLeftovers(
  namespace: string,
  shortest: number,
  words: string[] = [],
): RegExp {
  const spanish = leaves(catalog('es', namespace)).join('\n');
  const fragments = leaves(catalog('en', namespace))
    .flatMap((text) => text.split(/\{\{[^}]+\}\}|<\/?\w+>|[.:;,!?()“”←→·"]/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= shortest && !spanish.includes(fragment));
  const escaped = fragments.map((fragment) => fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(${[...escaped, ...words].join('|')})\\b`);
}
