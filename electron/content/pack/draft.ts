/**
 * A pack being edited in the console: the manifest as it would be written to `pack.yaml` (defaults
 * left out), checked with the very rules `pack:check` uses. Pure: main and the tests run it.
 */
import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import { crossCheck, type PackFiles } from './crossCheck';
import {
  formatPath,
  packIssue,
  type PackProblem,
  type PathSegment,
} from '../../shared/pack/problems';
import { MANIFEST_FILE, packSchema, schemaWords } from './schema';

/** The manifest as written (and as the editor holds it): optional fields may be left out. */
export type PackDraft = z.input<typeof packSchema>;
export type AgendaItemDraft = PackDraft['agenda'][number];
export type QuizItemDraft = NonNullable<PackDraft['quiz']>['items'][number];

/** The schema's problems (shape), else the cross-checks' (references, sums, timing warnings). */
export function checkDraft(draft: unknown, files: PackFiles): PackProblem[] {
  const problem = (
    severity: PackProblem['severity'],
    path: readonly PathSegment[],
    message: string,
    file = MANIFEST_FILE,
  ): PackProblem => ({ severity, file, line: null, path: formatPath(path), message });
  const validated = packSchema.safeParse(draft, { reportInput: true });
  if (!validated.success) {
    const english = en().localeError as (issue: never) => string;
    return validated.error.issues.map((issue) => {
      const kept = packIssue(issue, english);
      const words = schemaWords(issue.message);
      return {
        ...problem(
          'error',
          issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol'),
          issue.message,
        ),
        ...(words ? { words } : kept && { issue: kept }),
      };
    });
  }
  return crossCheck(validated.data, files).map((raw) => ({
    ...problem(raw.severity, raw.path, raw.message, raw.file ?? MANIFEST_FILE),
    ...(raw.words && { words: raw.words }),
  }));
}

/** `1.2.3` → `1.2.4`: every save of a pack is a new version. */
export function bumpVersion(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) return '1.0.0';
  return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
}

/** Orders two `major.minor.patch` versions. */
export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split('.').map(Number);
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** `base-suffix`, or `base-suffix-2`, … : the first id no pack has. */
export function freeId(base: string, suffix: string, taken: ReadonlySet<string>): string {
  const stem = `${base.replace(new RegExp(`-${suffix}(-\\d+)?$`), '')}-${suffix}`.slice(0, 60);
  if (!taken.has(stem)) return stem;
  for (let number = 2; ; number += 1) {
    const candidate = `${stem}-${number}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Drops keys whose value is undefined, so the YAML written has no `key: null` lines. */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key, withoutUndefined(entry)]),
  ) as T;
}
