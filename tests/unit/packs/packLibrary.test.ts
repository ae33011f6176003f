import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeImportPaths, PackLibrary } from '../../../electron/services/packs/packLibrary';
import { deflatedEntry, deflatedZeros, rawZip } from '../../helpers/hostileZip';
import { makeTempDir } from '../../helpers/tempDir';
import { say } from '../../../electron/shared/i18n/phrases';
import type { Phrase } from '../../../electron/shared/i18n/phraseKeys';
import { MINIMAL_PACK, writePack, asLines } from '../../helpers/packs';

let dir: ReturnType<typeof makeTempDir>;
let builtIn: string;
let imported: string;
const assetUrl = (id: string, path: string) => `/media/packs/${id}/${path}`;

beforeEach(() => {
  dir = makeTempDir();
  builtIn = join(dir.path, 'resources');
  imported = join(dir.path, 'data', 'curricula');
  writePack(join(builtIn, 'mini'), { 'pack.yaml': MINIMAL_PACK });
});
afterEach(() => dir.remove());

const library = () => new PackLibrary({ builtIn, imported }, assetUrl);
const files = (entries: Record<string, string>) =>
  Object.entries(entries).map(([path, text]) => ({ path, data: strToU8(text) }));
const otherPack = MINIMAL_PACK.replace('id: mini-pack', 'id: other-pack').replace(
  'title: Mini pack',
  'title: Other',
);

describe('PackLibrary', () => {
  it('lists a broken pack with its errors and still loads the others', () => {
    writePack(join(builtIn, 'broken'), {
      'pack.yaml': MINIMAL_PACK.replace('minutes: 10\naudience', 'minutes: -1\naudience'),
    });
    const view = library().listView();
    expect(view.packs.map((pack) => pack.id)).toEqual(['mini-pack']);
    expect(asLines(view.broken)).toEqual([
      {
        name: 'mini-pack',
        title: 'Mini pack',
        origin: 'built-in',
        problems: ['pack.yaml:7 minutes: Too small: expected number to be >0'],
      },
    ]);
  });

  it('imports a folder into the data folder', async () => {
    const packs = library();
    const result = await packs.importFiles(files({ 'other/pack.yaml': otherPack }), false);
    expect(result).toMatchObject({
      status: 'imported',
      replaced: false,
      pack: { id: 'other-pack', origin: 'imported' },
    });
    expect(existsSync(join(imported, 'other-pack', 'pack.yaml'))).toBe(true);
    expect(packs.listView().packs.map((pack) => pack.id)).toEqual(['mini-pack', 'other-pack']);
    expect(library().find('other-pack')?.origin).toBe('imported');
  });

  it('imports a .zip, with or without a top folder', async () => {
    const flat = zipSync({ 'pack.yaml': strToU8(otherPack) });
    expect(await library().importZip(flat, false)).toMatchObject({ status: 'imported' });
    const nested = zipSync({
      'third/pack.yaml': strToU8(otherPack.replace('other-pack', 'third-pack')),
    });
    expect(await library().importZip(nested, false)).toMatchObject({
      status: 'imported',
      pack: { id: 'third-pack' },
    });
  });

  it('asks before replacing a pack with the same id, then replaces it', async () => {
    const packs = library();
    const newer = MINIMAL_PACK.replace('version: 1.0.0', 'version: 1.1.0');
    expect(await packs.importFiles(files({ 'pack.yaml': newer }), false)).toEqual({
      status: 'needs-confirmation',
      id: 'mini-pack',
      existing: { title: 'Mini pack', version: '1.0.0', origin: 'built-in' },
      incoming: { title: 'Mini pack', version: '1.1.0' },
    });
    expect(existsSync(join(imported, 'mini-pack'))).toBe(false);
    expect(await packs.importFiles(files({ 'pack.yaml': newer }), true)).toMatchObject({
      status: 'imported',
      replaced: true,
      pack: { version: '1.1.0', origin: 'imported', replacesBuiltIn: true },
    });
    const again = MINIMAL_PACK.replace('version: 1.0.0', 'version: 1.2.0');
    expect(await packs.importFiles(files({ 'pack.yaml': again }), true)).toMatchObject({
      pack: { version: '1.2.0' },
    });
    expect(readdirSync(imported)).toEqual(['mini-pack']);
  });

  it('refuses an invalid pack and leaves nothing behind', async () => {
    const packs = library();
    const result = await packs.importFiles(
      files({ 'pack.yaml': MINIMAL_PACK.replace('slides: [hello]', 'slides: [gone]') }),
      true,
    );
    expect(asLines(result)).toEqual({
      status: 'invalid',
      problems: ['pack.yaml:14 agenda[0].slides[0]: no slide with id "gone"'],
    });
    expect(readdirSync(imported)).toEqual([]);
  });

  it('refuses archive entries that would escape the pack folder', async () => {
    const evil = zipSync({ 'pack.yaml': strToU8(otherPack), '../escape.txt': strToU8('x') });
    expect(asLines(await library().importZip(evil, false))).toEqual({
      status: 'invalid',
      problems: ['(import) "../escape.txt" would be written outside the pack folder'],
    });
    expect(existsSync(join(dir.path, 'data', 'escape.txt'))).toBe(false);
  });

  it('explains a file that is not a zip', async () => {
    expect(asLines(await library().importZip(strToU8('not a zip'), false))).toMatchObject({
      status: 'invalid',
      problems: [expect.stringContaining('not a readable .zip file')],
    });
  });

  it('serves pack assets only from inside the pack', () => {
    writePack(join(builtIn, 'mini'), { 'images/a.png': 'png' });
    const packs = library();
    expect(packs.assetPath('mini-pack', 'images/a.png')).toBe(
      join(builtIn, 'mini', 'images', 'a.png'),
    );
    expect(packs.assetPath('mini-pack', '../../secret')).toBeNull();
    expect(packs.assetPath('nope', 'images/a.png')).toBeNull();
  });

  it('tidies a half-finished import and restores a pack set aside when a crash interrupted it', () => {
    mkdirSync(join(imported, '.staging-abc'), { recursive: true });
    writeFileSync(join(imported, '.staging-abc', 'pack.yaml'), otherPack);
    writePack(join(imported, '.previous-other-pack-0123abcd'), { 'pack.yaml': otherPack });
    expect(
      library()
        .listView()
        .packs.map((pack) => pack.id),
    ).toEqual(['mini-pack', 'other-pack']);
    expect(readdirSync(imported)).toEqual(['other-pack']);
  });
});

