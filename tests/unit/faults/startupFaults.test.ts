import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { createKioskCore } from '../../../electron/core/kioskCore';
import { LOCK_FILE } from '../../../electron/db/dataFolderLock';
import { MIGRATIONS } from '../../../electron/db/database';
import { openRecords, recoveryNotices, RECOVERY_MARKER } from '../../../electron/db/recovery';
import { StartupError } from '../../../electron/db/startupError';
import { say } from '../../../electron/shared/i18n/phrases';
import { makeTempDir } from '../../helpers/tempDir';
import { storedKey } from '../../helpers/recordsKey';
import { openKeyed } from '../../../electron/db/cipher';

/**
 * Faults the real world produces at start-up, injected where better-sqlite3 meets the system:
 * the native module failing to load, and the disk answering "disk I/O error" or "full".
 */
const fault = vi.hoisted(() => ({
  engine: false,
  ioErrorOn: null as string | null,
  fullOn: null as string | null,
}));
vi.mock('better-sqlite3', async (importOriginal) => {
  const real = (await importOriginal<{ default: typeof Database }>()).default;
  class FaultyDatabase extends real {
    constructor(filename?: string | Buffer, options?: Database.Options) {
      if (fault.engine) {
        throw Object.assign(
          new Error(
            "/opt/kiosk/node_modules/better-sqlite3/build/Release/better_sqlite3.node: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found",
          ),
          { code: 'ERR_DLOPEN_FAILED' },
        );
      }
      if (typeof filename === 'string' && filename === fault.ioErrorOn)
        throw new real.SqliteError('disk I/O error', 'SQLITE_IOERR_READ');
      super(filename, options);
      if (typeof filename === 'string' && filename === fault.fullOn) {
        const exec = this.exec.bind(this);
        this.exec = (sql: string) => {
          if (/CREATE|INSERT|ALTER/i.test(sql))
            throw new real.SqliteError('database or disk is full', 'SQLITE_FULL');
          return exec(sql);
        };
      }
    }
  }
  return { default: FaultyDatabase };
});

let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
let file: string;
const clock = new ManualClock(Date.UTC(2026, 10, 22, 9));

beforeEach(() => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
  file = join(dataDir, 'kiosk.sqlite3');
});
afterEach(() => {
  fault.engine = false;
  fault.ioErrorOn = null;
  fault.fullOn = null;
  dir.remove();
});

const start = () => createKioskCore({ dataDir, resourcesDir: resolve('resources'), clock });

async function recordsWithBackup(group = 'Backed up group'): Promise<void> {
  const core = start();
  await core.router.dispatch(
    'session:start',
    { packId: 'projector-check', cohortName: group, facilitators: ['F'], timeKeeper: null },
    'console',
  );
  await core.router.dispatch('session:command', { type: 'end' }, 'console');
  core.close();
}

/**
 * Every file in the data folder with its bytes, to prove nothing was renamed, copied or emptied;
 * except the data folder's lock, which each start takes.
 */
function snapshot(folder = dataDir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === LOCK_FILE) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(folder.length)] = readFileSync(path).toString('base64');
  }
  return files;
}

function expectPlainStartupError(run: () => unknown, message: RegExp): StartupError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StartupError);
  const error = caught as StartupError;
  expect(error.message).toMatch(message);
  expect(error.message).toMatch(/have not been changed/);
  expect(error.message).not.toContain(dir.path);
  expect(error.message).not.toMatch(/SQLITE_|sqlite3|\.node/);
  expect(error.detail.length).toBeGreaterThan(0);
  // Its phrase says the same in English, for the shells to word in the system's language.
  expect(say(error.words, 'en')).toBe(error.message);
  return error;
}

describe('errors at start-up that are not damage', () => {
  it('the native module failing to load stops the start, before any file is touched', async () => {
    await recordsWithBackup();
    const before = snapshot();
    fault.engine = true;
    const error = expectPlainStartupError(start, /database engine could not be loaded/);
    expect(error.detail).toContain('GLIBC_2.38');
    expect(snapshot()).toEqual(before);
  });

  it('a disk I/O error leaves the healthy records and backups as they were', async () => {
    await recordsWithBackup();
    const before = snapshot();
    fault.ioErrorOn = file;
    expectPlainStartupError(start, /cannot read or write its records/);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(dataDir).some((name) => name.includes('damaged'))).toBe(false);

    // Once the disk answers again, the same records open, with no notice.
    fault.ioErrorOn = null;
    const core = start();
    expect(core.db.prepare('SELECT name FROM cohorts').pluck().all()).toEqual(['Backed up group']);
    expect(recoveryNotices(dataDir)).toEqual([]);
    core.close();
  });

  it('a full disk refuses to start, saying how much to free, and leaves every file', async () => {
    await recordsWithBackup();
    // Records from an older version: opening them migrates, which needs to write.
    const old = openKeyed(file, storedKey(dataDir));
    old.exec('DROP INDEX attendance_by_member; DROP INDEX quiz_answers_by_member');
    old.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    old.close();
    const before = snapshot();
    fault.fullOn = file;
    expectPlainStartupError(
      start,
      /disk that holds the kiosk's records is full.*Free at least \d+ MB/,
    );
    expect(snapshot()).toEqual(before);
  });
});

describe('recovering from real damage', () => {
  const damage = () => writeFileSync(file, Buffer.alloc(8192, 0x5a));

  it('skips a backup from a newer schema and takes the newest one the kiosk can open', async () => {
    await recordsWithBackup('Good group');
    const backups = join(dataDir, 'backups');
    const [good] = readdirSync(backups);
    const newerName = 'kiosk-2030-01-01T00-00-00-000Z-daily.sqlite3';
    copyFileSync(join(backups, good!), join(backups, newerName));
    const newer = openKeyed(join(backups, newerName), storedKey(dataDir));
    newer.pragma('user_version = 999');
    newer.close();
    const notKiosk = 'kiosk-2029-01-01T00-00-00-000Z-daily.sqlite3';
    new Database(join(backups, notKiosk)).exec('CREATE TABLE other (x)');
    damage();

    const opened = openRecords(file, backups, clock.now(), storedKey(dataDir));
    expect(opened.db.prepare('SELECT name FROM cohorts').pluck().all()).toEqual(['Good group']);
    opened.db.close();
    // The next start opens them too: the newer backup was never copied in.
    const again = start();
    expect(again.db.prepare('SELECT name FROM cohorts').pluck().all()).toEqual(['Good group']);
    again.close();
  });

  it('keeps telling the counselor, start after start, until someone acknowledges it', async () => {
    await recordsWithBackup();
    damage();
    const first = start();
    const notices = await first.router.dispatch('app:notices', {}, 'console');
    expect(notices).toMatchObject({
      ok: true,
      value: [{ message: expect.stringMatching(/damaged.*latest good backup/) }],
    });
    const [notice] = (notices as { value: { id: string; message: string }[] }).value;
    expect(notice!.message).not.toContain(dir.path);
    first.close();

    const second = start();
    expect(await second.router.dispatch('app:notices', {}, 'console')).toEqual(notices);
    expect(
      await second.router.dispatch('app:acknowledgeNotice', { id: notice!.id }, 'console'),
    ).toEqual({ ok: true, value: [] });
    second.close();
    expect(readdirSync(dataDir)).not.toContain(RECOVERY_MARKER);

    const third = start();
    expect(await third.router.dispatch('app:notices', {}, 'console')).toEqual({
      ok: true,
      value: [],
    });
    third.close();
  });
});
