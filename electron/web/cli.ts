/** `npm run web -- --port <n> --data <dir> [--host 127.0.0.1]`: the browser shell's entry point. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ManualClock } from '../core/clock';
import { createKioskCore } from '../core/kioskCore';
import { StartupError } from '../db/startupError';
import { defaultDataDir } from '../shell/paths';
import { startWebShell } from './server';

function fail(message: string): never {
  process.stderr.write(`kiosk web: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { port?: string; data?: string; host?: string; 'fake-clock'?: string };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        host: { type: 'string' },
        'fake-clock': { type: 'string' },
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

  let core;
  try {
    core = createKioskCore({
      dataDir,
      clock: manualClock,
      resourcesDir: resolve(outDir, '..', 'resources'),
      log: (message) => process.stderr.write(`${message}\n`),
      shellName: 'browser shell',
    });
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`kiosk web: (for IT) ${error.detail}\n`);
      fail(error.message);
    }
    throw error;
  }
  let shell;
  try {
    shell = await startWebShell({
      core,
      rendererDir: resolve(outDir, 'renderer'),
      host: values.host,
      port,
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

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
