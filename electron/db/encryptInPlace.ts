/**
 * The first start of the version that encrypts finds the records and their backups plain. Each file
 * is converted on a copy: the copy is encrypted, checked (it opens with the key and passes
 * integrity_check at the same schema version) and only then renamed over the plain file, which is
 * atomic. A crash at any moment leaves either the plain file or the encrypted one, never half of
 * one; the next start finishes the work. The records get a safety copy before anything else.
 */
import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { listBackups } from './backupFiles';
import { encryptPlainFile, isPlainDatabase, type RecordsKey } from './cipher';
import { judgeKioskFile } from './kioskFile';

const ENCRYPTING = '.encrypting';
/** The plain records as they were, kept until the encrypted file has replaced them and been checked. */
export const BEFORE_ENCRYPTION = '.before-encryption';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncedCopy(from: string, to: string): void {
  copyFileSync(from, to);
  fsyncPath(to);
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** Folds the write-ahead log into the file, so one file holds every committed record. */
function foldLog(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** Encrypts a plain copy of `file`, checks it, and renames it over `file`. */
function convert(file: string, copy: string, key: RecordsKey): void {
  removeDatabaseFiles(copy);
  syncedCopy(file, copy);
  try {
    foldLog(copy);
    const before = judgeKioskFile(copy, null, { allowBlank: true });
    if (!before.ok) throw new Error(`${file} is not intact before encryption: ${before.detail}`);
    encryptPlainFile(copy, key);
    const after = judgeKioskFile(copy, key, { allowBlank: true });
    if (!after.ok || !after.encrypted || after.version !== before.version) {
      throw new Error(
        `The encrypted copy of ${file} did not pass its check: ${after.ok ? 'not encrypted' : after.detail}`,
      );
    }
    fsyncPath(copy);
  } catch (error) {
    removeDatabaseFiles(copy);
    throw error;
  }
  renameSync(copy, file);
  fsyncPath(dirname(file));
}

/** Encrypts the records file if an earlier version left it plain. */
export function encryptRecordsInPlace(file: string, key: RecordsKey): void {
  if (!existsSync(file)) return;
  if (!isPlainDatabase(file)) {
    rmSync(file + BEFORE_ENCRYPTION, { force: true });
    return;
  }
  foldLog(file);
  syncedCopy(file, file + BEFORE_ENCRYPTION);
  convert(file, file + ENCRYPTING, key);
  rmSync(file + BEFORE_ENCRYPTION, { force: true });
}

/**
 * Encrypts the backups an earlier version left plain. A damaged plain backup is left as it is:
 * start-up recovery and Restore still judge it, and refuse it, as they did before.
 */
export function encryptPlainBackups(backupDir: string, key: RecordsKey): void {
  for (const info of listBackups(backupDir)) {
    const path = join(backupDir, info.name);
    if (!isPlainDatabase(path)) continue;
    try {
      // `.partial` is the name BackupService sweeps away if a crash leaves it behind.
      convert(path, `${path}.partial`, key);
    } catch {
      // Not intact: kept plain rather than lost.
    }
  }
}

/** A conversion cut short leaves a copy that nothing refers to. */
export function removeConversionLeftovers(file: string): void {
  removeDatabaseFiles(file + ENCRYPTING);
}
