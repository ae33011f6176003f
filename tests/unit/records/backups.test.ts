import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import {
  migrate,
  MIGRATIONS,
  openDatabase,
  schemaVersion,
  type Db,
} from '../../../electron/db/database';
import { RejectedRequest } from '../../../electron/services/errors';
import { BackupService } from '../../../electron/services/records/backups';
import { makeTempDir } from '../../helpers/tempDir';
import {
  checkIn,
  groupFivePack,
  insertCohort,
  insertMember,
  insertSession,
  integrityOf,
  MINUTE,
  summaryOf,
  T0,
} from './fixtures';
import { TEST_KEY } from '../../helpers/recordsKey';
import { openKeyed } from '../../../electron/db/cipher';

const pack = groupFivePack();
const HOUR = 60 * MINUTE;
let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let clock: ManualClock;
let backupDir: string;
let service: BackupService;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  clock = new ManualClock(T0);
  backupDir = join(dir.path, 'backups');
  service = new BackupService(db, backupDir, clock, TEST_KEY);
  const cohort = insertCohort(db, 'Tuesday group');
  const session = insertSession(db, cohort, pack, summaryOf(pack));
  checkIn(db, session, insertMember(db, cohort, 'Rosalind'));
});
afterEach(() => {
  expect(integrityOf(db)).toBe('ok');
  db.close();
  dir.remove();
});

const memberNames = () =>
  db
    .prepare<[], { name: string }>('SELECT name FROM members ORDER BY id')
    .all()
    .map((row) => row.name);

