import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { call, loadMain, windowsByRole, type LoadedShell } from './harness';

let shell: LoadedShell | null = null;
afterEach(() => {
  shell?.cleanUp();
  shell = null;
});

describe('before ready', () => {
  it('registers app: as a privileged, streaming scheme before the app is ready', async () => {
    shell = await loadMain({}, { ready: false });
    const [scheme] = shell.fake.fakeState().privileged;
    expect(scheme).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    });
    // Nothing that needs `ready` ran yet (the fake throws on early use, as Electron does).
    expect(shell.fake.fakeState().windows).toHaveLength(0);
  });

  it('puts the records in the --kiosk-data folder, or the per-user data folder', async () => {
    shell = await loadMain();
    expect(shell.fake.app.getPath('userData')).toBe(shell.dataDir);
    expect(readdirSync(shell.dataDir)).toContain('kiosk.sqlite3');
    shell.cleanUp();
    shell = await loadMain({ switches: {} });
    expect(shell.fake.app.getPath('userData')).toBe(
      join(process.env.XDG_CONFIG_HOME ?? join(shell.home, '.config'), 'Facilitator Kiosk'),
    );
  });

  it('a data folder that cannot be used ends the start with a plain message', async () => {
    const blocker = join(shellTmp(), 'not-a-folder');
    writeFileSync(blocker, 'a file where the data folder would go');
    shell = await loadMain({ switches: { 'kiosk-data': join(blocker, 'kiosk') } });
    const state = shell.fake.fakeState();
    expect(state.exitCode).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(state.errorBoxes[0]!.content).toMatch(/cannot keep its records in .*not-a-folder/);
  });

  it('a relative --kiosk-data is made absolute', async () => {
    shell = await loadMain({ switches: { 'kiosk-data': 'test-results/relative-kiosk-data' } });
    expect(shell.fake.app.getPath('userData')).toBe(resolve('test-results/relative-kiosk-data'));
    shell.fake.app.quit();
    rmSync(resolve('test-results/relative-kiosk-data'), { recursive: true, force: true });
  });

  it('a second instance quits at once and opens nothing', async () => {
    shell = await loadMain({ lockHeldElsewhere: true });
    const state = shell.fake.fakeState();
    expect(state.quitRequested).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(state.ipcHandlers.size).toBe(0);
  });
});

