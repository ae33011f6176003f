/**
 * The backup folder's file names: what a backup is called and which files in the folder are
 * backups. Usable before any database is open (start-up recovery, the encryption upgrade) as well
 * as by the backup service.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BackupInfo {
  name: string;
  createdAt: number;
  size: number;
  reason: 'session-end' | 'daily' | 'manual' | 'before-restore';
}

const BACKUP_NAME =
  /^kiosk-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(session-end|daily|manual|before-restore)\.sqlite3$/;

export function backupName(createdAt: number, reason: BackupInfo['reason']): string {
  const stamp = new Date(createdAt).toISOString().replaceAll(':', '-').replace('.', '-');
  return `kiosk-${stamp}-${reason}.sqlite3`;
}

function parseBackupName(name: string): Omit<BackupInfo, 'size'> | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, date, hours, minutes, seconds, millis, reason] = match;
  const createdAt = Date.parse(`${date}T${hours}:${minutes}:${seconds}.${millis}Z`);
  if (Number.isNaN(createdAt)) return null;
  return { name, createdAt, reason: reason as BackupInfo['reason'] };
}

/** A database file with its companions (`-wal`, `-shm`, `-journal`). */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** The backups in a folder, newest first; files in it that are not backups are ignored. */
export function listBackups(backupDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  return names
    .map(parseBackupName)
    .filter((info) => info !== null)
    .map((info) => ({ ...info, size: statSync(join(backupDir, info.name)).size }))
    .sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
}
