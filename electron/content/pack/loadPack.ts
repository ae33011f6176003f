import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from 'zod/v4/locales/en.js';
import { phrase, type Phrase } from '../../shared/i18n/phraseKeys';
import { resolveAssetPath } from '../files';
import { crossCheck, type PackFiles, type RawProblem } from './crossCheck';
import { parseManifest, parseManifestSync, type LineTable, type YamlResult } from './manifestYaml';
import {
  formatPath,
  packIssue,
  type PackProblem,
  type PathSegment,
} from '../../shared/pack/problems';
import { MANIFEST_FILE, packSchema, schemaWords, type PackManifest } from './schema';

export interface PackCheck {
  folder: string;
  /** The validated manifest, or null when the pack has errors. */
  manifest: PackManifest | null;
  /** Best-effort identity for listing a broken pack. */
  id: string | null;
  title: string | null;
  problems: PackProblem[];
}

export function folderFiles(folder: string): PackFiles {
  const resolveInside = (relativePath: string) => resolveAssetPath(folder, `/${relativePath}`);
  return {
    exists(relativePath) {
      const file = resolveInside(relativePath);
      return file !== null && existsSync(file) && statSync(file).isFile();
    },
    read(relativePath) {
      const file = resolveInside(relativePath);
      if (!file) throw new Error(`${relativePath} is outside the pack`);
      return readFileSync(file, 'utf8');
    },
  };
}

/** The line of the deepest node on `path` that exists in the document (1-based). */
function lineOf(lines: LineTable, path: readonly PathSegment[]): number | null {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const entry = lines[JSON.stringify(path.slice(0, depth))];
    if (entry) {
      // For a missing key, point at its parent map's first key rather than the end of the map.
      const [line, firstKeyLine] = entry;
      return depth < path.length && firstKeyLine !== null ? firstKeyLine : line;
    }
  }
  return null;
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : null;
}

function readManifest(folder: string): string | null {
  try {
    return readFileSync(join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    return null;
  }
}

/** Reads and validates a pack folder. Never throws for a bad pack: every fault is a problem. */
export function checkPack(folder: string): PackCheck {
  const source = readManifest(folder);
  return judgePack(folder, source === null ? null : parseManifestSync(source));
}

/** The same, with the manifest parsed while the caller's event loop goes on (imports). */
export async function checkPackAsync(folder: string): Promise<PackCheck> {
  const source = readManifest(folder);
  return judgePack(folder, source === null ? null : await parseManifest(source));
}

function judgePack(folder: string, parsed: YamlResult | null): PackCheck {
  const result: PackCheck = { folder, manifest: null, id: null, title: null, problems: [] };
  const problem = (
    line: number | null,
    path: string,
    message: string,
    file = MANIFEST_FILE,
    words?: Phrase,
  ): void => {
    result.problems.push({ severity: 'error', file, line, path, message, ...(words && { words }) });
  };

  if (parsed === null) {
    problem(
      null,
      '',
      `no ${MANIFEST_FILE} in this folder`,
      MANIFEST_FILE,
      phrase('packCheck.noManifest', { file: MANIFEST_FILE }),
    );
    return result;
  }
  if (!parsed.ok) {
    for (const yamlProblem of parsed.problems) problem(yamlProblem.line, '', yamlProblem.message);
    return result;
  }

  const raw = parsed.value;
  result.id = stringField(raw, 'id');
  result.title = stringField(raw, 'title');
  const validated = packSchema.safeParse(raw, { reportInput: true });
  if (!validated.success) {
    const english = en().localeError as (issue: never) => string;
    for (const issue of validated.error.issues) {
      const path = issue.path.filter(
        (segment): segment is PathSegment => typeof segment !== 'symbol',
      );
      problem(lineOf(parsed.lines, path), formatPath(path), issue.message);
      const kept = packIssue(issue, english);
      const words = schemaWords(issue.message);
      if (words) result.problems[result.problems.length - 1]!.words = words;
      else if (kept) result.problems[result.problems.length - 1]!.issue = kept;
    }
    return result;
  }

  const raws: RawProblem[] = crossCheck(validated.data, folderFiles(folder));
  for (const raw of raws) {
    result.problems.push({
      severity: raw.severity,
      file: raw.file ?? MANIFEST_FILE,
      line: raw.file ? null : lineOf(parsed.lines, raw.path),
      path: formatPath(raw.path),
      message: raw.message,
      ...(raw.words && { words: raw.words }),
    });
  }
  result.problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.path.localeCompare(b.path),
  );
  if (!result.problems.some((entry) => entry.severity === 'error'))
    result.manifest = validated.data;
  return result;
}
