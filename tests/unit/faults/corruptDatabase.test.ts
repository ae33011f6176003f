import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { createKioskCore } from '../../../electron/core/kioskCore';
import { NewerDatabaseError } from '../../../electron/db/database';
import { openRecords } from '../../../electron/db/recovery';
import { BackupService } from '../../../electron/services/records/backups';
import { makeTempDir } from '../../helpers/tempDir';
import { storedKey, TEST_KEY } from '../../helpers/recordsKey';

let dir: ReturnType<typeof makeTempDir>;
let file: string;
let backups: string;
const clock = new ManualClock(Date.UTC(2026, 10, 22, 9));

beforeEach(() => {
  dir = makeTempDir();
  file = join(dir.path, 'kiosk.sqlite3');
  backups = join(dir.path, 'backups');
});
afterEach(() => dir.remove());

async function recordsWithBackup(): Promise<void> {
  const core = createKioskCore({ dataDir: dir.path, resourcesDir: resolve('resources'), clock });
  await core.router.dispatch(
    'session:start',
    {
      packId: 'projector-check',
      cohortName: 'Backed up group',
      facilitators: ['F'],
      timeKeeper: null,
    },
    'console',
  );
  await core.router.dispatch('session:command', { type: 'end' }, 'console');
  core.close();
}

const damage = () => writeFileSync(file, Buffer.alloc(8192, 0x5a));

describe('a corrupt records file at start-up', () => {
  it('is set aside and the latest good backup restored, and the counselor is told', async () => {
    await recordsWithBackup();
    expect(
      new BackupService(new Database(':memory:'), backups, clock, TEST_KEY).list().length,
    ).toBeGreaterThan(0);
    damage();
    const opened = openRecords(file, backups, clock.now(), storedKey(dir.path));
    expect(opened.notice).toMatch(/records file was damaged .* latest good backup/);
    expect(opened.db.prepare('SELECT name FROM cohorts').all()).toEqual([
      { name: 'Backed up group' },
    ]);
    expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    opened.db.close();
    expect(readdirSync(dir.path).some((name) => name.startsWith('kiosk.sqlite3.damaged-'))).toBe(
      true,
    );
  });

  it('starts with empty records when there is no backup, keeping the damaged file', () => {
    damage();
    const opened = openRecords(file, backups, clock.now(), TEST_KEY);
    expect(opened.notice).toMatch(/no usable backup was found/);
    expect(opened.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    opened.db.close();
    expect(readdirSync(dir.path).filter((name) => name.includes('damaged'))).toHaveLength(1);
  });

  it('still refuses, untouched, a database from a newer version', () => {
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    expect(() => openRecords(file, backups, clock.now(), TEST_KEY)).toThrow(NewerDatabaseError);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir.path).some((name) => name.includes('damaged'))).toBe(false);
  });

  it('opens healthy records without a notice', async () => {
    await recordsWithBackup();
    const opened = openRecords(file, backups, clock.now(), storedKey(dir.path));
    expect(opened.notice).toBeNull();
    opened.db.close();
  });
});