describe('start', () => {
  it('opens the console focused and the audience inactive, each with the secure preferences', async () => {
    shell = await loadMain({ isPackaged: true, resourcesPath: stagedResources() });
    const { console, audience } = windowsByRole(shell.fake);
    expect(console.loadedUrl).toBe('app://kiosk/console.html');
    expect(audience.loadedUrl).toBe('app://kiosk/audience.html');
    expect(console.loadStatus).toBe(200);
    expect(audience.loadStatus).toBe(200);
    expect(console.isVisible() && console.isFocused()).toBe(true);
    expect(audience.isVisible()).toBe(true);
    expect(audience.isFocused()).toBe(false);
    for (const [window, role] of [
      [console, 'console'],
      [audience, 'audience'],
    ] as const) {
      const prefs = window.contents.webPreferences;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        devTools: false,
        zoomMode: role === 'audience' ? 'disabled' : 'isolated',
      });
      expect(prefs.preload).toBe(resolve('out/preload', `${role}.cjs`));
    }
  });

  it('gives DevTools to an unpackaged run only', async () => {
    shell = await loadMain({ isPackaged: false });
    expect(windowsByRole(shell.fake).console.contents.webPreferences.devTools).toBe(true);
  });

  it('replaces the default menu: no reload, DevTools or close; the audience has none', async () => {
    shell = await loadMain({ isPackaged: true, resourcesPath: stagedResources() });
    const roles = shell.fake.fakeState().applicationMenu!.roles();
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'quit', 'zoomIn']));
    for (const forbidden of ['reload', 'forceReload', 'toggleDevTools', 'close', 'viewMenu']) {
      expect(roles).not.toContain(forbidden);
    }
    expect(windowsByRole(shell.fake).audience.menuRemoved).toBe(true);
  });

  it('finds the built-in packs and the relaxation track in a packaged app', async () => {
    shell = await loadMain({ isPackaged: true, resourcesPath: stagedResources() });
    const { console } = windowsByRole(shell.fake);
    const packs = await call<{ packs: { id: string }[] }>(console, 'packs:list');
    expect(packs.packs.map((pack) => pack.id)).toEqual(
      expect.arrayContaining(['hhrp-group-5', 'harm-reduction-101', 'projector-check']),
    );
    const track = await shell.fake.request('app://kiosk/media/builtin/relaxation-track.ogg');
    expect(track !== 'blocked' && track.status).toBe(200);
  });

  it('a failure at start shows a plain dialog, logs it, and exits instead of lingering', async () => {
    // A records file from a newer version of the kiosk: refused, and left as it is.
    const { home, dataDir } = newerRecords('broken');
    const before = readFileSync(join(dataDir, 'kiosk.sqlite3'));
    shell = await loadMain({ home, switches: { 'kiosk-data': dataDir } });
    const state = shell.fake.fakeState();
    expect(state.exitCode).toBe(1);
    expect(state.windows).toHaveLength(0);
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]!.title).toBe('Facilitator Kiosk could not start');
    expect(state.errorBoxes[0]!.content).toMatch(/newer/i);
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(/could not start/);
    expect(readFileSync(join(dataDir, 'kiosk.sqlite3')).equals(before)).toBe(true);
  });

  it('the failure is worded in the system’s language, before any records say the console’s', async () => {
    const { home, dataDir } = newerRecords('broken-es');
    shell = await loadMain({ home, switches: { 'kiosk-data': dataDir }, locale: 'es-US' });
    const state = shell.fake.fakeState();
    expect(state.exitCode).toBe(1);
    expect(state.errorBoxes).toEqual([
      {
        title: 'Facilitator Kiosk no pudo iniciarse',
        content: expect.stringMatching(
          /^Los registros los escribió una versión más nueva de Facilitator Kiosk \(esquema 999;[^]*No se cambió nada\. Los detalles están en .*main\.log\.$/,
        ),
      },
    ]);
    expect(state.errorBoxes[0]!.content).not.toMatch(/newer|changed/);
    // The log for IT stays in English.
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(
      /could not start: NewerDatabaseError: The records were written by a newer version/,
    );
  });
});

/** A home whose data folder holds records from a newer version of the kiosk (schema 999). */
function newerRecords(name: string): { home: string; dataDir: string } {
  const home = join(shellTmp(), name);
  const dataDir = join(home, 'kiosk-data');
  mkdirSync(dataDir, { recursive: true });
  const newer = new Database(join(dataDir, 'kiosk.sqlite3'));
  newer.pragma('user_version = 999');
  newer.close();
  return { home, dataDir };
}

/** A packaged app's resources folder: `<resourcesPath>/resources`, as electron-builder lays it out. */
function stagedResources(): string {
  const resourcesPath = join(shellTmp(), 'Resources');
  mkdirSync(resourcesPath, { recursive: true });
  writeFileSync(join(resourcesPath, 'app.asar'), '');
  try {
    mkdirSync(join(resourcesPath, 'resources'));
  } catch {
    // already staged
  }
  copyTree(resolve('resources'), join(resourcesPath, 'resources'));
  return resourcesPath;
}

let tmpRoot: string | null = null;
function shellTmp(): string {
  tmpRoot ??= join(resolve('test-results'), `shell-${process.pid}`);
  mkdirSync(tmpRoot, { recursive: true });
  return tmpRoot;
}

function copyTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target, { recursive: true });
      copyTree(source, target);
    } else {
      writeFileSync(target, readFileSync(source));
    }
  }
}
