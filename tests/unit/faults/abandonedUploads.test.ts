import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { MAX_UPLOADS, UPLOAD_IDLE_MS } from '../../../electron/services/media/mediaLibrary';
import { freshKiosk } from '../../helpers/kiosk';

const clock = new ManualClock(Date.UTC(2026, 10, 22, 9));
const kiosk = freshKiosk({ clock });
const { call } = kiosk;
const uploadsDir = () => join(kiosk.dataDir, 'media', '.uploads');
const openDescriptors = () => readdirSync('/proc/self/fd').length;

async function begin(name = 'talk.mp4', size = 10): Promise<string> {
  const result = await call('media:beginUpload', { name, size, mime: 'video/mp4' });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { uploadId: string }).uploadId;
}

describe('media uploads begun and never finished', () => {
  it('use no file descriptors, stay capped, and leave backups and pages working', async () => {
    const before = openDescriptors();
    for (let index = 0; index < 3000; index += 1) await begin(`clip-${index}.mp4`);
    expect(openDescriptors() - before).toBeLessThan(10);
    expect(readdirSync(uploadsDir()).length).toBeLessThanOrEqual(MAX_UPLOADS);
    expect(await call('records:setPin', { pin: '2468', currentPin: null })).toMatchObject({
      ok: true,
    });
    expect(await call('records:backup', {})).toMatchObject({ ok: true });
    expect(await call('media:library', {})).toMatchObject({ ok: true });
  });

  it('give way to a new one beyond the cap: the one idle longest is given up', async () => {
    const first = await begin();
    clock.advance(1000);
    const others = [];
    for (let index = 0; index < MAX_UPLOADS; index += 1) others.push(await begin());
    expect(
      await call('media:uploadChunk', { uploadId: first, offset: 0, data: 'AAAA' }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no longer in progress/) },
    });
    for (const uploadId of others) {
      expect(await call('media:uploadChunk', { uploadId, offset: 0, data: 'AAAA' })).toMatchObject({
        ok: true,
      });
    }
  });

  it('expire after sitting idle, their partial files removed', async () => {
    const uploadId = await begin();
    expect(await call('media:uploadChunk', { uploadId, offset: 0, data: 'AAAA' })).toMatchObject({
      ok: true,
    });
    clock.advance(UPLOAD_IDLE_MS);
    expect(await call('media:uploadChunk', { uploadId, offset: 3, data: 'AAAA' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no longer in progress/) },
    });
    expect(readdirSync(uploadsDir())).toEqual([]);
  });

  it('left over from a crash are cleaned at the next start, with half-written backups', async () => {
    await begin();
    const backups = join(kiosk.dataDir, 'backups');
    mkdirSync(backups, { recursive: true });
    writeFileSync(join(backups, 'kiosk-2026-11-22T09-00-00-000Z-daily.sqlite3.partial'), 'x');
    writeFileSync(join(backups, 'restoring-0b7f.tmp'), 'x');
    kiosk.restart();
    expect(readdirSync(uploadsDir())).toEqual([]);
    expect(readdirSync(backups).filter((name) => !name.endsWith('-daily.sqlite3'))).toEqual([]);
  });
});
