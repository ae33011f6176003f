import type { Phrase } from '../i18n/phraseKeys';

export type PathSegment = string | number;

/** The "file" of a refusal that concerns the whole import, not one file of the pack. */
export const IMPORT_FILE = '(import)';

/**
 * A zod issue, compact and structured-cloneable (no nested issues, the input only as an example of
 * its type): the console words it again in its own language with zod's locales.
 */
export type PackIssue = Readonly<Record<string, unknown>> & { code: string };

export interface PackProblem {
  severity: 'error' | 'warning';
  /** File inside the pack folder, e.g. `pack.yaml` or `slides/intro.md`. */
  file: string;
  line: number | null;
  /** Field path such as `agenda[7].video.cues[2].at`; empty for the whole file. */
  path: string;
  /** English, for the command line and the log. */
  message: string;
  /** The same as a phrase of `main`, when it is one of ours, so the console words it in its language. */
  words?: Phrase;
  /** The same as a zod issue, so the console words it with zod's locale of its language. */
  issue?: PackIssue;
}

/** Not needed to word an issue again: where it is, its English, nested issues. */
const LEFT_OUT = new Set(['path', 'message', 'errors']);

/** The issue to keep beside zod's English message, or none when the schema words it itself. */
export function packIssue(
  issue: { code: string; message: string; input?: unknown } & object,
  english: (issue: never) => string,
): PackIssue | undefined {
  const kept = Object.fromEntries(
    Object.entries(issue)
      .filter(([name]) => !LEFT_OUT.has(name))
      .map(([name, value]) => [name, name === 'input' ? exampleOf(value) : value]),
  ) as PackIssue;
  return english(kept as never) === issue.message ? kept : undefined;
}

function exampleOf(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return {};
  return typeof value === 'string' ? '' : value;
}

export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

/** `pack.yaml:42 agenda[7].video.cues[2].at: beyond the media's length` */
export function formatProblem(problem: PackProblem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${prefix}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}
