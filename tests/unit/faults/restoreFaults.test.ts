import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { openDatabase, type Db } from '../../../electron/db/database';
import { RejectedRequest } from '../../../electron/services/errors';
import { BackupService } from '../../../electron/services/records/backups';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';
import { openKeyed } from '../../../electron/db/cipher';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let clock: ManualClock;
let backupDir: string;
let service: BackupService;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  db.prepare("INSERT INTO cohorts (name, created_at_ms) VALUES ('Tuesday group', 1)").run();
  clock = new ManualClock(Date.UTC(2026, 10, 22, 9));
  backupDir = join(dir.path, 'backups');
  service = new BackupService(db, backupDir, clock, TEST_KEY);
});
afterEach(() => {
  db.close();
  dir.remove();
});

const cohorts = () => db.prepare('SELECT name FROM cohorts').pluck().all();
const nameAt = (at: number) =>
  `kiosk-${new Date(at).toISOString().replaceAll(':', '-').replace('.', '-')}-manual.sqlite3`;

/** Replaces a listed backup's bytes, as a bad copy from a stick or a wrong file would. */
async function backupReplacedBy(write: (file: string) => void): Promise<string> {
  const backup = await service.backup('manual');
  write(join(backupDir, backup.name));
  clock.advance(MINUTE);
  return backup.name;
}

async function expectRefused(name: string, reason: RegExp) {
  const before = readdirSync(backupDir).sort();
  const attempt = service.restore(name);
  await expect(attempt).rejects.toThrow(RejectedRequest);
  await expect(service.restore(name)).rejects.toThrow(reason);
  expect(cohorts()).toEqual(['Tuesday group']);
  expect(readdirSync(backupDir).sort()).toEqual(before);
}

describe('restoring something that is not kiosk records', () => {
  it('refuses a 0-byte file, saying so, and changes nothing', async () => {
    const name = await backupReplacedBy((file) => writeFileSync(file, ''));
    await expectRefused(name, /is empty \(0 bytes\).*Nothing has been changed/);
  });

  it('refuses another application’s SQLite database', async () => {
    const name = await backupReplacedBy((file) => {
      writeFileSync(file, '');
      const other = new Database(file);
      other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)');
      other.pragma('user_version = 3');
      other.close();
    });
    await expectRefused(name, /is not a Facilitator Kiosk records file/);
  });

  it('refuses an empty SQLite database (no tables, user_version 0)', async () => {
    const name = await backupReplacedBy((file) => {
      writeFileSync(file, '');
      new Database(file).exec('VACUUM');
    });
    await expectRefused(name, /is not a Facilitator Kiosk records file/);
  });

  it('refuses a kiosk file with a table missing', async () => {
    const name = await backupReplacedBy((file) => {
      const broken = openKeyed(file, TEST_KEY);
      broken.exec('DROP TABLE flipchart_entries');
      broken.close();
    });
    await expectRefused(name, /is not a Facilitator Kiosk records file/);
  });

  it('refuses a backup from a newer version', async () => {
    const name = await backupReplacedBy((file) => {
      const newer = openKeyed(file, TEST_KEY);
      newer.pragma('user_version = 999');
      newer.close();
    });
    await expectRefused(name, /newer version of Facilitator Kiosk/);
  });
});

describe('pruning around restores', () => {
  async function tenBackups(): Promise<string[]> {
    const names: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      names.push((await service.backup('manual')).name);
      clock.advance(MINUTE);
    }
    return names;
  }

  it('failed restores never delete a genuine backup', async () => {
    const genuine = await tenBackups();
    const broken = genuine[0]!;
    const brokenCopy = join(dir.path, 'broken-backup');
    writeFileSync(brokenCopy, 'not a database at all, but named like a backup'.repeat(200));
    copyFileSync(brokenCopy, join(backupDir, broken));
    // A backup that passes every check but fails while its rows are copied in.
    const dangling = genuine[1]!;
    const withDanglingRow = openKeyed(join(backupDir, dangling), TEST_KEY);
    withDanglingRow.pragma('foreign_keys = OFF');
    withDanglingRow
      .prepare("INSERT INTO members (cohort_id, name, joined_at_ms) VALUES (4242, 'Ghost', 1)")
      .run();
    withDanglingRow.close();

    for (let attempt = 0; attempt < 12; attempt += 1) {
      await expect(service.restore(broken)).rejects.toThrow(RejectedRequest);
      await expect(service.restore(dangling)).rejects.toThrow(/pointing at missing rows/);
      clock.advance(MINUTE);
    }
    expect(service.list().map((info) => info.name)).toEqual([...genuine].reverse());
    expect(cohorts()).toEqual(['Tuesday group']);
  });

  it('a successful restore keeps the backup it restored and all ten, the safety copy apart', async () => {
    const genuine = await tenBackups();
    await service.restore(genuine[0]!);
    const names = service.list().map((info) => info.name);
    for (const name of genuine) expect(names).toContain(name);
    expect(service.list().filter((info) => info.reason === 'before-restore')).toHaveLength(1);

    // The next regular backup prunes the oldest regular one, not the safety copy.
    await service.backup('manual');
    const after = service.list();
    expect(after.filter((info) => info.reason === 'manual')).toHaveLength(10);
    expect(after.filter((info) => info.reason === 'before-restore')).toHaveLength(1);
  });

  it('a backup named with a future date does not stop daily backups', async () => {
    await service.backup('daily');
    const future = nameAt(clock.now() + 365 * DAY);
    copyFileSync(join(backupDir, service.list()[0]!.name), join(backupDir, future));
    clock.advance(DAY + MINUTE);
    expect(await service.backupIfDue()).not.toBeNull();
    clock.advance(DAY + MINUTE);
    expect(await service.backupIfDue()).not.toBeNull();
    expect(service.list().map((info) => info.name)).toContain(future);
  });

  it('future-dated backups do not push real ones out of the ten', async () => {
    const source = (await service.backup('manual')).name;
    for (let index = 1; index <= 10; index += 1)
      copyFileSync(join(backupDir, source), join(backupDir, nameAt(clock.now() + index * DAY)));
    clock.advance(MINUTE);
    const genuine = await tenBackups();
    const names = service.list().map((info) => info.name);
    for (const name of genuine) expect(names).toContain(name);
  });
});
