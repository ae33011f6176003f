/** Whole-database SQL: writing a copy, swapping a copy's rows in, checking the result. */
import { attachKey, type RecordsKey } from '../cipher';
import type { Db } from '../database';

const RESTORE_SCHEMA = 'restore_source';

/** A restore would leave rows pointing at rows that are not there; nothing was changed. */
export class DanglingReferencesError extends Error {
  override name = 'DanglingReferencesError';
  constructor(readonly count: number) {
    super(`The copy has ${count} rows that refer to missing rows.`);
  }
}

/** One self-contained copy of the records in `target`, encrypted with the connection's key. */
export function vacuumInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

/** One file without `-wal` and `-shm` companions, as a copy kept in the backup folder is. */
export function useRollbackJournal(db: Db): void {
  db.pragma('journal_mode = DELETE');
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function userTables(db: Db, schema: string): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM ${schema}.sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    )
    .all()
    .map((row) => row.name);
}

export function integrityProblems(db: Db): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((row) => row.integrity_check)
    .filter((result) => result !== 'ok');
}

/**
 * Replaces every table's rows with those of the database file `source` (opened with `key`, or
 * plain when null) in one transaction, so the open connection sees all or nothing. The settings
 * named in `keptSettings` keep this database's values. Throws DanglingReferencesError, rolled
 * back, when the result would break a foreign key.
 */
export function replaceAllRows(
  db: Db,
  source: string,
  key: RecordsKey | null,
  keptSettings: readonly string[],
): void {
  db.prepare(`ATTACH DATABASE ? AS ${RESTORE_SCHEMA} KEY ?`).run(source, attachKey(key));
  try {
    db.transaction(() => {
      // Rows reference each other across tables; checking at commit makes the order irrelevant.
      db.pragma('defer_foreign_keys = ON');
      const restored = new Set(userTables(db, RESTORE_SCHEMA));
      const kept = db
        .prepare<string[], { key: string; value: string }>(
          `SELECT key, value FROM main.settings WHERE key IN (${keptSettings.map(() => '?').join(', ')})`,
        )
        .all(...keptSettings);
      for (const table of userTables(db, 'main')) {
        const quoted = quoteIdentifier(table);
        db.exec(`DELETE FROM main.${quoted}`);
        if (!restored.has(table)) continue;
        const columns = (db.pragma(`main.table_info(${quoted})`) as { name: string }[])
          .map((column) => quoteIdentifier(column.name))
          .join(', ');
        db.exec(
          `INSERT INTO main.${quoted} (${columns}) SELECT ${columns} FROM ${RESTORE_SCHEMA}.${quoted}`,
        );
      }
      const keep = db.prepare<[string, string]>(
        'INSERT INTO main.settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      for (const row of kept) keep.run(row.key, row.value);
      // Checked before commit so a copy with broken links is rolled back, not half-applied.
      const dangling = db.pragma('main.foreign_key_check') as unknown[];
      if (dangling.length > 0) throw new DanglingReferencesError(dangling.length);
    })();
  } finally {
    db.exec(`DETACH DATABASE ${RESTORE_SCHEMA}`);
  }
}
