import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { resolveAssetPath } from '../../shell/security';
import { crossCheck, type PackFiles, type RawProblem } from './crossCheck';
import { formatPath, type PackProblem, type PathSegment } from './problems';
import { MANIFEST_FILE, packSchema, type PackManifest } from './schema';

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
function lineOf(
  document: Document,
  counter: LineCounter,
  path: readonly PathSegment[],
): number | null {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node: unknown =
      depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      // For a missing key, point at its parent map's first line rather than the end of the map.
      const offset =
        depth < path.length && isMap(node) && node.items[0]
          ? (node.items[0].key as { range?: [number] }).range?.[0]
          : node.range[0];
      return counter.linePos(offset ?? node.range[0]).line;
    }
  }
  return null;
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : null;
}

/** Reads and validates a pack folder. Never throws for a bad pack: every fault is a problem. */
export function checkPack(folder: string): PackCheck {
  const manifestPath = join(folder, MANIFEST_FILE);
  const result: PackCheck = { folder, manifest: null, id: null, title: null, problems: [] };
  const problem = (
    line: number | null,
    path: string,
    message: string,
    file = MANIFEST_FILE,
  ): void => {
    result.problems.push({ severity: 'error', file, line, path, message });
  };

  let source: string;
  try {
    source = readFileSync(manifestPath, 'utf8');
  } catch {
    problem(null, '', `no ${MANIFEST_FILE} in this folder`);
    return result;
  }

  const counter = new LineCounter();
  const document = parseDocument(source, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    for (const yamlError of document.errors) {
      problem(
        counter.linePos(yamlError.pos[0]).line,
        '',
        `YAML: ${yamlError.message.split('\n')[0]}`,
      );
    }
    return result;
  }

  const raw: unknown = document.toJS();
  result.id = stringField(raw, 'id');
  result.title = stringField(raw, 'title');
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter(
        (segment): segment is PathSegment => typeof segment !== 'symbol',
      );
      problem(lineOf(document, counter, path), formatPath(path), issue.message);
    }
    return result;
  }

  const raws: RawProblem[] = crossCheck(parsed.data, folderFiles(folder));
  for (const raw of raws) {
    result.problems.push({
      severity: raw.severity,
      file: raw.file ?? MANIFEST_FILE,
      line: raw.file ? null : lineOf(document, counter, raw.path),
      path: formatPath(raw.path),
      message: raw.message,
    });
  }
  result.problems.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.path.localeCompare(b.path),
  );
  if (!result.problems.some((entry) => entry.severity === 'error')) result.manifest = parsed.data;
  return result;
}
