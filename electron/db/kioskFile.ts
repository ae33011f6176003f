/**
 * Whether a file can serve as the kiosk's records: it opens, passes SQLite's check, was made by
 * Facilitator Kiosk (the tables its schema version creates are there) and is not from a newer
 * version. Start-up recovery and Restore both ask before they change anything.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { isPlainDatabase, openEither, type RecordsKey } from './cipher';
import { MIGRATIONS, migrate, schemaVersion, type Db } from './database';
import { isDamage } from './startupError';

export type KioskFileVerdict =
  | { ok: true; version: number; encrypted: boolean }
  | {
      ok: false;
      /** `other-key`: encrypted, and this key does not open it (or its first page is damaged). */
      reason: 'damaged' | 'empty' | 'not-kiosk' | 'newer' | 'other-key';
      detail: string;
      /** `newer`: the file's schema version. */
      version?: number;
    };

const tablesByVersion = new Map<number, string[]>();

function tableNames(db: Db): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
    )
    .all()
    .map((row) => row.name);
}

/** The tables a kiosk database of this schema version has (built once, in memory). */
function expectedTables(version: number): string[] {
  let tables = tablesByVersion.get(version);
  if (!tables) {
    const scratch = new Database(':memory:');
    try {
      migrate(scratch, MIGRATIONS.slice(0, version));
      tables = tableNames(scratch);
    } finally {
      scratch.close();
    }
    tablesByVersion.set(version, tables);
  }
  return tables;
}

export interface JudgeOptions {
  /** `quick_check` for the records at start-up, `integrity_check` (the default) for a backup. */
  check?: 'integrity_check' | 'quick_check';
  /**
   * Accept a database with no tables and schema 0: what a first start leaves when it stops before
   * its first migration. Right for the records file, wrong for a backup.
   */
  allowBlank?: boolean;
}

/**
 * Judges a file opened with `key` when it is encrypted, and as it is when it is plain (written by a
 * version before encryption). A null key judges every encrypted file as `other-key`.
 */
export function judgeKioskFile(
  file: string,
  key: RecordsKey | null,
  options: JudgeOptions = {},
): KioskFileVerdict {
  const check = options.check ?? 'integrity_check';
  if (statSync(file).size === 0)
    return { ok: false, reason: 'empty', detail: 'the file is empty (0 bytes)' };
  const encrypted = !isPlainDatabase(file);
  let db: Db | null = null;
  try {
    db = openEither(file, key, { readonly: true, fileMustExist: true });
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      if (encrypted && isDamage(error)) {
        return {
          ok: false,
          reason: 'other-key',
          detail:
            'it is encrypted with a key other than this kiosk’s, or its first page is damaged',
        };
      }
      throw error;
    }
    const problems = (db.pragma(check) as Record<string, string>[])
      .map((row) => Object.values(row)[0]!)
      .filter((result) => result !== 'ok');
    if (problems.length > 0)
      return { ok: false, reason: 'damaged', detail: problems.slice(0, 3).join('; ') };
    const version = schemaVersion(db);
    if (version > MIGRATIONS.length) {
      return {
        ok: false,
        reason: 'newer',
        version,
        detail: `it was written by a newer version of Facilitator Kiosk (schema ${version}; this version knows up to ${MIGRATIONS.length})`,
      };
    }
    const present = new Set(tableNames(db));
    if (options.allowBlank && version === 0 && present.size === 0)
      return { ok: true, version, encrypted };
    const missing = version < 1 ? [] : expectedTables(version).filter((name) => !present.has(name));
    if (version < 1 || missing.length > 0) {
      return {
        ok: false,
        reason: 'not-kiosk',
        detail: 'it is a database, but not one of Facilitator Kiosk’s records',
      };
    }
    return { ok: true, version, encrypted };
  } catch (error) {
    if (isDamage(error)) return { ok: false, reason: 'damaged', detail: (error as Error).message };
    throw error;
  } finally {
    db?.close();
  }
}
