import type Database from 'better-sqlite3';
import { openKeyed, type RecordsKey } from './cipher';
import { phrase } from '../shared/i18n/phraseKeys';
import { StartupError } from './startupError';
import { MIGRATION_SOURCES } from './migrations';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations of electron/db/migrations/index.ts, with their numbers read from their names. */
export const MIGRATIONS: readonly Migration[] = MIGRATION_SOURCES.map(([file, sql]) => {
  const match = /^(\d+)_[a-z0-9_]+$/.exec(file);
  if (!match) throw new Error(`Migration file ${file}.ts must be named NNN_snake_case.ts`);
  return { version: Number(match[1]), name: `${file}.ts`, sql };
}).sort((a, b) => a.version - b.version);

export class NewerDatabaseError extends StartupError {
  override name = 'NewerDatabaseError';
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertNotNewer(db: Db, latest: number): number {
  const current = schemaVersion(db);
  if (current > latest) {
    throw new NewerDatabaseError(
      `The records were written by a newer version of Facilitator Kiosk ` +
        `(schema ${current}; this version knows up to ${latest}). Install the newer version to open them. ` +
        `The file has not been changed.`,
      `${db.name}: user_version ${current} > ${latest}`,
      phrase('startup.newerDatabase', { found: current, known: latest }),
    );
  }
  return current;
}

/** Applies every pending migration in one transaction; a database from a newer app is refused untouched. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migrations must be numbered 1, 2, 3…; ${migration.name} is out of sequence.`,
      );
    }
  });
  const latest = migrations.length;
  const current = assertNotNewer(db, latest);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${latest}`);
  })();
}

/** The durability settings the app relies on: WAL with synchronous = FULL, foreign keys on. */
export function useRecordsSettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens (creating if needed) the encrypted records database with the durability settings the app
 * relies on.
 */
export function openDatabase(file: string, key: RecordsKey): Db {
  const db = openKeyed(file, key);
  try {
    // Checked before any pragma that writes, so a newer app's file is left byte-for-byte alone.
    assertNotNewer(db, MIGRATIONS.length);
    useRecordsSettings(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
