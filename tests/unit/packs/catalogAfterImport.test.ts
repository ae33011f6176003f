import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadCatalog,
  loadPackFolder,
  withImportedPack,
  type LoadedPack,
} from '../../../electron/content/pack/registry';
import { adoptStaged, PackLibrary } from '../../../electron/services/packs/packLibrary';
import { asLines, MINIMAL_PACK, writePack } from '../../helpers/packs';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let builtIn: string;
let imported: string;
const assetUrl = (id: string, path: string) => `/media/packs/${id}/${path}`;
const roots = () => ({ builtIn, imported });
const pack = (id: string, title: string) =>
  MINIMAL_PACK.replace('id: mini-pack', `id: ${id}`).replace('title: Mini pack', `title: ${title}`);

beforeEach(() => {
  dir = makeTempDir();
  builtIn = join(dir.path, 'resources');
  imported = join(dir.path, 'data', 'curricula');
  writePack(join(builtIn, 'mini'), { 'pack.yaml': MINIMAL_PACK });
  writePack(join(builtIn, 'other'), { 'pack.yaml': pack('other-pack', 'Other') });
  writePack(join(imported, 'broken-one'), { 'pack.yaml': 'format: 1\n' });
});
afterEach(() => dir.remove());

/** What a catalog says, without the parsed objects: ids, origins and folders in order. */
const shape = (catalog: ReturnType<typeof loadCatalog>) => ({
  packs: catalog.packs.map((entry) => [entry.manifest.id, entry.origin, entry.folder]),
  broken: catalog.broken.map((entry) => [entry.name, entry.folder]),
  shadowed: catalog.shadowed.map((entry) => [entry.manifest.id, entry.folder]),
});

function placeImported(folder: string, yaml: string): LoadedPack {
  writePack(join(imported, folder), { 'pack.yaml': yaml });
  const loaded = loadPackFolder(join(imported, folder), 'imported', assetUrl);
  if (!('manifest' in loaded)) throw new Error('the test pack did not load');
  return loaded;
}

describe('withImportedPack', () => {
  it('gives what a full reload gives: a new pack, one replacing a built-in, one replacing an import', () => {
    let catalog = loadCatalog(roots(), assetUrl);
    for (const [folder, yaml] of [
      ['zeta-pack', pack('zeta-pack', 'A new one')],
      ['mini-pack', MINIMAL_PACK.replace('1.0.0', '2.0.0')],
      ['zeta-pack', pack('zeta-pack', 'Renamed')],
    ] as const) {
      catalog = withImportedPack(catalog, placeImported(folder, yaml))!;
      expect(shape(catalog)).toEqual(shape(loadCatalog(roots(), assetUrl)));
    }
  });

  it('keeps every other pack as it was, without reading it again', () => {
    const catalog = loadCatalog(roots(), assetUrl);
    const next = withImportedPack(catalog, placeImported('zeta-pack', pack('zeta-pack', 'Z')))!;
    expect(next.packs.find((entry) => entry.manifest.id === 'other-pack')).toBe(
      catalog.packs.find((entry) => entry.manifest.id === 'other-pack'),
    );
  });

  it('asks for a full reload when another imported folder has the id, or the folder held another pack', () => {
    placeImported('elsewhere', pack('twin', 'Twin'));
    const catalog = loadCatalog(roots(), assetUrl);
    expect(withImportedPack(catalog, placeImported('twin', pack('twin', 'Twin')))).toBeNull();
    expect(withImportedPack(catalog, placeImported('elsewhere', pack('third', 'T')))).toBeNull();
  });
});

describe('PackLibrary after an import', () => {
  const files = [{ path: 'pack.yaml', data: strToU8(pack('zeta-pack', 'Zeta')) }];

  it('takes the pack as staging loaded it, in its folder, and parses no other pack again', async () => {
    const loadImported = vi.fn(adoptStaged);
    const library = new PackLibrary(roots(), assetUrl, loadImported);
    const other = library.find('other-pack');
    expect(asLines(await library.importFiles(files, false))).toMatchObject({ status: 'imported' });
    expect(loadImported).toHaveBeenCalledTimes(1);
    expect(loadImported.mock.calls[0]![0]).toBe(join(imported, 'zeta-pack'));
    expect(library.find('zeta-pack')?.folder).toBe(join(imported, 'zeta-pack'));
    expect(library.find('other-pack')).toBe(other);
    expect(library.listView().packs.map((entry) => entry.id)).toEqual([
      'mini-pack',
      'other-pack',
      'zeta-pack',
    ]);
    expect(library.listView().broken.map((entry) => entry.name)).toEqual(['broken-one']);
    // And what a restart loads is the same.
    const reloaded = new PackLibrary(roots(), assetUrl);
    expect(reloaded.listView()).toEqual(library.listView());
  });

  it('rolls back when the pack does not load in place', async () => {
    const library = new PackLibrary(roots(), assetUrl, (folder) => ({
      origin: 'imported',
      folder,
      name: 'zeta-pack',
      title: 'Zeta',
      problems: [],
    }));
    expect(asLines(await library.importFiles(files, false))).toMatchObject({
      status: 'invalid',
      problems: [expect.stringMatching(/could not be loaded once in place/)],
    });
    expect(library.find('zeta-pack')).toBeUndefined();
  });
});
