import { DownloadShelf } from '../../electron/services/downloads/downloadShelf';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../electron/shell/appProtocol';
import { say } from '../../electron/shared/i18n/phrases';
import { windowPlacementNote } from '../../electron/shared/displays';
import { KeyInterpreter } from '../../electron/shared/keyBindings';
import { openLogFile } from '../../electron/shell/logFile';
import { makeTempDir } from '../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir('kiosk-shell-');
});
afterEach(() => dir.remove());

describe('the main-process log', () => {
  it('rotates by size and keeps a bounded number of older files', () => {
    const log = openLogFile(join(dir.path, 'logs'), { maxBytes: 200, keep: 2 });
    for (let line = 0; line < 40; line += 1) log.write(`line ${line} ${'x'.repeat(20)}`);
    expect(readdirSync(join(dir.path, 'logs')).sort()).toEqual([
      'main.1.log',
      'main.2.log',
      'main.log',
    ]);
    expect(readFileSync(log.path, 'utf8')).toContain('line 39');
    expect(readFileSync(join(dir.path, 'logs', 'main.2.log'), 'utf8')).not.toContain('line 0 ');
  });

  it('never throws, even where it cannot write', () => {
    writeFileSync(join(dir.path, 'logs'), 'a file where the folder should be');
    expect(() => openLogFile(join(dir.path, 'logs')).write('start')).not.toThrow();
  });
});

describe('the app: protocol handler', () => {
  const shelf = new DownloadShelf({ now: () => 0 });
  const roots = () => ({
    rendererDir: join(dir.path, 'renderer'),
    resolveMedia: (path: string) =>
      path === '/media/builtin/a.ogg' ? join(dir.path, 'a.ogg') : null,
    takeDownload: (path: string) => shelf.take(path),
  });
  beforeEach(() => {
    mkdirSync(join(dir.path, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir.path, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'a.ogg'), Buffer.alloc(1000, 1));
  });

  it('streams a build file with its type and the security headers', async () => {
    const response = await serveAppRequest(new Request('app://kiosk/assets/app.js'), roots());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves media ranges from the same origin', async () => {
    const response = await serveAppRequest(
      new Request('app://kiosk/media/builtin/a.ogg', { headers: { Range: 'bytes=10-19' } }),
      roots(),
    );
    expect(response.status).toBe(206);
    expect((await response.arrayBuffer()).byteLength).toBe(10);
  });

  it('hands a document main made to the console once, as an attachment under its name', async () => {
    const download = shelf.offer('séance report.csv', 'text/csv', 'a,b\n1,2\n');
    expect(download).toMatchObject({ fileName: 'séance report.csv', bytes: 8 });
    expect(download.url).toMatch(/^\/downloads\/[0-9a-f]{32}$/);
    const url = `app://kiosk${download.url}`;
    const response = await serveAppRequest(new Request(url), roots());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(response.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''s%C3%A9ance%20report.csv",
    );
    expect(await response.text()).toBe('a,b\n1,2\n');
    expect((await serveAppRequest(new Request(url), roots())).status).toBe(404);
    expect((await serveAppRequest(new Request('app://kiosk/downloads/0'), roots())).status).toBe(
      404,
    );
  });

  it('answers 404 for a missing file, another host or a way out, never a rejection', async () => {
    for (const url of [
      'app://kiosk/assets/missing.js',
      'app://other/assets/app.js',
      'app://kiosk/..%2f..%2fetc/passwd',
      'app://kiosk/media/library/nothing.mp4',
    ]) {
      expect((await serveAppRequest(new Request(url), roots())).status, url).toBe(404);
    }
  });
});

describe('placing windows', () => {
  it('needs the counselor only under native Wayland', () => {
    const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' };
    expect(say(windowPlacementNote('linux', wayland, '')!)).toMatch(/Wayland/);
    expect(windowPlacementNote('linux', wayland, 'x11')).toBeNull();
    expect(windowPlacementNote('linux', { XDG_SESSION_TYPE: 'x11' }, '')).toBeNull();
    expect(say(windowPlacementNote('linux', {}, 'wayland')!)).toMatch(/Wayland/);
    expect(windowPlacementNote('win32', wayland, '')).toBeNull();
    expect(windowPlacementNote('darwin', {}, '')).toBeNull();
  });
});

describe('held keys', () => {
  it('act once: the keyboard’s auto-repeat is ignored', () => {
    const keys = new KeyInterpreter();
    expect(keys.interpret('ArrowRight')).toEqual({ kind: 'command', command: { type: 'next' } });
    expect(keys.interpret('ArrowRight', true)).toBeNull();
    expect(keys.interpret('3', true)).toBeNull();
    expect(keys.pendingNumber).toBe('');
  });
});

describe('npm start without Electron’s binary', () => {
  const launcher = resolve('electron/launcher/electronBinary.mjs');
  const pathFile = resolve('node_modules/electron/path.txt');
  // An unreachable mirror makes the download fail at once, whatever network the machine has.
  const offline = {
    ...process.env,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: '',
  };

  it.skipIf(existsSync(pathFile))(
    'says in one sentence what failed and what to use instead',
    () => {
      const result = spawnSync(process.execPath, [launcher, 'ensure'], {
        encoding: 'utf8',
        env: offline,
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(/^Electron's binary could not be downloaded .*`npm run web`/);
      expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    },
  );

  it.skipIf(existsSync(pathFile))('skips the Electron smoke test with one line and exit 0', () => {
    const result = spawnSync(process.execPath, [launcher, 'smoke'], {
      encoding: 'utf8',
      env: offline,
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^test:electron skipped: /);
  });
});
