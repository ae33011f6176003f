import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PackProblem } from '../../shared/pack/problems';
import { phrase } from '../../shared/i18n/phraseKeys';
import {
  isLoaded,
  loadCatalog,
  loadPackFolder,
  withImportedPack,
  type BrokenPack,
  type LoadedPack,
  type PackCatalog,
  type PackRoots,
} from '../../content/pack/registry';
import type { PackAssetUrl } from '../../content/pack/renderPack';
import { resolveAssetPath } from '../../content/files';
import { deckSlideCount } from '../session/sessionMachine';
import type { ImportResult, PackListView, PackSummary } from './packViews';
import {
  invalidImport,
  stageFiles,
  stageZip,
  type IncomingFile,
  type StagedPack,
} from './stagePack';

export { normalizeImportPaths, type IncomingFile } from './stagePack';

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
    slideCount: deckSlideCount(manifest.agenda.map((item) => ({ slideCount: item.slides.length }))),
    origin: pack.origin,
    replacesBuiltIn: catalog.shadowed.some((shadowed) => shadowed.manifest.id === manifest.id),
    warnings: pack.warnings,
  };
}

/**
 * Loads an imported pack once it is in its folder (validated, every slide rendered), or says why
 * not; `staged` is the same pack as staging loaded it, from the same files before they moved.
 */
export type LoadImportedPack = (folder: string, staged: LoadedPack) => LoadedPack | BrokenPack;

/** Loads the pack catalog and imports new packs into the data folder after validating them. */
export class PackLibrary {
  private catalog: PackCatalog;

  constructor(
    private readonly roots: PackRoots,
    private readonly assetUrl: PackAssetUrl,
    /**
     * How an imported pack is loaded once in place. The kiosk takes it as its worker loaded it in
     * staging (`adoptStaged`), so an import parses no YAML on the main thread; by default (tests,
     * the CLI) it is loaded again from its place.
     */
    private readonly loadImported: LoadImportedPack = (folder) =>
      loadPackFolder(folder, 'imported', assetUrl),
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

  /** Where saved and imported packs live: `<data folder>/curricula`. */
  get importedRoot(): string {
    return this.roots.imported;
  }

  /** Every id in use, built in or imported (loaded or shadowed). */
  ids(): Set<string> {
    return new Set(
      [...this.catalog.packs, ...this.catalog.shadowed].map((pack) => pack.manifest.id),
    );
  }

  /** The id belongs to a pack that ships with the kiosk (even if an imported one replaces it). */
  isBuiltInId(id: string): boolean {
    return [...this.catalog.packs, ...this.catalog.shadowed].some(
      (pack) => pack.origin === 'built-in' && pack.manifest.id === id,
    );
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
        problems: pack.problems,
      })),
    };
  }

  reload(): void {
    this.catalog = loadCatalog(this.roots, this.assetUrl);
  }

  /** Imports a zip in this thread (tests, the CLI); the kiosk stages on a worker, then adopts. */
  async importZip(
    bytes: Uint8Array,
    replace: boolean,
    inUseId: string | null = null,
  ): Promise<ImportResult> {
    return this.stageHere((staging) => stageZip(bytes, staging), replace, inUseId);
  }

  async importFiles(
    files: readonly IncomingFile[],
    replace: boolean,
    inUseId: string | null = null,
  ): Promise<ImportResult> {
    return this.stageHere((staging) => stageFiles(files, staging), replace, inUseId);
  }

  /** A fresh staging folder's path inside the imported packs' folder (not created yet). */
  stagingFolder(): string {
    mkdirSync(this.roots.imported, { recursive: true });
    return join(this.roots.imported, `.staging-${randomBytes(6).toString('hex')}`);
  }

  private async stageHere(
    stage: (staging: string) => Promise<StagedPack>,
    replace: boolean,
    inUseId: string | null,
  ): Promise<ImportResult> {
    const staging = this.stagingFolder();
    try {
      return this.adopt(staging, await stage(staging), replace, inUseId);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }

  /**
   * The quick half of an import, on the main thread: refuses the running session's pack, asks
   * before replacing one, and swaps the staged folder in. The caller removes `staging` afterwards.
   */
  adopt(
    staging: string,
    staged: StagedPack,
    replace: boolean,
    inUseId: string | null = null,
  ): ImportResult {
    if (staged.status === 'invalid') return staged;
    const { id, title, version } = staged;
    if (id === inUseId) {
      return invalidImport(phrase('packImport.inSession', { title }));
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
    const installed = this.install(staging, id, staged.pack);
    if (!installed) {
      return invalidImport(phrase('packImport.notLoadedInPlace', { title }));
    }
    return {
      status: 'imported',
      pack: summarize(installed, this.catalog),
      replaced: existing !== undefined,
    };
  }

  /**
   * Swaps the staged folder in, keeping the old copy until the new one has loaded from its place;
   * if it does not, the old copy goes back. Only the new pack takes its place in the catalog: the
   * others are kept as they were loaded. Returns the installed pack, or null after a rollback.
   */
  private install(staging: string, id: string, staged: LoadedPack): LoadedPack | null {
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
    const loaded = this.loadImported(target, staged);
    if (isLoaded(loaded)) {
      const catalog = withImportedPack(this.catalog, loaded);
      if (catalog) this.catalog = catalog;
      else this.reload();
      const installed = this.find(id);
      if (installed?.folder === target) {
        if (hadPrevious) rmSync(previous, { recursive: true, force: true });
        return installed;
      }
    }
    rmSync(target, { recursive: true, force: true });
    if (hadPrevious) renameSync(previous, target);
    this.reload();
    return null;
  }
}

export type { PackProblem };

/** The kiosk's loader: the pack its worker loaded in staging, now in its folder (same files). */
export const adoptStaged: LoadImportedPack = (folder, staged) => ({ ...staged, folder });
