/**
 * What every benchmark needs around the app: temp folders and browser-shell processes that are
 * always cleaned up (also when a metric throws or the run is interrupted), and the repo's paths.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const RESOURCES_DIR = join(REPO, 'resources');
export const GROUP_FIVE_DIR = join(RESOURCES_DIR, 'curricula', 'hhrp-group-5');
export const RENDERER_DIR = join(REPO, 'out', 'renderer');
const WEB_ENTRY = join(REPO, 'out', 'main', 'web.js');

/** 18:00 UTC on a weekday evening, as in the end-to-end tests' fake clock. */
export const GROUP_START = Date.UTC(2026, 10, 24, 18, 0, 0);

const tempDirs = new Set<string>();
const children = new Set<ChildProcess>();

/**
 * A detached watcher that outlives this process: it hears of every temp folder and shell made,
 * and when its stdin closes (this process ended, even by SIGKILL: tsx kills a child that is busy
 * in synchronous work when Ctrl-C comes) it kills the shells left and removes the folders left.
 */
const REAPER = `
const { rmSync } = require('node:fs');
const dirs = new Set();
const pids = new Set();
let buffer = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  for (let end = buffer.indexOf('\\n'); end >= 0; end = buffer.indexOf('\\n')) {
    const line = buffer.slice(0, end);
    buffer = buffer.slice(end + 1);
    const space = line.indexOf(' ');
    const op = line.slice(0, space);
    const arg = line.slice(space + 1);
    if (op === 'dir') dirs.add(arg);
    if (op === 'undir') dirs.delete(arg);
    if (op === 'pid') pids.add(Number(arg));
    if (op === 'unpid') pids.delete(Number(arg));
  }
});
process.stdin.on('end', () => {
  for (const pid of pids) {
    try { process.kill(pid, 'SIGKILL'); } catch {}
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
`;
let reaper: ChildProcess | null = null;

function tellReaper(line: string): void {
  if (!reaper) {
    // Its own process group, so the Ctrl-C that stops the benchmark does not stop it too.
    reaper = spawn(process.execPath, ['-e', REAPER], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    reaper.unref();
    (reaper.stdin as unknown as { unref(): void }).unref();
    // If the watcher is gone, the benchmark still cleans up after itself; nothing to report.
    reaper.stdin!.on('error', () => undefined);
  }
  if (!reaper.stdin!.writableEnded) reaper.stdin!.write(`${line}\n`);
}

/** Progress goes to stderr so stdout carries only the JSON lines and the table. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function makeTempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), `kiosk-bench-${prefix}-`));
  tempDirs.add(path);
  tellReaper(`dir ${path}`);
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
      tempDirs.delete(path);
      tellReaper(`undir ${path}`);
    },
  };
}

/** Last-resort cleanup: synchronous, so it also runs from process.on('exit'). */
export function cleanUpEverything(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
  for (const path of tempDirs) rmSync(path, { recursive: true, force: true });
  tempDirs.clear();
  // Nothing is left for the watcher; closing its stdin lets it exit.
  if (reaper?.stdin && !reaper.stdin.writableEnded) reaper.stdin.end();
}

/** The benchmark measures the production build; it builds once when there is none. */
export function ensureBuilt(): void {
  if (existsSync(WEB_ENTRY)) return;
  log('out/main/web.js is missing: running electron-vite build');
  const result = spawnSync(join(REPO, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: REPO,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0 || !existsSync(WEB_ENTRY)) {
    throw new Error(`electron-vite build failed (exit ${result.status})`);
  }
}

export interface Shell {
  readonly origin: string;
  readonly consoleUrl: string;
  readonly audienceUrl: string;
  /** Moves main's fake clock (only for shells started with a fake clock). */
  advanceClock(ms: number): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `node out/main/web.js --port 0 --data <dir>` and waits for its two URL lines. */
export async function startShell(
  dataDir: string,
  fakeClock?: number,
  /** Pins the shell to these CPUs (`taskset -c`), so a client can be given the others. */
  cpus?: string,
): Promise<Shell> {
  const args = [WEB_ENTRY, '--port', '0', '--data', dataDir];
  if (fakeClock !== undefined) args.push('--fake-clock', String(fakeClock));
  const [command, commandArgs] =
    cpus === undefined
      ? [process.execPath, args]
      : ['taskset', ['-c', cpus, process.execPath, ...args]];
  const child = spawn(command, commandArgs, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  if (child.pid !== undefined) tellReaper(`pid ${child.pid}`);
  const forget = () => {
    children.delete(child);
    if (child.pid !== undefined) tellReaper(`unpid ${child.pid}`);
  };
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  const urls: Record<string, string> = {};
  try {
    await new Promise<void>((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`web shell did not start: ${stderr}`)),
        20_000,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`web shell exited (${code}): ${stderr}`));
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /^(console|audience): (http:\/\/127\.0\.0\.1:\d+\/\S+)$/.exec(line);
        if (match) urls[match[1]!] = match[2]!;
        if (urls.console && urls.audience) {
          clearTimeout(timer);
          resolvePromise();
        }
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    forget();
    throw error;
  }
  const origin = new URL(urls.console!).origin;
  return {
    origin,
    consoleUrl: urls.console!,
    audienceUrl: urls.audience!,
    async advanceClock(ms) {
      const response = await fetch(`${origin}/__kiosk/test/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
      if (!response.ok) throw new Error(`could not move the shell's clock: ${response.status}`);
      return ((await response.json()) as { now: number }).now;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM closes the database cleanly; SIGKILL if it does not go within 5 s.
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      forget();
    },
  };
}

/** Runs `use` with a fresh data folder and a shell on it; both are gone afterwards. */
export async function withShell<T>(
  prefix: string,
  use: (shell: Shell) => Promise<T>,
  fakeClock?: number,
  cpus?: string,
): Promise<T> {
  const data = makeTempDir(prefix);
  try {
    const shell = await startShell(data.path, fakeClock, cpus);
    try {
      return await use(shell);
    } finally {
      await shell.stop();
    }
  } finally {
    data.remove();
  }
}
