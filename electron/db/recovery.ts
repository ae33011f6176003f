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
import { listBackups, type BackupInfo } from './backupFiles';
import { FALLBACK_LANGUAGE, type Language } from '../shared/i18n';
import { phrase, say, type Phrase } from '../shared/i18n/phrases';
import type { RecordsKey } from './cipher';
import {
  encryptPlainBackups,
  encryptRecordsInPlace,
  removeConversionLeftovers,
} from './encryptInPlace';
import { MIGRATIONS, NewerDatabaseError, openDatabase, type Db } from './database';
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
  /** The notice as a catalog phrase, worded in the console's language when it is shown (older markers lack it). */
  phrase?: Phrase;
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

/** Recoveries not yet acknowledged, oldest first, in `language`. */
export function recoveryNotices(
  dataDir: string,
  language: Language = FALLBACK_LANGUAGE,
): StartupNotice[] {
  return readMarker(dataDir).map(({ id, message, phrase: notice }) => ({
    id,
    message: notice ? say(notice, language) : message,
  }));
}

export function acknowledgeRecoveryNotice(
  dataDir: string,
  id: string,
  language: Language = FALLBACK_LANGUAGE,
): StartupNotice[] {
  writeMarker(
    dataDir,
    readMarker(dataDir).filter((record) => record.id !== id),
  );
  return recoveryNotices(dataDir, language);
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

function verdictOf(file: string, key: RecordsKey): KioskFileVerdict {
  try {
    return judgeKioskFile(file, key, { check: 'quick_check', allowBlank: true });
  } catch (error) {
    throw startupFailure(error, file);
  }
}

/** Encrypts what an earlier version left plain; a failure leaves the plain files as they were. */
function encryptLeftPlain(file: string, backupDir: string, key: RecordsKey): void {
  try {
    encryptRecordsInPlace(file, key);
    encryptPlainBackups(backupDir, key);
  } catch (error) {
    throw startupFailure(error, file);
  }
}

/**
 * Opens the records with this kiosk's key. Records and backups an earlier version left plain are
 * encrypted first (encryptInPlace.ts). The key is this laptop's own, so a records file it does not
 * open is treated as damaged; a key from elsewhere never reaches here unchecked (recordsKey.ts).
 */
export function openRecords(
  file: string,
  backupDir: string,
  now: number,
  key: RecordsKey,
): OpenedRecords {
  assertEngineLoads();
  removeConversionLeftovers(file);
  if (existsSync(file)) {
    const verdict = verdictOf(file, key);
    if (!verdict.ok) {
      if (
        verdict.reason === 'damaged' ||
        verdict.reason === 'empty' ||
        verdict.reason === 'other-key'
      )
        return recover(file, backupDir, now, verdict.detail, key);
      if (verdict.reason === 'newer') {
        throw new NewerDatabaseError(
          `The records were ${verdict.detail.replace(/^it was /, '')}. Install the newer version to open them. The file has not been changed.`,
          file,
          phrase('startup.newerDatabase', {
            found: verdict.version ?? 0,
            known: MIGRATIONS.length,
          }),
        );
      }
      throw new StartupError(
        `The records file in the kiosk's data folder is not a Facilitator Kiosk database, so the kiosk will not use it. The file has not been changed; ask IT to move it away.`,
        `${file}: ${verdict.detail}`,
        phrase('startup.notKioskDatabase'),
      );
    }
  }
  encryptLeftPlain(file, backupDir, key);
  try {
    return { db: openDatabase(file, key), notice: null };
  } catch (error) {
    if (error instanceof StartupError) throw error;
    if (isDamage(error)) return recover(file, backupDir, now, (error as Error).message, key);
    throw startupFailure(error, file);
  }
}

/** The newest backup that can really serve as the records, or null. */
function bestBackup(backupDir: string, key: RecordsKey): BackupInfo | null {
  for (const info of listBackups(backupDir)) {
    try {
      if (judgeKioskFile(join(backupDir, info.name), key).ok) return info;
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

function recover(
  file: string,
  backupDir: string,
  now: number,
  problem: string,
  key: RecordsKey,
): OpenedRecords {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const backup = bestBackup(backupDir, key);
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
    // A backup from before encryption comes back plain: it is encrypted before it is opened.
    if (backup) encryptRecordsInPlace(file, key);
    encryptPlainBackups(backupDir, key);
    db = openDatabase(file, key);
  } catch (error) {
    throw startupFailure(error, file);
  }
  const noticePhrase = backup
    ? phrase('notices.recoveredFromBackup', {
        problem,
        aside: basename(aside),
        when: backup.createdAt,
      })
    : phrase('notices.recoveredEmpty', { problem, aside: basename(aside) });
  const notice = say(noticePhrase);
  const dataDir = dirname(file);
  try {
    writeMarker(dataDir, [
      ...readMarker(dataDir),
      { id: stamp, at: now, message: notice, phrase: noticePhrase },
    ]);
  } catch {
    // The counselor still sees the notice in this run; only its survival of a restart is lost.
  }
  return { db, notice };
}
