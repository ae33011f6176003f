/**
 * The packs the kiosk knows: built-in ones from resources/curricula and imported ones from the data
 * folder's curricula/. A broken pack is listed with its problems and never stops the others.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { checkPack, type PackCheck } from './loadPack';
import type { PackProblem } from '../../shared/pack/problems';
import { phrase } from '../../shared/i18n/phraseKeys';
import { renderSlides, type PackAssetUrl, type RenderedSlide } from './renderPack';
import type { PackManifest } from './schema';

export type PackOrigin = 'built-in' | 'imported';

export interface LoadedPack {
  origin: PackOrigin;
  folder: string;
  manifest: PackManifest;
  slides: ReadonlyMap<string, RenderedSlide>;
  warnings: PackProblem[];
}

export interface BrokenPack {
  origin: PackOrigin;
  folder: string;
  /** The folder name, or the id the manifest declares if it got that far. */
  name: string;
  title: string | null;
  problems: PackProblem[];
}

export interface PackRoots {
  builtIn: string;
  imported: string;
}

export interface PackCatalog {
  packs: LoadedPack[];
  broken: BrokenPack[];
  /** Built-in packs that an imported pack with the same id replaces. */
  shadowed: LoadedPack[];
}

function packFolders(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(root, entry.name))
    .sort();
}

/** Validates the pack (unless already checked) and renders every slide: loaded, or broken with why. */
export function loadPackFolder(
  folder: string,
  origin: PackOrigin,
  assetUrl: PackAssetUrl,
  check: PackCheck = checkPack(folder),
): LoadedPack | BrokenPack {
  const name = check.id ?? basename(folder);
  if (!check.manifest)
    return { origin, folder, name, title: check.title, problems: check.problems };
  try {
    const slides = renderSlides(folder, check.manifest, assetUrl);
    return {
      origin,
      folder,
      manifest: check.manifest,
      slides: new Map(slides.map((slide) => [slide.id, slide])),
      warnings: check.problems,
    };
  } catch (error) {
    return {
      origin,
      folder,
      name,
      title: check.title,
      problems: [
        {
          severity: 'error',
          file: 'pack.yaml',
          line: null,
          path: '',
          // The pack's own folder is no business of the counselor's: name files within it.
          message: (error as Error).message.replaceAll(`${folder}${sep}`, ''),
        },
      ],
    };
  }
}

export function isLoaded(pack: LoadedPack | BrokenPack): pack is LoadedPack {
  return 'manifest' in pack;
}

export function loadCatalog(roots: PackRoots, assetUrl: PackAssetUrl): PackCatalog {
  const catalog: PackCatalog = { packs: [], broken: [], shadowed: [] };
  const byId = new Map<string, LoadedPack>();
  for (const [origin, root] of [
    ['built-in', roots.builtIn],
    ['imported', roots.imported],
  ] as const) {
    for (const folder of packFolders(root)) {
      const pack = loadPackFolder(folder, origin, assetUrl);
      if (!isLoaded(pack)) {
        catalog.broken.push(pack);
        continue;
      }
      const existing = byId.get(pack.manifest.id);
      if (existing && existing.origin === origin) {
        catalog.broken.push({
          origin,
          folder,
          name: pack.manifest.id,
          title: pack.manifest.title,
          problems: [
            {
              severity: 'error',
              file: 'pack.yaml',
              line: null,
              path: 'id',
              message: `another ${origin} pack (folder “${basename(existing.folder)}”) already has the id "${pack.manifest.id}"`,
              words: phrase('packCheck.duplicatePack', {
                origin: phrase(
                  origin === 'built-in' ? 'packCheck.origin.builtIn' : 'packCheck.origin.imported',
                ),
                folder: basename(existing.folder),
                id: pack.manifest.id,
              }),
            },
          ],
        });
        continue;
      }
      if (existing) catalog.shadowed.push(existing);
      byId.set(pack.manifest.id, pack);
    }
  }
  catalog.packs = [...byId.values()].sort(byTitle);
  return catalog;
}

const byTitle = (a: LoadedPack, b: LoadedPack) =>
  a.manifest.title.localeCompare(b.manifest.title) || a.folder.localeCompare(b.folder);

/**
 * The catalog with an imported pack, just loaded from its folder, in place of whatever that folder
 * held: what `loadCatalog` would give, without reading any other pack again. Null when the answer
 * needs a full reload: another imported folder loads the same id, or the folder held a pack of
 * another id (whose built-in twin might come back).
 */
export function withImportedPack(catalog: PackCatalog, pack: LoadedPack): PackCatalog | null {
  const { id } = pack.manifest;
  const sameIdElsewhere = catalog.packs.some(
    (other) =>
      other.origin === 'imported' && other.manifest.id === id && other.folder !== pack.folder,
  );
  const heldAnotherId = [...catalog.packs, ...catalog.broken].some(
    (entry) =>
      entry.folder === pack.folder && (isLoaded(entry) ? entry.manifest.id : entry.name) !== id,
  );
  if (sameIdElsewhere || heldAnotherId) return null;
  const builtIn = catalog.packs.find(
    (other) => other.origin === 'built-in' && other.manifest.id === id,
  );
  return {
    packs: [
      ...catalog.packs.filter((other) => other.folder !== pack.folder && other !== builtIn),
      pack,
    ].sort(byTitle),
    broken: catalog.broken.filter((entry) => entry.folder !== pack.folder),
    shadowed: builtIn ? [...catalog.shadowed, builtIn] : catalog.shadowed,
  };
}
