import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { openKeyed } from '../../../electron/db/cipher';
import { storedKey } from '../../helpers/recordsKey';

const WEB_ENTRY = resolve('out/main/web.js');

export interface RunningShell {
  consoleUrl: string;
  audienceUrl: string;
  /** The passphrase page's address (shells started with `askPassphrase`). */
  unlockUrl: string;
  port: number;
  /** Resolves once the shell has printed the console's and the audience's addresses. */
  opened: Promise<void>;
  /** Stops the shell the way an operator would (SIGTERM) and waits for it to exit. */
  stop(): Promise<number | null>;
  /** Kills the shell without warning, like a power cut. */
  kill(): Promise<void>;
  /** Moves main's fake clock (only for shells started with `fakeClock`). */
  advanceClock(ms: number): Promise<number>;
}

export interface ShellOptions {
  port?: number;
  /** Start main on a fake clock at this epoch time, moved only by advanceClock(). */
  fakeClock?: number;
  /** Each step of main's worker jobs waits this long (`--slow-jobs`), so a test can cancel one. */
  slowJobsMs?: number;
  /** `--ask-passphrase`: the shell first serves the passphrase page, then the show's pages. */
  askPassphrase?: boolean;
}

/** Starts `node out/main/web.js` on a data folder and waits for its two URL lines. */
export async function startShell(
  dataDir: string,
  options: ShellOptions = {},
): Promise<RunningShell> {
  const args = [WEB_ENTRY, '--port', String(options.port ?? 0), '--data', dataDir];
  if (options.fakeClock !== undefined) args.push('--fake-clock', String(options.fakeClock));
  if (options.slowJobsMs !== undefined) args.push('--slow-jobs', String(options.slowJobsMs));
  if (options.askPassphrase) args.push('--ask-passphrase');
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const urls: Record<string, string> = {};
  const printed = (roles: string[], timeoutMs: number) =>
    new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`web shell did not start: ${stderr}`)),
        timeoutMs,
      );
      child.once('exit', (code) => reject(new Error(`web shell exited (${code}): ${stderr}`)));
      const check = () => {
        if (roles.every((role) => urls[role])) {
          clearTimeout(timer);
          resolvePromise();
        }
      };
      lines.on('line', (line) => {
        const match = /^(console|audience|unlock): (http:\/\/127\.0\.0\.1:\d+\/\S+)$/.exec(line);
        if (match) urls[match[1]!] = match[2]!;
        check();
      });
      check();
    });
  const opened = printed(['console', 'audience'], options.askPassphrase ? 120_000 : 15_000);
  // Awaited by the test when it needs the console; a shell stopped before then is no failure here.
  opened.catch(() => {});
  await (options.askPassphrase ? printed(['unlock'], 15_000) : opened);
  const exited = new Promise<number | null>((resolvePromise) =>
    child.once('exit', (code) => resolvePromise(code)),
  );
  return {
    get consoleUrl() {
      return urls.console!;
    },
    get audienceUrl() {
      return urls.audience!;
    },
    get unlockUrl() {
      return urls.unlock!;
    },
    port: Number(new URL(urls.console ?? urls.unlock!).port),
    opened,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async advanceClock(ms) {
      const response = await fetch(new URL('/__kiosk/test/clock', urls.console!), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!response.ok) throw new Error(`could not move the shell's clock: ${response.status}`);
      return ((await response.json()) as { now: number }).now;
    },
  };
}

/**
 * What the page bridge does: trades the key in a printed URL's fragment for this run's token of
 * that role, for tests that talk to main directly.
 */
export async function tokenFor(printedUrl: string): Promise<string> {
  const url = new URL(printedUrl);
  const role = url.pathname === '/audience.html' ? 'audience' : 'console';
  const response = await fetch(new URL('/__kiosk/session', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, key: url.hash.replace('#key=', '') }),
  });
  if (!response.ok) throw new Error(`no ${role} token for ${printedUrl}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * A fresh data folder; removing it first checks the records database through a keyed connection,
 * that the sqlite3 tool cannot read it, and that no member's name is in any file of the folder.
 */
export function makeDataDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  return {
    path,
    remove: () => {
      try {
        assertIntegrity(join(path, 'kiosk.sqlite3'));
      } finally {
        rmSync(path, { recursive: true, force: true });
      }
    },
  };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** One value read from a data folder's records through a connection keyed with its key. */
export function readRecords(dataDir: string, sql: string): unknown {
  const db = openKeyed(join(dataDir, 'kiosk.sqlite3'), storedKey(dataDir), { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

/**
 * After the shell has stopped: `PRAGMA integrity_check` answers ok through a connection keyed with
 * the folder's key; the sqlite3 tool, with no key, answers "file is not a database"; and no member
 * name is in the bytes of any file under the folder (records, WAL, shared memory, backups, logs).
 */
export function assertIntegrity(databaseFile: string): void {
  if (!existsSync(databaseFile)) return;
  const dataDir = dirname(databaseFile);
  const db = openKeyed(databaseFile, storedKey(dataDir), { readonly: true });
  let names: string[];
  try {
    const answer = db.pragma('integrity_check', { simple: true });
    if (answer !== 'ok') throw new Error(`integrity_check of ${databaseFile}: ${String(answer)}`);
    names = db.prepare<[], string>('SELECT name FROM members').pluck().all();
  } finally {
    db.close();
  }
  const unkeyed = spawnSync('sqlite3', [databaseFile, 'PRAGMA integrity_check'], {
    encoding: 'utf8',
  });
  if (!/file is not a database/.test(unkeyed.stderr))
    throw new Error(`sqlite3 read ${databaseFile} without its key: ${unkeyed.stdout}`);
  // Names of four letters or more: shorter ones turn up by chance in random bytes.
  const needles = names.filter((name) => name.length >= 4).map((name) => Buffer.from(name));
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file);
    const found = needles.find((needle) => bytes.includes(needle));
    if (found) throw new Error(`The member name “${found.toString()}” is readable in ${file}.`);
  }
}

/** Whatever is in the imported packs' folder, with the upload area's contents (`.uploads/<name>`). */
export function packFolderContents(dataDir: string): string[] {
  const folder = join(dataDir, 'curricula');
  if (!existsSync(folder)) return [];
  const uploads = join(folder, '.uploads');
  return [
    ...readdirSync(folder).filter((name) => name !== '.uploads'),
    ...(existsSync(uploads) ? readdirSync(uploads).map((name) => `.uploads/${name}`) : []),
  ];
}
