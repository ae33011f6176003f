import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../electron/core/kioskCore';
import { startWebShell, type WebShell } from '../../../electron/web/server';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';
import { makeTempDir } from '../../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let core: KioskCore;
let shell: WebShell;
let rendererDir: string;
const keysFile = () => join(dir.path, 'data', 'browser-shell-keys.json');
const base = () => `http://127.0.0.1:${shell.port}`;
const keyIn = (url: string) => new URL(url).hash.replace('#key=', '');

async function startShell() {
  shell = await startWebShell({ core, rendererDir, port: 0, keysFile: keysFile() });
}

beforeEach(async () => {
  dir = makeTempDir();
  rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  for (const page of ['console', 'audience'])
    writeFileSync(join(rendererDir, `${page}.html`), '<!doctype html><html><head></head></html>');
  writePack(join(dir.path, 'data', 'curricula', 'mini'), {
    'pack.yaml': MINIMAL_PACK,
    'evil.html': '<script>fetch("/console.html")</script>',
    'evil.js': 'fetch("/console.html")',
    'evil.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  });
  core = createKioskCore({ dataDir: join(dir.path, 'data'), resourcesDir: resolve('resources') });
  await startShell();
});
afterEach(async () => {
  await shell.close();
  core.close();
  dir.remove();
});

const claim = (role: string, key: unknown) =>
  fetch(`${base()}/__kiosk/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, key }),
  });

describe('the console token in the browser shell', () => {
  it('is not handed to whoever GETs the console page', async () => {
    for (const page of ['console', 'audience']) {
      const html = await (await fetch(`${base()}/${page}.html`)).text();
      expect(html).not.toMatch(/kiosk-token|[0-9a-f]{40}/);
    }
  });

  it('goes only to a page holding the key of the printed console URL', async () => {
    const audienceKey = keyIn(shell.audienceUrl);
    for (const key of [audienceKey, '', 'guess', keyIn(shell.consoleUrl).replace(/.$/, '0'), 42]) {
      if (key === keyIn(shell.consoleUrl)) continue;
      expect((await claim('console', key)).status).toBe(401);
    }
    // The audience page (where a pack's file would be shown) gets only the audience role.
    const audience = (await (await claim('audience', audienceKey)).json()) as { token: string };
    const asConsole = await fetch(`${base()}/__kiosk/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': audience.token },
      body: JSON.stringify({ channel: 'records:lockStatus', args: {} }),
    });
    expect(await asConsole.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const granted = await claim('console', keyIn(shell.consoleUrl));
    expect(granted.status).toBe(200);
  });

  it('keeps the printed addresses across restarts, so open pages find their way back', async () => {
    const printed = shell.consoleUrl.replace(/:\d+\//, ':PORT/');
    await shell.close();
    await startShell();
    expect(shell.consoleUrl.replace(/:\d+\//, ':PORT/')).toBe(printed);
  });

  it('pack files that could run script are not served from the kiosk origin', async () => {
    for (const file of ['evil.html', 'evil.js', 'evil.svg', 'pack.yaml']) {
      const response = await fetch(`${base()}/media/packs/mini-pack/${file}`);
      expect(response.status, file).toBe(404);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      await response.arrayBuffer();
    }
    const track = await fetch(`${base()}/media/builtin/relaxation-track.ogg`, {
      headers: { Range: 'bytes=0-9' },
    });
    expect(track.headers.get('content-security-policy')).toMatch(/sandbox/);
    await track.arrayBuffer();
  });
});
