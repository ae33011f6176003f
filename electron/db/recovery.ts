/**
 * Opening the records at start-up. Only real damage (SQLite's SQLITE_CORRUPT or SQLITE_NOTADB, or a
 * failing quick_check) sets the file aside, never deleted, for the newest backup that is intact,
 * a kiosk database and not from a newer version. Anything else (the engine not loading, a full
 * disk, an I/O error) stops the start with a plain message and leaves every file as it was.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listBackups, type BackupInfo } from '../services/records/backups';
import { NewerDatabaseError, openDatabase, type Db } from './database';
import { judgeKioskFile, type KioskFileVerdict } from './kioskFile';
import { assertEngineLoads, isDamage, StartupError, startupErrorFrom } from './startupError';

export interface StartupNotice {
  id: string;
  message: string;
}

export interface OpenedRecords {
  db: Db;
  /** Set when the records were recovered in this start; also kept in the data folder's marker. */
  notice: string | null;
}

/** Kept in the data folder until the counselor acknowledges it, so a restart does not hide it. */
export const RECOVERY_MARKER = 'records-recovered.json';
const MB = 1024 ** 2;

interface RecoveryRecord extends StartupNotice {
  at: number;
}

function markerPath(dataDir: string): string {
  return join(dataDir, RECOVERY_MARKER);
}

function readMarker(dataDir: string): RecoveryRecord[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(markerPath(dataDir), 'utf8'));
    return Array.isArray(parsed) ? (parsed as RecoveryRecord[]) : [];
  } catch {
    return [];
  }
}

function writeMarker(dataDir: string, records: readonly RecoveryRecord[]): void {
  const path = markerPath(dataDir);
  if (records.length === 0) {
    rmSync(path, { force: true });
    return;
  }
  const partial = `${path}.partial`;
  writeFileSync(partial, JSON.stringify(records, null, 2));
  renameSync(partial, path);
}

/** Recoveries not yet acknowledged, oldest first. */
export function recoveryNotices(dataDir: string): StartupNotice[] {
  return readMarker(dataDir).map(({ id, message }) => ({ id, message }));
}

export function acknowledgeRecoveryNotice(dataDir: string, id: string): StartupNotice[] {
  writeMarker(
    dataDir,
    readMarker(dataDir).filter((record) => record.id !== id),
  );
  return recoveryNotices(dataDir);
}

function databaseBytes(file: string): number {
  return ['', '-wal'].reduce((sum, suffix) => {
    try {
      return sum + statSync(file + suffix).size;
    } catch {
      return sum;
    }
  }, 0);
}

function startupFailure(error: unknown, file: string): StartupError {
  const folder = dirname(file);
  const free = () => {
    try {
      const stats = statfsSync(folder);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  };
  // Room for the write-ahead log to grow and for one backup copy, with a margin.
  return startupErrorFrom(error, file, free, 2 * databaseBytes(file) + 100 * MB);
}

function verdictOf(file: string): KioskFileVerdict {
  try {
    return judgeKioskFile(file, { check: 'quick_check', allowBlank: true });
  } catch (error) {
    throw startupFailure(error, file);
  }
}

export function openRecords(file: string, backupDir: string, now: number): OpenedRecords {
  assertEngineLoads();
  if (existsSync(file)) {
    const verdict = verdictOf(file);
    if (!verdict.ok) {
      if (verdict.reason === 'damaged' || verdict.reason === 'empty')
        return recover(file, backupDir, now, verdict.detail);
      if (verdict.reason === 'newer') {
        throw new NewerDatabaseError(
          `The records were ${verdict.detail.replace(/^it was /, '')}. Install the newer version to open them. The file has not been changed.`,
          file,
        );
      }
      throw new StartupError(
        `The records file in the kiosk's data folder is not a Facilitator Kiosk database, so the kiosk will not use it. The file has not been changed; ask IT to move it away.`,
        `${file}: ${verdict.detail}`,
      );
    }
  }
  try {
    return { db: openDatabase(file), notice: null };
  } catch (error) {
    if (error instanceof StartupError) throw error;
    if (isDamage(error)) return recover(file, backupDir, now, (error as Error).message);
    throw startupFailure(error, file);
  }
}

/** The newest backup that can really serve as the records, or null. */
function bestBackup(backupDir: string): BackupInfo | null {
  for (const info of listBackups(backupDir)) {
    try {
      if (judgeKioskFile(join(backupDir, info.name)).ok) return info;
    } catch {
      // Unreadable: try the next one.
    }
  }
  return null;
}

function setAside(file: string, stamp: string): string {
  const aside = `${file}.damaged-${stamp}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm'])
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

function recover(file: string, backupDir: string, now: number, problem: string): OpenedRecords {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const backup = bestBackup(backupDir);
  // The backup is copied in full next to the records before anything is renamed: a copy that
  // fails (a full disk) leaves the damaged file where it was rather than no file at all.
  const incoming = `${file}.restoring-${randomBytes(4).toString('hex')}`;
  let aside: string;
  try {
    if (backup) copyFileSync(join(backupDir, backup.name), incoming);
    aside = setAside(file, stamp);
    if (backup) renameSync(incoming, file);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw startupFailure(error, file);
  }
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (error) {
    throw startupFailure(error, file);
  }
  const when = backup ? new Date(backup.createdAt).toLocaleString() : null;
  const notice = backup
    ? `The records file was damaged (${problem}). It was set aside as ${basename(aside)} in the data folder, and the latest good backup, from ${when}, was restored. Anything recorded after that backup is not in the records.`
    : `The records file was damaged (${problem}). It was set aside as ${basename(aside)} in the data folder; no usable backup was found, so the kiosk started with empty records.`;
  const dataDir = dirname(file);
  try {
    writeMarker(dataDir, [...readMarker(dataDir), { id: stamp, at: now, message: notice }]);
  } catch {
    // The counselor still sees the notice in this run; only its survival of a restart is lost.
  }
  return { db, notice };
}
