/**
 * Opening the records at start-up, surviving a damaged file: a database that cannot be opened or
 * fails SQLite's check is set aside (never deleted) and the newest good backup takes its place.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups } from '../services/records/backups';
import { NewerDatabaseError, openDatabase, type Db } from './database';

export interface OpenedRecords {
  db: Db;
  /** Set when the records had to be recovered: shown to the counselor at start. */
  notice: string | null;
}

function problemsOf(file: string): string | null {
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    return result === 'ok' ? null : String(result);
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

function setAside(file: string, stamp: string): string {
  const aside = `${file}.damaged-${stamp}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

export function openRecords(file: string, backupDir: string, now: number): OpenedRecords {
  const problem = existsSync(file) ? problemsOf(file) : null;
  if (problem === null) {
    try {
      return { db: openDatabase(file), notice: null };
    } catch (error) {
      if (error instanceof NewerDatabaseError) throw error;
      return recover(file, backupDir, now, (error as Error).message);
    }
  }
  return recover(file, backupDir, now, problem);
}

function recover(file: string, backupDir: string, now: number, problem: string): OpenedRecords {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const aside = setAside(file, stamp);
  const backup = listBackups(backupDir).find(
    (info) => problemsOf(join(backupDir, info.name)) === null,
  );
  if (backup) copyFileSync(join(backupDir, backup.name), file);
  const db = openDatabase(file);
  const when = backup ? new Date(backup.createdAt).toLocaleString() : null;
  return {
    db,
    notice: backup
      ? `The records file was damaged (${problem}). It was set aside as ${aside}, and the latest good backup, from ${when}, was restored. Anything recorded after that backup is not in the records.`
      : `The records file was damaged (${problem}). It was set aside as ${aside}; no backup was available, so the kiosk started with empty records.`,
  };
}
