import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { deflatedEntry, deflatedZeros, rawZip } from '../../helpers/hostileZip';
import { MINIMAL_PACK, asLines } from '../../helpers/packs';
import { freshKiosk } from '../../helpers/kiosk';
import { importPackZip } from '../../helpers/packUpload';

const kiosk = freshKiosk();
const MB = 1024 * 1024;

const manifest = () => deflatedEntry('pack.yaml', Buffer.from(MINIMAL_PACK));
const importZip = (zip: Buffer) => importPackZip(kiosk.call, zip);
const importedFolder = () => join(kiosk.dataDir, 'curricula');

describe('a zip whose directory understates its content', () => {
  it('a 5 MB file holding 5 GB is refused once the declared size is exceeded, nothing imported', async () => {
    const zip = rawZip([
      manifest(),
      {
        name: 'media/stand-in.mp4',
        compressed: deflatedZeros(5 * 1024),
        declaredSize: 5 * MB,
        declaredCrc: 0,
      },
    ]);
    expect(zip.length).toBeLessThan(10 * MB);
    const started = performance.now();
    const result = await importZip(zip);
    const elapsed = performance.now() - started;
    expect(asLines(result)).toEqual({
      ok: true,
      value: {
        status: 'invalid',
        problems: [
          "(import) “media/stand-in.mp4” holds more than the zip's directory says: a damaged zip or a zip bomb",
        ],
      },
    });
    process.stdout.write(`5 GB zip bomb refused in ${elapsed.toFixed(0)} ms\n`);
    // Nothing imported, nothing staged, and the upload itself removed.
    expect(readdirSync(importedFolder())).toEqual(['.uploads']);
    expect(readdirSync(join(importedFolder(), '.uploads'))).toEqual([]);
  });

  it('an entry whose bytes do not match its CRC-32 is refused as damaged', async () => {
    const slide = deflatedEntry('slides/intro.md', Buffer.from('# Hello'));
    const result = await importZip(
      rawZip([manifest(), { ...slide, declaredCrc: slide.declaredCrc ^ 1 }]),
    );
    expect(asLines(result)).toEqual({
      ok: true,
      value: {
        status: 'invalid',
        problems: [
          "(import) “slides/intro.md” is damaged: its contents do not match the zip's checksum",
        ],
      },
    });
  });

  it('the kiosk answers other calls while a large zip is inflated', async () => {
    const entries = Array.from({ length: 3 }, (_, index) => ({
      name: `media/part-${index}.bin`,
      compressed: deflatedZeros(60),
      declaredSize: 60 * MB,
      declaredCrc: 0,
    }));
    // 180 MB to inflate (refused at the end on its checksum): long enough to see who answers first.
    const order: string[] = [];
    const importing = importZip(rawZip([manifest(), ...entries])).then(() => order.push('import'));
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 5));
    await kiosk.call('session:consoleView', {}).then(() => order.push('view'));
    await importing;
    expect(order).toEqual(['view', 'import']);
  });
});
