/**
 * `npm run web -- --port <n> --data <dir> [--host 127.0.0.1] [--passphrase-file <file> |
 * --ask-passphrase] [--recovery-key-file <file>]`: the browser shell's entry point.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ManualClock, systemClock } from '../shared/clock';
import { createKioskCore, DATABASE_FILE_NAME } from '../core/kioskCore';
import { createUnlockRouter } from '../core/unlockRouter';
import { passphraseWrapping } from '../db/passphraseWrapping';
import { ownerOnlyFileWrapping, type KeyWrapping } from '../db/recordsKey';
import { StartupError } from '../db/startupError';
import { say } from '../shared/i18n/phrases';
import { PassphraseGate, type Unlocked } from '../services/access/passphraseGate';
import { systemLanguage } from '../services/settings/consoleLanguage';
import { defaultDataDir } from '../shell/paths';
import { startWebShell } from './server';

function fail(message: string): never {
  process.stderr.write(`kiosk web: ${message}\n`);
  process.exit(2);
}

/** A start-up error in the system's language (no records, so no console language, are open yet). */
function startupMessage(error: StartupError): string {
  return say(error.words, systemLanguage());
}

const ASKED_WHY = 'the browser shell was started with --ask-passphrase';

/**
 * `--ask-passphrase`: before the records open, the shell serves only the passphrase page (the
 * desktop app's passphrase window) and prints its address; once it unlocks, the show's pages
 * follow on the same port.
 */
async function askOnPage(
  dataDir: string,
  rendererDir: string,
  host: string | undefined,
  port: number,
): Promise<Unlocked & { port: number }> {
  const gate = new PassphraseGate(
    dataDir,
    join(dataDir, DATABASE_FILE_NAME),
    ASKED_WHY,
    systemClock,
  );
  // A damaged key file is a StartupError before anything is served.
  gate.view();
  let unlockedWith: (unlocked: Unlocked) => void = () => {};
  const unlocked = new Promise<Unlocked>((resolvePromise) => (unlockedWith = resolvePromise));
  const page = await startWebShell({
    core: {
      router: createUnlockRouter(
        gate,
        (result) => unlockedWith(result),
        (message) => process.stderr.write(`${message}\n`),
      ),
      onEvent: () => () => {},
      audienceKey: () => {},
      resolveMedia: () => null,
      takeDownload: () => null,
    },
    pages: 'unlock',
    rendererDir,
    host,
    port,
  });
  process.stdout.write(`unlock: ${page.unlockUrl}\n`);
  const result = await unlocked;
  // Let the page's answer leave before this server closes.
  await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  await page.close();
  return { ...result, port: page.port };
}

async function main(): Promise<void> {
  let values: {
    port?: string;
    data?: string;
    host?: string;
    'fake-clock'?: string;
    'slow-jobs'?: string;
    'passphrase-file'?: string;
    'recovery-key-file'?: string;
    'ask-passphrase'?: boolean;
  };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        host: { type: 'string' },
        'fake-clock': { type: 'string' },
        'slow-jobs': { type: 'string' },
        'passphrase-file': { type: 'string' },
        'recovery-key-file': { type: 'string' },
        'ask-passphrase': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\nusage: npm run web -- --port <n> --data <dir>`);
  }
  const port = Number(values.port ?? '5178');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`--port must be 0–65535, not ${values.port}`);
  const dataDir = resolve(values.data ?? defaultDataDir(process.platform, process.env, homedir()));
  const outDir = resolve(import.meta.dirname, '..');

  let manualClock: ManualClock | undefined;
  if (values['fake-clock'] !== undefined) {
    const start = /^\d+$/.test(values['fake-clock'])
      ? Number(values['fake-clock'])
      : Date.parse(values['fake-clock']);
    if (Number.isNaN(start))
      fail(`--fake-clock needs an ISO time or epoch milliseconds, not ${values['fake-clock']}`);
    manualClock = new ManualClock(start);
    process.stderr.write('kiosk web: using a fake clock (tests only)\n');
  }

  const jobPaceMs = Number(values['slow-jobs'] ?? '0');
  if (!Number.isInteger(jobPaceMs) || jobPaceMs < 0)
    fail(`--slow-jobs needs milliseconds per step, not ${values['slow-jobs']}`);
  if (jobPaceMs > 0) process.stderr.write('kiosk web: slowing every job step (tests only)\n');
  const firstLine = (option: 'passphrase-file' | 'recovery-key-file'): string | undefined => {
    const path = values[option];
    if (path === undefined) return undefined;
    try {
      return readFileSync(path, 'utf8').split(/\r?\n/)[0]!;
    } catch (error) {
      fail(`--${option} ${path}: ${(error as Error).message}`);
    }
  };

  if (values['ask-passphrase'] && values['passphrase-file'] !== undefined)
    fail('give either --ask-passphrase or --passphrase-file, not both');
  const rendererDir = resolve(outDir, 'renderer');
  let core;
  let listenOn = port;
  try {
    let keyWrapping: KeyWrapping;
    let recoveryKey = firstLine('recovery-key-file');
    if (values['ask-passphrase']) {
      const unlocked = await askOnPage(dataDir, rendererDir, values.host, port);
      keyWrapping = unlocked.keyWrapping;
      recoveryKey = unlocked.recoveryKey ?? recoveryKey;
      listenOn = unlocked.port;
    } else {
      const passphrase = firstLine('passphrase-file');
      keyWrapping =
        passphrase === undefined
          ? ownerOnlyFileWrapping()
          : passphraseWrapping(passphrase, 'given to the browser shell with --passphrase-file');
    }
    core = createKioskCore({
      dataDir,
      keyWrapping,
      recoveryKey,
      clock: manualClock,
      resourcesDir: resolve(outDir, '..', 'resources'),
      log: (message) => process.stderr.write(`${message}\n`),
      shellName: 'browser shell',
      jobPaceMs,
    });
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`kiosk web: (for IT) ${error.detail}\n`);
      fail(startupMessage(error));
    }
    throw error;
  }
  let shell;
  try {
    shell = await startWebShell({
      core,
      rendererDir,
      host: values.host,
      port: listenOn,
      manualClock,
      keysFile: join(dataDir, 'browser-shell-keys.json'),
    });
  } catch (error) {
    core.close();
    fail((error as Error).message);
  }
  process.stdout.write(`console: ${shell.consoleUrl}\naudience: ${shell.audienceUrl}\n`);
  process.stderr.write(`kiosk web: records in ${core.databaseFile}\n`);

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void shell.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) =>
  fail(
    error instanceof StartupError
      ? startupMessage(error)
      : error instanceof Error
        ? error.message
        : String(error),
  ),
);
