import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/shared/clock';
import { openDatabase, type Db } from '../../../electron/db/database';
import { readSetting, writeSetting } from '../../../electron/db/queries/settings';
import { BackupService } from '../../../electron/services/records/backups';
import { makeTempDir } from '../../helpers/tempDir';
import { TEST_KEY } from '../../helpers/recordsKey';

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
const clock = new ManualClock(Date.UTC(2026, 10, 22, 12));

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('restoring a backup', () => {
  it("keeps this laptop's PIN and REDCap secret while everything else goes back", async () => {
    const backups = new BackupService(db, join(dir.path, 'backups'), clock, TEST_KEY);
    writeSetting(db, 'certificate-rule', { minSessions: 2, requireQuizzes: true });
    const before = await backups.backup('manual');
    clock.advance(60_000);
    writeSetting(db, 'records-pin', { salt: 'aa', hash: 'bb' });
    writeSetting(db, 'redcap-secret', 'secret-made-after-the-backup');
    writeSetting(db, 'certificate-rule', { minSessions: 9, requireQuizzes: false });

    await backups.restore(before.name);
    expect(readSetting(db, 'records-pin')).toEqual({ salt: 'aa', hash: 'bb' });
    expect(readSetting(db, 'redcap-secret')).toBe('secret-made-after-the-backup');
    expect(readSetting(db, 'certificate-rule')).toEqual({ minSessions: 2, requireQuizzes: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
