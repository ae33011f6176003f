/**
 * Copies of the records database in a folder of their own, written by `VACUUM INTO` from a keyed
 * connection (the open one, or a worker's: see BackupOptions), so each copy is encrypted with the
 * records' key (SQLite's online backup cannot copy out of an encrypted database), and restored
 * into the open connection that every service holds.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import {
  backupName,
  listBackups,
  removeDatabaseFiles,
  type BackupInfo,
} from '../../db/backupFiles';
import { isPlainDatabase, openEither, type RecordsKey } from '../../db/cipher';
import { migrate, type Db } from '../../db/database';
import { judgeKioskFile, type KioskFileVerdict } from '../../db/kioskFile';
import {
  DanglingReferencesError,
  integrityProblems,
  replaceAllRows,
  useRollbackJournal,
  vacuumInto as writeCopy,
} from '../../db/queries/copies';
import { phrase, type MainKey } from '../../shared/i18n/phrases';
import { PIN_GUARD_SETTING } from '../access/recordsLock';
import { RejectedRequest } from '../errors';

export { listBackups, type BackupInfo };

const DAY_MS = 24 * 60 * 60 * 1000;
const RESTORING_PREFIX = 'restoring-';
/** Safety copies made before a restore are kept apart from the regular backups. */
const SAFETY_COPIES_KEPT = 5;

/**
 * The PIN and the REDCap pseudonym secret belong to this laptop, not to a point in time: restoring
 * must not unlock the records or give every member a new pseudonym.
 */
const KEPT_SETTINGS = [
  'records-pin',
  PIN_GUARD_SETTING,
  'redcap-secret',
  'recovery-sheet-printed-at',
] as const;

export interface BackupOptions {
  /** How many regular backups are kept. */
  keep?: number;
  /**
   * Writes the records into `target` with `VACUUM INTO`. By default on the service's own
   * connection; the kiosk passes a worker thread's, since ten years of records take seconds.
   */
  vacuumInto?: (target: string) => Promise<void>;
}

export class BackupService {
  constructor(
    private readonly db: Db,
    private readonly backupDir: string,
    private readonly clock: Clock,
    /** The records' key: every backup is encrypted with it, and a restore opens backups with it. */
    private readonly key: RecordsKey,
    { keep = 10, vacuumInto }: BackupOptions = {},
  ) {
    if (!Number.isInteger(keep) || keep < 1) throw new Error('Keep at least one backup.');
    this.keep = keep;
    this.vacuumInto = vacuumInto ?? (async (target) => writeCopy(this.db, target));
    this.removeLeftovers();
  }

  private readonly keep: number;
  private readonly vacuumInto: (target: string) => Promise<void>;

  async backup(reason: Exclude<BackupInfo['reason'], 'before-restore'>): Promise<BackupInfo> {
    const info = await this.write(reason);
    this.prune();
    return info;
  }

  private async write(reason: BackupInfo['reason']): Promise<BackupInfo> {
    mkdirSync(this.backupDir, { recursive: true });
    let createdAt = this.clock.now();
    const existing = new Set(this.list().map((info) => info.name));
    // Two backups in the same millisecond get distinct names rather than overwriting each other.
    while (existing.has(backupName(createdAt, reason))) createdAt += 1;
    const name = backupName(createdAt, reason);
    const finalPath = join(this.backupDir, name);
    // Written under a name list() ignores, so a half-written copy never shows as a backup.
    const partialPath = `${finalPath}.partial`;
    try {
      removeDatabaseFiles(partialPath);
      // One self-contained file in rollback-journal mode, without -wal and -shm companions, safe
      // to copy to a stick; encrypted with the connection's own key.
      await this.vacuumInto(partialPath);
      renameSync(partialPath, finalPath);
    } catch (error) {
      removeDatabaseFiles(partialPath);
      throw error;
    }
    return { name, createdAt, size: statSync(finalPath).size, reason };
  }

  /** Newest first; files in the folder that are not backups are ignored. */
  list(): BackupInfo[] {
    return listBackups(this.backupDir);
  }

