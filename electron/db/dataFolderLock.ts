/**
 * One kiosk per data folder. The desktop app and the browser shell (whose default data folder is
 * the desktop app's) would otherwise run side by side on the same records. The lock is an open
 * write transaction on a small SQLite file, so the operating system releases it when the holder
 * exits in any way, a crash or a power cut included; a second kiosk reads who holds it and stops.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { assertEngineLoads, isDamage, StartupError } from './startupError';
import type { Db } from './database';
import { phrase, type Phrase } from '../shared/i18n/phraseKeys';

export const LOCK_FILE = 'kiosk.lock';

export interface LockHolder {
  pid: number;
  shell: string;
  host: string;
  since: number;
}

export interface DataFolderLock {
  release(): void;
}

/** The shell that holds the lock, by the name it wrote there (`shellName` of the core). */
function shellPhrase(shell: string): Phrase {
  if (shell === 'desktop app') return phrase('startup.shells.desktopApp');
  if (shell === 'browser shell') return phrase('startup.shells.browserShell');
  return phrase('startup.shells.other', { name: shell });
}

export class DataFolderInUseError extends StartupError {
  override name = 'DataFolderInUseError';
  constructor(
    readonly holder: LockHolder | null,
    dataDir: string,
  ) {
    const here = holder?.host === hostname();
    const since = holder ? new Date(holder.since).toLocaleString() : '';
    const who = holder
      ? `the ${holder.shell} (process ${holder.pid}${here ? '' : ` on ${holder.host}`}, since ${since})`
      : 'another copy of Facilitator Kiosk';
    const whoWords = holder
      ? phrase(here ? 'startup.holders.here' : 'startup.holders.elsewhere', {
          shell: shellPhrase(holder.shell),
          pid: holder.pid,
          host: holder.host,
          since,
        })
      : phrase('startup.holders.unknown');
    super(
      `These records are already open in ${who}. Two kiosks on the same records would overwrite ` +
        `each other's work, so this one will not start. Close the other one, then start again.`,
      `${join(dataDir, LOCK_FILE)} is held by ${JSON.stringify(holder)}`,
      phrase('startup.inUse', { who: whoWords }),
    );
  }
}

const isBusy = (error: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code ?? ''));

function readHolder(db: Db): LockHolder | null {
  db.pragma('busy_timeout = 2000');
  try {
    return (
      db.prepare<[], LockHolder>('SELECT pid, shell, host, since FROM holder LIMIT 1').get() ?? null
    );
  } catch {
    return null;
  }
}

function tryLock(file: string, dataDir: string, shell: string, now: number): DataFolderLock {
  const db = new Database(file, { timeout: 0 });
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec(
      'CREATE TABLE IF NOT EXISTS holder (pid INTEGER, shell TEXT, host TEXT, since INTEGER)',
    );
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, shell, host, since) VALUES (?, ?, ?, ?)').run(
      process.pid,
      shell,
      hostname(),
      now,
    );
    db.exec('COMMIT');
    // Held from here until release or exit: others may read who holds it, never write.
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (isBusy(error)) {
      const holder = readHolder(db);
      db.close();
      throw new DataFolderInUseError(holder, dataDir);
    }
    db.close();
    throw error;
  }
  return {
    release() {
      if (db.open) db.close();
    },
  };
}

/** Takes the data folder for this process, or throws DataFolderInUseError naming the holder. */
export function lockDataFolder(dataDir: string, shell: string, now: number): DataFolderLock {
  assertEngineLoads();
  const file = join(dataDir, LOCK_FILE);
  try {
    return tryLock(file, dataDir, shell, now);
  } catch (error) {
    if (!isDamage(error)) throw error;
    // Nothing of value lives in the lock file, and no one can hold a damaged one: start it again.
    rmSync(file, { force: true });
    rmSync(`${file}-journal`, { force: true });
    return tryLock(file, dataDir, shell, now);
  }
}
