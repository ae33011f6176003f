import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkPackAsync } from '../../content/pack/loadPack';
import { formatProblem, type PackProblem } from '../../content/pack/problems';
import {
  isLoaded,
  loadCatalog,
  loadPackFolder,
  type LoadedPack,
  type PackCatalog,
  type PackRoots,
} from '../../content/pack/registry';
import type { PackAssetUrl } from '../../content/pack/renderPack';
import { MANIFEST_FILE } from '../../content/pack/schema';
import { resolveAssetPath } from '../../shell/security';
import type { ImportResult, PackListView, PackSummary } from './packViews';
import { readZip, ZipRefused, type ZipEntry } from './readZip';

export interface IncomingFile {
  path: string;
  data: Uint8Array;
}

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const MAX_IMPORT_FILES = 5000;

function summarize(pack: LoadedPack, catalog: PackCatalog): PackSummary {
  const { manifest } = pack;
  return {
    id: manifest.id,
    title: manifest.title,
    version: manifest.version,
    program: manifest.program,
    session: manifest.session ?? null,
    audience: manifest.audience,
    language: manifest.language,
    minutes: manifest.minutes,
    itemCount: manifest.agenda.length,
    slideCount: manifest.slides.length,
    origin: pack.origin,
    replacesBuiltIn: catalog.shadowed.some((shadowed) => shadowed.manifest.id === manifest.id),
    warnings: pack.warnings.map(formatProblem),
  };
}

function invalid(message: string, path = ''): ImportResult {
  return {
    status: 'invalid',
    problems: [formatProblem({ severity: 'error', file: '(import)', line: null, path, message })],
  };
}

/** Strips a single top folder (as zips made by "compress folder" have) so pack.yaml is at the root. */
export function normalizeImportPaths(files: readonly IncomingFile[]): IncomingFile[] | string {
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
      return `"${file.path}" would be written outside the pack folder`;
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
  return `no ${MANIFEST_FILE} at the top of the pack`;
}

/** Loads the pack catalog and imports new packs into the data folder after validating them. */
export class PackLibrary {
  private catalog: PackCatalog;

  constructor(
    private readonly roots: PackRoots,
    private readonly assetUrl: PackAssetUrl,
  ) {
    this.recoverInterruptedImports();
    this.catalog = loadCatalog(roots, assetUrl);
  }

  /** A crash mid-import leaves a staging folder, or the old copy set aside: tidy or restore them. */
  private recoverInterruptedImports(): void {
    if (!existsSync(this.roots.imported)) return;
    for (const name of readdirSync(this.roots.imported)) {
      const path = join(this.roots.imported, name);
      if (name.startsWith('.staging-')) rmSync(path, { recursive: true, force: true });
      const previous = /^\.previous-(.+)-[0-9a-f]{8}$/.exec(name);
      if (previous) {
        const target = join(this.roots.imported, previous[1]!);
        if (existsSync(target)) rmSync(path, { recursive: true, force: true });
        else renameSync(path, target);
      }
    }
  }

  find(id: string): LoadedPack | undefined {
    return this.catalog.packs.find((pack) => pack.manifest.id === id);
  }

  /** The file behind `/media/packs/<id>/<path>`, or null if it is not a file inside that pack. */
  assetPath(packId: string, relativePath: string): string | null {
    const pack = this.find(packId);
    return pack ? resolveAssetPath(pack.folder, `/${relativePath}`) : null;
  }

  listView(): PackListView {
    return {
      packs: this.catalog.packs.map((pack) => summarize(pack, this.catalog)),
      broken: this.catalog.broken.map((pack) => ({
        name: pack.name,
        title: pack.title,
        origin: pack.origin,
        problems: pack.problems.map(formatProblem),
      })),
    };
  }

  reload(): void {
    this.catalog = loadCatalog(this.roots, this.assetUrl);
  }

  async importZip(
    bytes: Uint8Array,
    replace: boolean,
    inUseId: string | null = null,
  ): Promise<ImportResult> {
    let entries: ZipEntry[];
    try {
      entries = await readZip(bytes, { maxBytes: MAX_IMPORT_BYTES, maxEntries: MAX_IMPORT_FILES });
    } catch (error) {
      if (error instanceof ZipRefused) return invalid(error.message);
      throw error;
    }
    return this.importFiles(entries, replace, inUseId);
  }

  async importFiles(
    files: readonly IncomingFile[],
    replace: boolean,
    inUseId: string | null = null,
  ): Promise<ImportResult> {
    if (files.length > MAX_IMPORT_FILES)
      return invalid(`a pack may hold at most ${MAX_IMPORT_FILES} files`);
    const total = files.reduce((sum, file) => sum + file.data.byteLength, 0);
    if (total > MAX_IMPORT_BYTES)
      return invalid('a pack may be at most 200 MB; import large videos in the media library');
    const normalized = normalizeImportPaths(files);
    if (typeof normalized === 'string') return invalid(normalized);

    mkdirSync(this.roots.imported, { recursive: true });
    const staging = join(this.roots.imported, `.staging-${randomBytes(6).toString('hex')}`);
    try {
      for (const file of normalized) {
        const target = join(staging, file.path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.data);
      }
      const check = await checkPackAsync(staging);
      if (!check.manifest) {
        return {
          status: 'invalid',
          problems: check.problems.filter((p) => p.severity === 'error').map(formatProblem),
        };
      }
      const { id, title, version } = check.manifest;
      if (id === inUseId) {
        return invalid(
          `“${title}” is the pack of the session running now; end the session, then import it`,
        );
      }
      const existing = this.find(id);
      if (existing && !replace) {
        return {
          status: 'needs-confirmation',
          id,
          existing: {
            title: existing.manifest.title,
            version: existing.manifest.version,
            origin: existing.origin,
          },
          incoming: { title, version },
        };
      }
      // Every slide is rendered before the swap: a pack that validates but does not load never
      // replaces a working one.
      const staged = loadPackFolder(staging, 'imported', this.assetUrl, check);
      if (!isLoaded(staged))
        return { status: 'invalid', problems: staged.problems.map(formatProblem) };
      const installed = this.install(staging, id);
      if (!installed) {
        return invalid(
          `“${title}” could not be loaded once in place; the pack it would have replaced is unchanged`,
        );
      }
      return {
        status: 'imported',
        pack: summarize(installed, this.catalog),
        replaced: existing !== undefined,
      };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /**
   * Swaps the staged folder in, keeping the old copy until the new one has loaded from its place;
   * if it does not, the old copy goes back. Returns the installed pack, or null after a rollback.
   */
  private install(staging: string, id: string): LoadedPack | null {
    const target = join(this.roots.imported, id);
    const previous = join(this.roots.imported, `.previous-${id}-${randomBytes(4).toString('hex')}`);
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadPrevious) renameSync(previous, target);
      throw error;
    }
    this.reload();
    const installed = this.find(id);
    if (installed?.folder !== target) {
      rmSync(target, { recursive: true, force: true });
      if (hadPrevious) renameSync(previous, target);
      this.reload();
      return null;
    }
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
    return installed;
  }
}

export type { PackProblem };