  /** Due unless a backup was made in the last day; one dated in the future (a wrong clock) does not count. */
  async backupIfDue(): Promise<BackupInfo | null> {
    const now = this.clock.now();
    const recent = this.list().some(
      (info) => info.createdAt <= now && now - info.createdAt < DAY_MS,
    );
    return recent ? null : this.backup('daily');
  }

  async restore(name: string): Promise<{ restoredFrom: string; safetyBackup: BackupInfo }> {
    // Only names read from the folder are accepted, so no path can reach outside it.
    const source = this.list().find((info) => info.name === name);
    if (!source) throw new RejectedRequest('errors.backups.noSuchBackup', { name });
    const sourcePath = join(this.backupDir, source.name);
    this.checkRestorable(sourcePath, source.name);

    const workingCopy = join(this.backupDir, `${RESTORING_PREFIX}${randomUUID()}.tmp`);
    try {
      copyFileSync(sourcePath, workingCopy);
      const copy = openEither(workingCopy, this.key);
      try {
        migrate(copy);
        useRollbackJournal(copy);
      } finally {
        copy.close();
      }
      const safetyBackup = await this.write('before-restore');
      try {
        // A backup from before encryption is plain, and is attached as such.
        this.replaceContents(workingCopy, isPlainDatabase(workingCopy) ? null : this.key);
      } catch (error) {
        // The records did not change, so the safety copy would only crowd the folder.
        removeDatabaseFiles(join(this.backupDir, safetyBackup.name));
        throw error;
      }
      // Pruned only once the restore has worked, and never the backup just restored.
      this.prune(source.name);
      return { restoredFrom: source.name, safetyBackup };
    } finally {
      removeDatabaseFiles(workingCopy);
    }
  }

  /** Refuses, with the reason, anything but an intact kiosk database this version can open. */
  private checkRestorable(file: string, name: string): void {
    let verdict: KioskFileVerdict;
    try {
      verdict = judgeKioskFile(file, this.key);
    } catch {
      throw new RejectedRequest('errors.backups.unreadable', { name });
    }
    if (verdict.ok) return;
    const why: Record<typeof verdict.reason, MainKey> = {
      damaged: 'errors.backups.why.damaged',
      empty: 'errors.backups.why.empty',
      'not-kiosk': 'errors.backups.why.notKiosk',
      newer: 'errors.backups.why.newer',
      'other-key': 'errors.backups.why.otherKey',
    };
    throw new RejectedRequest('errors.backups.notRestorable', {
      name,
      why: phrase(why[verdict.reason]),
    });
  }

  /** Swaps every table's rows in one transaction, so the open connection sees all or nothing. */
  private replaceContents(workingCopy: string, key: RecordsKey | null): void {
    try {
      replaceAllRows(this.db, workingCopy, key, KEPT_SETTINGS);
    } catch (error) {
      if (error instanceof DanglingReferencesError) {
        throw new RejectedRequest('errors.backups.dangling', { count: error.count });
      }
      throw error;
    }
    const problems = integrityProblems(this.db);
    if (problems.length > 0) {
      throw new Error(`The records database failed its check after restoring: ${problems[0]}`);
    }
  }

  /**
   * Keeps the newest `keep` backups, and apart from them the newest safety copies made before a
   * restore. Backups dated in the future are left alone and do not push real ones out.
   */
  private prune(except?: string): void {
    const now = this.clock.now();
    const past = this.list().filter((info) => info.createdAt <= now);
    const regular = past.filter((info) => info.reason !== 'before-restore');
    const safety = past.filter((info) => info.reason === 'before-restore');
    for (const info of [...regular.slice(this.keep), ...safety.slice(SAFETY_COPIES_KEPT)]) {
      if (info.name !== except) removeDatabaseFiles(join(this.backupDir, info.name));
    }
  }

  /** A backup or restore cut short by a crash leaves a partial copy that nothing refers to. */
  private removeLeftovers(): void {
    let names: string[];
    try {
      names = readdirSync(this.backupDir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.includes('.sqlite3.partial') || name.startsWith(RESTORING_PREFIX))
        rmSync(join(this.backupDir, name), { force: true });
    }
  }
}
