import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { openKeyed } from '../../../electron/db/cipher';
import { openDatabase, type Db } from '../../../electron/db/database';
import { startJob } from '../../../electron/jobs/jobRunner';
import { BackupService } from '../../../electron/services/records/backups';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';
import { insertCohort, T0 } from './fixtures';

let dir: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  insertCohort(db, 'Tuesday group');
});
afterEach(() => {
  db.close();
  dir.remove();
});

// Worker threads start through tsx here, which takes seconds on a busy machine.
it(
  'writes an encrypted backup from a worker thread’s own connection',
  { timeout: 60_000 },
  async () => {
    const databaseFile = join(dir.path, 'kiosk.sqlite3');
    const service = new BackupService(
      db,
      join(dir.path, 'backups'),
      new ManualClock(T0),
      TEST_KEY,
      {
        vacuumInto: async (target) => {
          await startJob('backup', { databaseFile, key: TEST_KEY, target }, () => undefined).result;
        },
      },
    );
    // Written after the worker has its snapshot or before: either way the backup is whole.
    const info = await service.backup('manual');
    const file = join(dir.path, 'backups', info.name);
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const copy = openKeyed(file, TEST_KEY, { readonly: true, fileMustExist: true });
    try {
      expect(copy.prepare('SELECT name FROM cohorts').pluck().all()).toEqual(['Tuesday group']);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }
  },
);

it(
  'hands a PDF back as bytes moved from the worker, not as text',
  { timeout: 60_000 },
  async () => {
    const bytes = await startJob(
      'pdf',
      {
        document: 'handout',
        input: { title: 'Handout', markdown: '# Talking\n\nListen first.', pageSize: 'Letter' },
      },
      () => undefined,
    ).result;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  },
);
