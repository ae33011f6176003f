import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/kioskCore';
import { DataFolderInUseError } from '../../../electron/db/dataFolderLock';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let dataDir: string;
const open: KioskCore[] = [];
let holder: ChildProcess | null = null;

beforeEach(() => {
  dir = makeTempDir();
  dataDir = join(dir.path, 'data');
});
afterEach(() => {
  for (const core of open.splice(0)) core.close();
  holder?.kill('SIGKILL');
  holder = null;
  dir.remove();
});

const start = (shellName?: string) => {
  const core = createKioskCore({ dataDir, resourcesDir: resolve('resources'), shellName });
  open.push(core);
  return core;
};

function refusal(run: () => unknown): DataFolderInUseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataFolderInUseError);
    return error as DataFolderInUseError;
  }
  throw new Error('the second kiosk started on the same data folder');
}

/** Another process that takes the data folder's lock the way the desktop app does, then waits. */
async function otherProcessHoldingTheFolder(): Promise<ChildProcess> {
  const module = resolve('electron/db/dataFolderLock.ts');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import { mkdirSync } from 'node:fs';
       const { lockDataFolder } = await import(${JSON.stringify(module)});
       mkdirSync(${JSON.stringify(dataDir)}, { recursive: true });
       lockDataFolder(${JSON.stringify(dataDir)}, 'desktop app', Date.now());
       console.log('holding');
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  expect(line).toBe('holding');
  return child;
}

describe('two kiosks on one data folder', () => {
  it('the second says which shell and process holds it and stops; the first carries on', async () => {
    const first = start('browser shell');
    const error = refusal(() => start('desktop app'));
    expect(error.message).toMatch(
      new RegExp(`already open in the browser shell \\(process ${process.pid}, since .+\\)`),
    );
    expect(error.holder).toMatchObject({ pid: process.pid, shell: 'browser shell' });
    expect(await first.router.dispatch('session:consoleView', {}, 'console')).toMatchObject({
      ok: true,
    });
    first.close();
    open.splice(0);
    expect(() => start()).not.toThrow();
  });

  it('another process holding it is named, and its crash (SIGKILL) frees the folder', async () => {
    holder = await otherProcessHoldingTheFolder();
    const error = refusal(() => start('browser shell'));
    expect(error.message).toContain(`already open in the desktop app (process ${holder.pid}`);

    holder.kill('SIGKILL');
    await once(holder, 'exit');
    holder = null;
    const core = start('browser shell');
    expect(await core.router.dispatch('session:consoleView', {}, 'console')).toMatchObject({
      ok: true,
    });
  });
});
