import type { Download } from '../../../electron/services/downloads/downloadShelf';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { createKioskCore, type KioskCore } from '../../../electron/core/kioskCore';
import {
  formatRecoveryKey,
  parseRecoveryKey,
  RecoveryKeyError,
} from '../../../electron/db/recoveryKey';
import { StartupError } from '../../../electron/db/startupError';
import { storedKey } from '../../helpers/recordsKey';
import { makeTempDir } from '../../helpers/tempDir';

const clock = new ManualClock(Date.UTC(2026, 10, 22, 9));
const dirs: ReturnType<typeof makeTempDir>[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

function folder(): string {
  const dir = makeTempDir('kiosk-recovery-');
  dirs.push(dir);
  return dir.path;
}

const start = (dataDir: string, recoveryKey?: string) =>
  createKioskCore({ dataDir, resourcesDir: resolve('resources'), clock, recoveryKey });

async function value<T>(core: KioskCore, channel: string, args: unknown = {}): Promise<T> {
  const result = await core.router.dispatch(channel, args, 'console');
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** An old laptop with one group on record and a backup, and its recovery sheet printed. */
async function oldLaptop(): Promise<{ dataDir: string; recoveryKey: string; sheet: string }> {
  const dataDir = folder();
  const core = start(dataDir);
  await value(core, 'records:setPin', { pin: '2468', currentPin: null });
  await value(core, 'session:start', {
    packId: 'projector-check',
    cohortName: 'Thursday group',
    facilitators: ['F'],
    timeKeeper: null,
  });
  await value(core, 'group:addMember', { name: 'Ximena Quartz', checkIn: true });
  await value(core, 'session:command', { type: 'end' });
  const download = await value<Download>(core, 'records:recoverySheet', { pageSize: 'Letter' });
  const file = core.takeDownload(download.url)!;
  core.close();
  const pdf = join(dataDir, '..', `${dataDir.split('/').pop()}-sheet.pdf`);
  writeFileSync(pdf, file.body);
  const sheet = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { dataDir, recoveryKey: formatRecoveryKey(storedKey(dataDir)), sheet };
}

describe('the recovery key', () => {
  it('reads back what it prints, and says plainly when a group is mistyped', () => {
    const key = Buffer.from([...Array(32).keys()]);
    const printed = formatRecoveryKey(key);
    expect(printed).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    expect(parseRecoveryKey(printed.toLowerCase().replaceAll('-', ' '))).toEqual(key);
    const typo = printed.replace(/^./, (char) => (char === '0' ? '1' : '0'));
    expect(() => parseRecoveryKey(typo)).toThrow(/has a mistake in it/);
    expect(() => parseRecoveryKey('not a key')).toThrow(RecoveryKeyError);
  });

  it('is on the printed sheet, behind the PIN', async () => {
    const { sheet, recoveryKey } = await oldLaptop();
    expect(sheet).toContain(recoveryKey);
    expect(sheet).toMatch(/locked cabinet/);
  });

  it('restores the old laptop’s backup onto a fresh data folder on a new laptop', async () => {
    const old = await oldLaptop();
    const newLaptop = folder();
    mkdirSync(join(newLaptop, 'backups'));
    for (const name of readdirSync(join(old.dataDir, 'backups')))
      copyFileSync(join(old.dataDir, 'backups', name), join(newLaptop, 'backups', name));

    const core = start(newLaptop, old.recoveryKey);
    await value(core, 'records:setPin', { pin: '1357', currentPin: null });
    const overview = await value<{ backups: { name: string }[] }>(core, 'records:overview');
    await value(core, 'records:restore', { name: overview.backups[0]!.name });
    expect(core.db.prepare('SELECT name FROM members').pluck().all()).toEqual(['Ximena Quartz']);
    core.close();
    // The new laptop keeps the key from now on.
    expect(storedKey(newLaptop)).toEqual(storedKey(old.dataDir));
  });

  it('a backup made with another key is refused clearly, and a wrong recovery key changes no file', async () => {
    const old = await oldLaptop();
    const other = folder();
    const core = start(other);
    await value(core, 'records:setPin', { pin: '1357', currentPin: null });
    const [name] = readdirSync(join(old.dataDir, 'backups'));
    copyFileSync(join(old.dataDir, 'backups', name!), join(other, 'backups', name!));
    await expect(value(core, 'records:restore', { name })).rejects.toThrow(
      /encrypted with another kiosk’s key.*recovery key.*Nothing has been changed/,
    );
    core.close();

    // The old laptop's folder, started with some other laptop's recovery key.
    const snapshot = () =>
      readdirSync(old.dataDir)
        .filter((entry) => entry.startsWith('kiosk.sqlite3') || entry === 'records-key.json')
        .map((entry) => readFileSync(join(old.dataDir, entry)).toString('base64'));
    const before = snapshot();
    const wrong = formatRecoveryKey(storedKey(other));
    let caught: unknown;
    try {
      start(old.dataDir, wrong);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StartupError);
    expect((caught as Error).message).toMatch(/does not open the records.*Nothing was changed/);
    expect(snapshot()).toEqual(before);
  });
});
