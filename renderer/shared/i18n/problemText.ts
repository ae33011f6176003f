/**
 * A pack-check problem in the console's language: one of ours from its phrase (`main`'s
 * `packCheck.*`), a zod issue with zod's locale; else (YAML's own messages) the English it came with.
 */
import en from 'zod/v4/locales/en.js';
import es from 'zod/v4/locales/es.js';
import { IMPORT_FILE, type PackProblem } from '../../../electron/shared/pack/problems';
import type { Language } from '../../../electron/shared/i18n';
import type { Phrase } from '../../../electron/shared/i18n/phraseKeys';
import { i18n, useConsoleLanguage } from './i18n';

const ZOD_LOCALES: Record<Language, () => { localeError: unknown }> = { en, es };

function wordPhrase(words: Phrase, language: Language): string {
  const params = Object.fromEntries(
    Object.entries(words.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? wordPhrase(value, language) : value,
    ]),
  );
  return i18n.getFixedT(language, 'main')(words.key, params);
}

export function problemText(problem: PackProblem, language: Language): string {
  if (problem.words) return wordPhrase(problem.words, language);
  if (problem.issue) {
    const localeError = ZOD_LOCALES[language]().localeError as (issue: never) => unknown;
    const worded = localeError(problem.issue as never);
    if (typeof worded === 'string') return worded;
  }
  return problem.message;
}

/**
 * The whole line, as the CLI's `formatProblem` writes it in English: where (file:line and field
 * path, technical locators left as they are), then the problem in the console's language. A refusal
 * of the whole import needs no "where".
 */
export function problemLine(problem: PackProblem, language: Language): string {
  const text = problemText(problem, language);
  const where = [
    problem.file !== IMPORT_FILE &&
      (problem.line === null ? problem.file : `${problem.file}:${problem.line}`),
    problem.severity === 'warning' && i18n.getFixedT(language, 'packs')('problem.warning'),
    problem.path && `${problem.path}:`,
  ].filter(Boolean);
  return [...where, text].join(' ');
}

/** A line already in words (a failed call's message), or a pack problem to word. */
export type ProblemLine = PackProblem | string;

/** `problemLine` in the console's language now; re-renders when it changes. */
export function useProblemLine(): (problem: ProblemLine) => string {
  const language = useConsoleLanguage();
  return (problem) => (typeof problem === 'string' ? problem : problemLine(problem, language));
}

/** `problemText` in the console's language now; re-renders when it changes. */
export function useProblemText(): (problem: PackProblem) => string {
  const language = useConsoleLanguage();
  return (problem) => problemText(problem, language);
}
