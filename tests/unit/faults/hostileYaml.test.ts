import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strToU8, zipSync } from 'fflate';
import { importPackZip } from '../../helpers/packUpload';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPack } from '../../../electron/content/pack/loadPack';
import {
  MAX_MANIFEST_BYTES,
  parseManifest,
  parseManifestSync,
} from '../../../electron/content/pack/manifestYaml';
import { createKioskCore, type KioskCore } from '../../../electron/core/kioskCore';
import type { ImportResult, PackListView } from '../../../electron/services/packs/packViews';
import { MINIMAL_PACK, writePack, asLines } from '../../helpers/packs';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
let core: KioskCore | null = null;

beforeEach(() => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
});
afterEach(() => {
  core?.close();
  core = null;
  dir.remove();
});

const start = () => (core = createKioskCore({ dataDir, resourcesDir: resolve('resources') }));
const call = (channel: string, args: unknown) => core!.router.dispatch(channel, args, 'console');
const importManifest = async (source: string) =>
  (await importPackZip(call, zipSync({ 'pack.yaml': strToU8(source) }))) as {
    ok: true;
    value: ImportResult;
  };

/** Nine levels of nine aliases: a few hundred bytes that expand to 9⁹ strings. */
const ALIAS_BOMB = [
  MINIMAL_PACK.trimEnd(),
  'description: &a0 "lol"',
  ...Array.from({ length: 9 }, (_, level) => {
    const previous = Array.from({ length: 9 }, () => `*a${level}`).join(', ');
    return `x${level + 1}: &a${level + 1} [${previous}]`;
  }),
].join('\n');

/** A manifest whose extra map has `keys` distinct keys: slow for a key check that is quadratic. */
function manyKeys(keys: number): string {
  const lines = Array.from({ length: keys }, (_, index) => `  key-${index}: ${index}`);
  return `${MINIMAL_PACK}extra:\n${lines.join('\n')}\n`;
}

describe('a YAML alias bomb', () => {
  it('is refused on import as an invalid pack, not an internal error', async () => {
    start();
    const started = performance.now();
    const result = await importManifest(ALIAS_BOMB);
    process.stdout.write(
      `YAML alias bomb refused in ${(performance.now() - started).toFixed(0)} ms\n`,
    );
    expect(asLines(result)).toEqual({
      ok: true,
      value: {
        status: 'invalid',
        problems: [expect.stringMatching(/pack\.yaml YAML: .*aliases .*too many times/)],
      },
    });
  });

  it('left in curricula/, is listed as a broken pack and the kiosk starts', async () => {
    writePack(join(dataDir, 'curricula', 'bomb'), { 'pack.yaml': ALIAS_BOMB });
    start();
    const list = (await call('packs:list', {})) as { ok: true; value: PackListView };
    expect(asLines(list.value.broken)).toEqual([
      expect.objectContaining({
        name: 'bomb',
        problems: [expect.stringMatching(/aliases .*too many times/)],
      }),
    ]);
    expect(list.value.packs.map((pack) => pack.id)).toContain('hhrp-group-5');
  });
});

describe('a slow or huge manifest', () => {
  it('with 24,000 keys (just under the size cap) is read in time, its problems reported', () => {
    const source = manyKeys(24_000);
    expect(Buffer.byteLength(source)).toBeLessThan(MAX_MANIFEST_BYTES);
    const folder = writePack(join(dir.path, 'keys'), { 'pack.yaml': source });
    const check = checkPack(folder);
    expect(check.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/Unrecognized key/),
    ]);
  });

  it('over the size cap (a 659 KB one, and 60 MB) is refused before parsing', async () => {
    for (const source of [manyKeys(36_500), 'a: b\n'.repeat(12_000_000)]) {
      const folder = writePack(join(dir.path, `big-${source.length}`), { 'pack.yaml': source });
      expect(checkPack(folder).problems).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/^the manifest is \d+ KB; it may be at most 512 KB/),
        }),
      ]);
    }
    start();
    const result = await importManifest(manyKeys(36_500));
    expect(result.value).toMatchObject({ status: 'invalid' });
    // Imports start a worker thread, which from TypeScript source (tsx) takes seconds to load.
  }, 30_000);

  it('is stopped at the time limit, and the next manifest is read as usual', async () => {
    const slow = manyKeys(20_000);
    for (const result of [parseManifestSync(slow, 1), await parseManifest(slow, 1)]) {
      expect(result).toEqual({
        ok: false,
        problems: [{ line: null, message: expect.stringMatching(/took longer than 0.001 s/) }],
      });
    }
    expect(parseManifestSync(MINIMAL_PACK)).toMatchObject({ ok: true });
    expect(await parseManifest(MINIMAL_PACK)).toMatchObject({ ok: true });
  });

  it('still has duplicate keys reported with their line', () => {
    const folder = writePack(join(dir.path, 'dupes'), {
      'pack.yaml': `${MINIMAL_PACK}title: Again\n`,
    });
    expect(checkPack(folder).problems).toEqual([
      expect.objectContaining({ line: 18, message: 'YAML: Map keys must be unique' }),
    ]);
  });

  it('on import, leaves the kiosk answering other calls while it is read', async () => {
    start();
    const order: string[] = [];
    const importing = importManifest(manyKeys(24_000)).then(() => order.push('import'));
    await call('session:consoleView', {}).then(() => order.push('view'));
    await importing;
    expect(order).toEqual(['view', 'import']);
  }, 30_000);
});
