/**
 * Launches the built app, then the unpacked package from `electron-builder --dir`, with a fresh
 * data folder each, and checks what only a real Electron can show: both windows load with no
 * console or CSP error, a caption track loads on the projector, seeking works in the moov-at-end
 * video, and closing the console quits.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { bindVignettesWithCaptions, expectCaptionsLoadOnProjector } from '../e2e/support/captions';
import { AudiencePage, ConsolePage } from '../e2e/support/pages';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** electron/launcher/electronBinary.mjs packages it into dist/smoke with the inspector fuse on. */
function unpackedExecutable(): string {
  const dist = join(ROOT, 'dist', 'smoke');
  if (process.platform === 'win32') return join(dist, 'win-unpacked', 'Facilitator Kiosk.exe');
  if (process.platform === 'darwin') {
    const folder = process.arch === 'arm64' ? 'mac-arm64' : 'mac';
    return join(
      ROOT,
      'dist',
      folder,
      'Facilitator Kiosk.app',
      'Contents',
      'MacOS',
      'Facilitator Kiosk',
    );
  }
  return join(dist, 'linux-unpacked', 'facilitator-kiosk');
}

const TARGETS = [
  { name: 'the built app', executablePath: undefined, args: [ROOT] },
  { name: 'the unpacked package', executablePath: unpackedExecutable(), args: [] },
];

async function windowsOf(app: ElectronApplication): Promise<{ console: Page; audience: Page }> {
  await expect.poll(() => app.windows().length, { timeout: 20_000 }).toBe(2);
  const byPage = (name: string) =>
    app.windows().find((page) => page.url().endsWith(`/${name}.html`))!;
  return { console: byPage('console'), audience: byPage('audience') };
}

for (const target of TARGETS) {
  test.describe(target.name, () => {
    let dataDir: string;
    let app: ElectronApplication;
    const problems: string[] = [];

    test.beforeEach(async () => {
      test.skip(
        target.executablePath !== undefined && !existsSync(target.executablePath),
        'no unpacked package (electron-builder --dir)',
      );
      problems.length = 0;
      dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
      app = await electron.launch({
        executablePath: target.executablePath,
        args: [...target.args, `--kiosk-data=${dataDir}`],
      });
      const watch = (page: Page) => {
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      };
      // Windows that opened before this listener are in app.windows(); reloading them below
      // replays anything they logged meanwhile.
      app.on('window', watch);
      app.windows().forEach(watch);
    });

    test.afterEach(async () => {
      await app?.close().catch(() => undefined);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('both windows load with no console or CSP error; captions and seeking work; closing the console quits', async () => {
      const windows = await windowsOf(app);
      await Promise.all([windows.console.reload(), windows.audience.reload()]);
      const console = new ConsolePage(windows.console);
      const audience = new AudiencePage(windows.audience);
      await expect(console.page.getByRole('tab', { name: 'Run session' })).toBeVisible();
      await bindVignettesWithCaptions(console);
      await expectCaptionsLoadOnProjector(console, audience);

      for (const target of [100, 12, 75]) {
        await console.page.evaluate(
          (positionMs) => window.kiosk.invoke('session:command', { type: 'videoSeek', positionMs }),
          target * 1000,
        );
        await expect
          .poll(() =>
            audience.page.evaluate(() => {
              const video = document.querySelector<HTMLVideoElement>(
                '[data-testid="audience-video"]',
              )!;
              return video.readyState >= 2 ? Math.round(video.currentTime) : null;
            }),
          )
          .toBe(target);
      }
      expect(problems).toEqual([]);

      const exited = new Promise<void>((resolveExit) =>
        app.process().once('exit', () => resolveExit()),
      );
      // As the counselor's ✕ does: the console's BrowserWindow closes, and the app must quit.
      await app.evaluate(({ BrowserWindow }) => {
        BrowserWindow.getAllWindows()
          .find((window) => window.webContents.getURL().endsWith('/console.html'))
          ?.close();
      });
      await exited;
    });
  });
}