describe('normalizeImportPaths', () => {
  it('needs pack.yaml at the top or in one top folder', () => {
    expect(say(normalizeImportPaths(files({ 'a/b/pack.yaml': 'x' })) as Phrase)).toBe(
      'no pack.yaml at the top of the pack',
    );
    expect(
      normalizeImportPaths(
        files({ 'p/pack.yaml': 'x', 'p/slides/a.md': 'y', '__MACOSX/p/._a': 'z' }),
      ),
    ).toEqual(files({ 'pack.yaml': 'x', 'slides/a.md': 'y' }));
  });
});

describe('a huge file', () => {
  it('is refused from the archive directory before it is inflated', async () => {
    const bomb = rawZip([
      deflatedEntry('pack.yaml', strToU8(otherPack)),
      {
        name: 'media/huge.mp4',
        compressed: deflatedZeros(201),
        declaredSize: 201 * 1024 * 1024,
        declaredCrc: 0,
      },
    ]);
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const result = await library().importZip(bomb, false);
    expect(asLines(result)).toEqual({
      status: 'invalid',
      problems: [
        '(import) “media/huge.mp4” would make the pack larger than 200 MB; import large videos in the media library instead',
      ],
    });
  });
});

describe('the running session', () => {
  it('keeps its pack: importing over it is refused until the session ends', async () => {
    const result = await library().importFiles(
      files({ 'pack.yaml': MINIMAL_PACK.replace('1.0.0', '2.0.0') }),
      true,
      'mini-pack',
    );
    expect(asLines(result)).toEqual({
      status: 'invalid',
      problems: [
        '(import) “Mini pack” is the pack of the session running now; end the session, then import it',
      ],
    });
  });
});