const count = (table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('BackupService.backup', () => {
  it('writes a named, self-contained copy of the live database', async () => {
    clock.set(Date.UTC(2026, 10, 22, 18, 5, 0, 123));
    const info = await service.backup('session-end');
    expect(info).toMatchObject({
      name: 'kiosk-2026-11-22T18-05-00-123Z-session-end.sqlite3',
      createdAt: Date.UTC(2026, 10, 22, 18, 5, 0, 123),
      reason: 'session-end',
    });
    expect(info.size).toBeGreaterThan(0);
    expect(readdirSync(backupDir)).toEqual([info.name]);
    const copy = openKeyed(join(backupDir, info.name), TEST_KEY, { readonly: true });
    expect(copy.prepare('SELECT name FROM members').pluck().all()).toEqual(['Rosalind']);
    expect(schemaVersion(copy)).toBe(MIGRATIONS.length);
    copy.close();
    expect(service.list()).toEqual([info]);
  });

  it('keeps only the newest ten', async () => {
    const taken = [];
    for (let index = 0; index < 13; index += 1) {
      taken.push(await service.backup(index % 2 === 0 ? 'manual' : 'session-end'));
      clock.advance(MINUTE);
    }
    const listed = service.list();
    expect(listed).toHaveLength(10);
    expect(listed.map((info) => info.name)).toEqual(
      taken
        .slice(3)
        .reverse()
        .map((info) => info.name),
    );
    expect(readdirSync(backupDir)).toHaveLength(10);
  });

  it('gives two backups in the same millisecond different names', async () => {
    const first = await service.backup('manual');
    const second = await service.backup('manual');
    expect(second.name).not.toBe(first.name);
    expect(service.list()).toHaveLength(2);
  });

  it('lists only backups, newest first', async () => {
    const older = await service.backup('daily');
    clock.advance(HOUR);
    const newer = await service.backup('manual');
    writeFileSync(join(backupDir, 'notes.txt'), 'not a backup');
    writeFileSync(join(backupDir, 'kiosk-yesterday-manual.sqlite3'), 'not a backup either');
    expect(service.list().map((info) => info.name)).toEqual([newer.name, older.name]);
  });
});

describe('BackupService.backupIfDue', () => {
  it('backs up daily when there is no backup or the newest is a day old', async () => {
    const first = await service.backupIfDue();
    expect(first?.reason).toBe('daily');

    clock.advance(23 * HOUR);
    expect(await service.backupIfDue()).toBeNull();

    clock.advance(HOUR);
    const second = await service.backupIfDue();
    expect(second).toMatchObject({ reason: 'daily', createdAt: T0 + 24 * HOUR });
  });

  it('counts a backup of any reason as recent', async () => {
    clock.advance(20 * HOUR);
    await service.backup('session-end');
    clock.advance(10 * HOUR);
    expect(await service.backupIfDue()).toBeNull();
    expect(service.list()).toHaveLength(1);
  });
});

describe('BackupService.restore', () => {
  it('brings back the backed-up records into the open connection', async () => {
    const backup = await service.backup('session-end');
    clock.advance(HOUR);
    db.prepare("UPDATE members SET name = 'Changed'").run();
    db.prepare('DELETE FROM attendance').run();
    const cohort = insertCohort(db, 'Added later');
    insertMember(db, cohort, 'Newcomer');

    clock.advance(HOUR);
    const result = await service.restore(backup.name);
    expect(result.restoredFrom).toBe(backup.name);
    expect(memberNames()).toEqual(['Rosalind']);
    expect(count('attendance')).toBe(1);
    expect(count('cohorts')).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.open).toBe(true);

    expect(result.safetyBackup.reason).toBe('before-restore');
    expect(service.list().map((info) => info.name)).toContain(result.safetyBackup.name);
    const safety = openKeyed(join(backupDir, result.safetyBackup.name), TEST_KEY, {
      readonly: true,
    });
    expect(safety.prepare('SELECT name FROM members ORDER BY id').pluck().all()).toEqual([
      'Changed',
      'Newcomer',
    ]);
    safety.close();
    expect(readdirSync(backupDir).every((name) => name.endsWith('.sqlite3'))).toBe(true);
  });

  it('restores the oldest of ten backups and keeps all ten beside the safety copy', async () => {
    const oldest = await service.backup('manual');
    for (let index = 0; index < 9; index += 1) {
      clock.advance(MINUTE);
      db.prepare('UPDATE members SET name = ?').run(`Name ${index}`);
      await service.backup('manual');
    }
    clock.advance(MINUTE);
    await service.restore(oldest.name);
    expect(memberNames()).toEqual(['Rosalind']);
    const kept = service.list();
    expect(kept.filter((info) => info.reason === 'manual')).toHaveLength(10);
    expect(kept.filter((info) => info.reason === 'before-restore')).toHaveLength(1);
  });

  it('brings an older backup up to the current schema', async () => {
    const oldName = 'kiosk-2026-01-01T00-00-00-000Z-manual.sqlite3';
    await service.backup('manual');
    const old = new Database(join(backupDir, oldName));
    migrate(old, MIGRATIONS.slice(0, 2));
    old.prepare("INSERT INTO cohorts (name, created_at_ms) VALUES ('Old group', 1)").run();
    old.close();

    await service.restore(oldName);
    expect(db.prepare('SELECT name FROM cohorts').pluck().all()).toEqual(['Old group']);
    expect(count('members')).toBe(0);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('refuses a name that is not a listed backup, including a path out of the folder', async () => {
    const backup = await service.backup('manual');
    for (const name of [
      'kiosk-2020-01-01T00-00-00-000Z-manual.sqlite3',
      '../kiosk.sqlite3',
      `../backups/${backup.name}`,
      join(backupDir, backup.name),
      'notes.txt',
    ]) {
      await expect(service.restore(name)).rejects.toThrow(RejectedRequest);
    }
    expect(service.list()).toHaveLength(1);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    await service.backup('manual');
    const name = 'kiosk-2026-11-22T16-00-00-000Z-manual.sqlite3';
    writeFileSync(
      join(backupDir, name),
      Buffer.from('This is not a database at all. '.repeat(200)),
    );
    db.prepare("UPDATE members SET name = 'Current'").run();

    await expect(service.restore(name)).rejects.toThrow(/damaged/);
    await expect(service.restore(name)).rejects.toBeInstanceOf(RejectedRequest);
    expect(memberNames()).toEqual(['Current']);
    expect(service.list().some((info) => info.reason === 'before-restore')).toBe(false);
  });

  it('refuses a backup whose pages are corrupt', async () => {
    const backup = await service.backup('manual');
    const file = join(backupDir, backup.name);
    const copy = openKeyed(file, TEST_KEY, { readonly: true });
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    copy.close();
    const content = readFileSync(file);
    // Scribble over every page after the first, keeping the header readable.
    content.fill(0xa5, pageSize);
    writeFileSync(file, content);
    await expect(service.restore(backup.name)).rejects.toThrow(/damaged/);
    expect(memberNames()).toEqual(['Rosalind']);
  });

  it('refuses a backup from a newer version of the app', async () => {
    const name = 'kiosk-2026-11-22T16-00-00-000Z-manual.sqlite3';
    await service.backup('manual');
    const newer = new Database(join(backupDir, name));
    newer.exec('CREATE TABLE future (x INTEGER) STRICT');
    newer.pragma('user_version = 999');
    newer.close();

    await expect(service.restore(name)).rejects.toThrow(/newer version/);
    await expect(service.restore(name)).rejects.toBeInstanceOf(RejectedRequest);
    expect(memberNames()).toEqual(['Rosalind']);
    expect(service.list().some((info) => info.reason === 'before-restore')).toBe(false);
  });

  it('refuses a backup with rows pointing at missing rows, leaving the records as they were', async () => {
    const name = 'kiosk-2026-11-22T16-00-00-000Z-manual.sqlite3';
    await service.backup('manual');
    const broken = new Database(join(backupDir, name));
    migrate(broken);
    broken.pragma('foreign_keys = OFF');
    broken.prepare('INSERT INTO attendance VALUES (77, 88, 1)').run();
    broken.close();

    await expect(service.restore(name)).rejects.toThrow(/missing rows/);
    expect(memberNames()).toEqual(['Rosalind']);
    expect(count('attendance')).toBe(1);
    expect(
      db
        .prepare("SELECT count(*) FROM pragma_database_list WHERE name = 'restore_source'")
        .pluck()
        .get(),
    ).toBe(0);
    expect(readdirSync(backupDir).some((file) => file.endsWith('.tmp'))).toBe(false);
    expect(existsSync(join(backupDir, name))).toBe(true);
  });
});
