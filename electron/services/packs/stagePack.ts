/**
 * The heavy half of a pack import, run on a worker thread: unzip (CRC-checked, capped), write the
 * files into a staging folder, validate the manifest and render every slide. The main process only
 * swaps the staged folder in (`PackLibrary.adopt`), so the projector never waits on an import.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { checkPackAsync } from '../../content/pack/loadPack';
import { IMPORT_FILE, type PackProblem } from '../../shared/pack/problems';
import { isLoaded, loadPackFolder, type LoadedPack } from '../../content/pack/registry';
import type { PackAssetUrl } from '../../content/pack/renderPack';
import { MANIFEST_FILE } from '../../content/pack/schema';
import { say } from '../../shared/i18n/phrases';
import { phrase, type Phrase } from '../../shared/i18n/phraseKeys';
import type { JobPhase } from '../../jobs/jobPhases';
import { readZip, ZipRefused } from './readZip';

export interface IncomingFile {
  path: string;
  data: Uint8Array;
}

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_FILES = 5000;

/** What staging found: a pack ready to swap in (its files are in the staging folder), or why not. */
export type StagedPack =
  | {
      status: 'staged';
      id: string;
      title: string;
      version: string;
      /** The pack as loaded from the staging folder: validated, every slide rendered. */
      pack: LoadedPack;
    }
  | { status: 'invalid'; problems: PackProblem[] };

export type StageProgress = (phase: JobPhase, done: number, total: number) => void;

/** Where a pack's assets are served in both shells: the page's own origin, so URLs are paths. */
export const packAssetUrl: PackAssetUrl = (packId, path) =>
  `/media/packs/${encodeURIComponent(packId)}/${path.split('/').map(encodeURIComponent).join('/')}`;

/** An import refused as a whole (not a problem of one file): English beside the phrase. */
export function invalidImport(words: Phrase): { status: 'invalid'; problems: PackProblem[] } {
  return {
    status: 'invalid',
    problems: [
      { severity: 'error', file: IMPORT_FILE, line: null, path: '', message: say(words), words },
    ],
  };
}

/** Strips a single top folder (as zips made by "compress folder" have) so pack.yaml is at the root. */
export function normalizeImportPaths(files: readonly IncomingFile[]): IncomingFile[] | Phrase {
  const cleaned: IncomingFile[] = [];
  for (const file of files) {
    const path = file.path.replace(/^\.\/+/, '');
    const parts = path.split('/');
    if (
      path === '' ||
      path.includes('\\') ||
      path.startsWith('/') ||
      parts.includes('..') ||
      path.includes('\0')
    ) {
      return phrase('packImport.outsideFolder', { path: file.path });
    }
    if (path.endsWith('/')) continue;
    if (parts.some((part) => part === '__MACOSX' || part === '.DS_Store')) continue;
    cleaned.push({ path, data: file.data });
  }
  if (cleaned.some((file) => file.path === MANIFEST_FILE)) return cleaned;
  const tops = new Set(cleaned.map((file) => file.path.split('/')[0]));
  const [top] = tops;
  if (tops.size === 1 && top && cleaned.some((file) => file.path === `${top}/${MANIFEST_FILE}`)) {
    return cleaned.map((file) => ({ path: file.path.slice(top.length + 1), data: file.data }));
  }
  return phrase('packImport.noManifest', { file: MANIFEST_FILE });
}

/** Unzips a pack's .zip (bytes, or a file read here) and stages it. */
export async function stageZip(
  zip: Uint8Array | string,
  staging: string,
  progress: StageProgress = () => {},
): Promise<StagedPack> {
  const bytes = typeof zip === 'string' ? await readFile(zip) : zip;
  try {
    const entries = await readZip(bytes, {
      maxBytes: MAX_IMPORT_BYTES,
      maxEntries: MAX_IMPORT_FILES,
      onInflated: (done, total) => progress('unpacking', done, total),
    });
    return await stageFiles(entries, staging, progress);
  } catch (error) {
    if (error instanceof ZipRefused) return invalidImport(error.words);
    throw error;
  }
}

/** Writes the files into `staging`, validates the manifest and renders every slide. */
export async function stageFiles(
  files: readonly IncomingFile[],
  staging: string,
  progress: StageProgress = () => {},
): Promise<StagedPack> {
  if (files.length > MAX_IMPORT_FILES)
    return invalidImport(phrase('packImport.tooManyFiles', { max: MAX_IMPORT_FILES }));
  const total = files.reduce((sum, file) => sum + file.data.byteLength, 0);
  if (total > MAX_IMPORT_BYTES)
    return invalidImport(
      phrase('packImport.packTooLarge', { megabytes: MAX_IMPORT_BYTES / 1024 ** 2 }),
    );
  const normalized = normalizeImportPaths(files);
  if (!Array.isArray(normalized)) return invalidImport(normalized);

  let written = 0;
  for (const file of normalized) {
    const target = join(staging, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.data);
    written += file.data.byteLength;
    progress('writingFiles', written, total);
  }
  return judgeStaged(staging, progress);
}

/** Validates a staged folder and renders every slide: what every pack passes before it is swapped in. */
export async function judgeStaged(
  staging: string,
  progress: StageProgress = () => {},
): Promise<StagedPack> {
  progress('checkingPack', 0, 1);
  const check = await checkPackAsync(staging);
  if (!check.manifest) {
    return {
      status: 'invalid',
      problems: check.problems.filter((p) => p.severity === 'error'),
    };
  }
  // Every slide is rendered before the swap: a pack that validates but does not load never
  // replaces a working one.
  progress('renderingSlides', 0, 1);
  const staged = loadPackFolder(staging, 'imported', packAssetUrl, check);
  if (!isLoaded(staged)) return { status: 'invalid', problems: staged.problems };
  const { id, title, version } = check.manifest;
  return { status: 'staged', id, title, version, pack: staged };
}
