import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { MINIMAL_PACK } from '../helpers/packs';
import { call, loadMain, windowsByRole, type LoadedShell } from './harness';

let shell: LoadedShell | null = null;
afterEach(() => {
  shell?.cleanUp();
  shell = null;
});

describe('the desktop app imports a file the counselor chose by its path', () => {
  it('a pack .zip chosen in the dialog is read by main and imported; no other path is read', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    const zip = join(shell.home, 'mini-pack.zip');
    writeFileSync(zip, zipSync({ 'pack.yaml': strToU8(MINIMAL_PACK) }));
    expect(await call(console, 'app:capabilities')).toEqual({ choosesFiles: true });

    shell.fake.fakeState().openDialogAnswers.push(zip);
    const chosen = await call<{ path: string; name: string }>(console, 'files:choose', {
      purpose: 'pack',
    });
    expect(chosen).toEqual({ path: zip, name: 'mini-pack.zip' });
    expect(shell.fake.fakeState().openDialogs[0]?.filters?.[0]?.extensions).toEqual(['zip']);

    expect(await call(console, 'packs:importPath', { path: chosen.path })).toMatchObject({
      status: 'imported',
      pack: { id: 'mini-pack' },
    });
    expect(existsSync(join(shell.dataDir, 'curricula', 'mini-pack', 'pack.yaml'))).toBe(true);
    // Only the staging area's own folders are left beside the pack.
    expect(readdirSync(join(shell.dataDir, 'curricula')).sort()).toEqual(['.uploads', 'mini-pack']);

    await expect(
      call(console, 'packs:importPath', { path: join(shell.home, 'elsewhere.zip') }),
    ).rejects.toThrow(/Choose the file again/);
  });

  it('a cancelled dialog chooses nothing, and a chosen video is hashed and copied into the library', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    shell.fake.fakeState().openDialogAnswers.push(null);
    expect(await call(console, 'files:choose', { purpose: 'media' })).toBeNull();

    const video = join(shell.home, 'clip.mp4');
    writeFileSync(video, Buffer.alloc(9 * 1024 * 1024, 7));
    shell.fake.fakeState().openDialogAnswers.push(video);
    const { path } = await call<{ path: string }>(console, 'files:choose', { purpose: 'media' });
    const imported = await call<{ file: { sha256: string; size: number; mime: string } }>(
      console,
      'media:importPath',
      { path, durationMs: null, bind: null },
    );
    expect(imported.file).toMatchObject({ size: 9 * 1024 * 1024, mime: 'video/mp4' });
    expect(readdirSync(join(shell.dataDir, 'media')).sort()).toEqual([
      '.uploads',
      `${imported.file.sha256}.mp4`,
    ]);
    expect(readdirSync(join(shell.dataDir, 'media', '.uploads'))).toEqual([]);
    expect(existsSync(video)).toBe(true);
  });
});
