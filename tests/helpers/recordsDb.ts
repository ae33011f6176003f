import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/db/database';
import { TEST_KEY } from './recordsKey';
import { makeTempDir } from './tempDir';

/** Runs `use` on a fresh, migrated, encrypted records database, removed afterwards. */
export function withRecordsDb<T>(use: (db: Db) => T): T {
  const dir = makeTempDir();
  const db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  try {
    return use(db);
  } finally {
    db.close();
    dir.remove();
  }
}
