import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  migrate,
  MIGRATIONS,
  NewerDatabaseError,
  openDatabase,
  schemaVersion,
} from '../../electron/db/database';
import { makeTempDir } from '../helpers/tempDir';
import { openKeyed } from '../../electron/db/cipher';
import { TEST_KEY } from '../helpers/recordsKey';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('migrations', () => {
  it('are numbered 1…n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('are listed in migrations/index.ts exactly as the folder holds them, in order', () => {
    const folder = join(import.meta.dirname, '../../electron/db/migrations');
    const files = readdirSync(folder)
      .filter((name) => name !== 'index.ts')
      .sort();
    expect(files.every((name) => /^\d{3}_[a-z0-9_]+\.ts$/.test(name))).toBe(true);
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
    expect(files.map((name) => Number(name.slice(0, 3)))).toEqual(files.map((_, i) => i + 1));
    for (const migration of MIGRATIONS) expect(migration.sql.trim()).not.toBe('');
  });

  it('apply on an empty database and set user_version', () => {
    const db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['sessions', 'session_events', 'cohorts', 'settings']),
    );
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    db.close();
  });

  it('use WAL with synchronous FULL', () => {
    const db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('are idempotent on reopen', () => {
    const file = join(dir.path, 'kiosk.sqlite3');
    openDatabase(file, TEST_KEY).close();
    const db = openDatabase(file, TEST_KEY);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuse a database from a newer version and leave it untouched', () => {
    const file = join(dir.path, 'kiosk.sqlite3');
    const newer = openKeyed(file, TEST_KEY);
    newer.exec('CREATE TABLE future (x INTEGER) STRICT');
    newer.pragma('user_version = 999');
    newer.close();
    const before = readFileSync(file);

    expect(() => openDatabase(file, TEST_KEY)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file, TEST_KEY)).toThrow(
      /newer version of Facilitator Kiosk.*schema 999/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('apply all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: '001_ok.sql', sql: 'CREATE TABLE a (x INTEGER) STRICT;' },
      { version: 2, name: '002_bad.sql', sql: 'CREATE TABLE oops (' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('refuse a gap in the numbering', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: '002_x.sql', sql: 'SELECT 1' }])).toThrow(
      /out of sequence/,
    );
    db.close();
  });
});
