import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../electron/core/kioskCore';
import { startWebShell, type WebShell } from '../../electron/web/server';
import { makeTempDir } from '../helpers/tempDir';

let dir: ReturnType<typeof makeTempDir>;
let core: KioskCore;
let shell: WebShell;
let base: string;

async function tokenOf(page: 'console' | 'audience'): Promise<string> {
  const html = await (await fetch(`${base}/${page}.html`)).text();
  return /name="kiosk-token" content="([0-9a-f]+)"/.exec(html)![1]!;
}

function invoke(token: string, body: unknown) {
  return fetch(`${base}/__kiosk/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Raw request, so the Host and Origin headers can be forged as another site would. */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: shell.port, path, headers }, (res) => {
      res.resume();
      resolvePromise(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeEach(async () => {
  dir = makeTempDir();
  const rendererDir = join(dir.path, 'renderer');
  mkdirSync(rendererDir);
  for (const page of ['console', 'audience']) {
    writeFileSync(
      join(rendererDir, `${page}.html`),
      `<!doctype html><html><head></head><body>${page}</body></html>`,
    );
  }
  core = createKioskCore({ dataDir: join(dir.path, 'data'), resourcesDir: resolve('resources') });
  shell = await startWebShell({ core, rendererDir, port: 0 });
  base = `http://127.0.0.1:${shell.port}`;
});

afterEach(async () => {
  await shell.close();
  core.close();
  dir.remove();
});

describe('browser shell', () => {
  it('refuses to listen on anything but loopback', async () => {
    await expect(startWebShell({ core, rendererDir: dir.path, host: '0.0.0.0' })).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0/,
    );
  });

  it('prints loopback URLs for both pages', () => {
    expect(shell.consoleUrl).toBe(`${base}/console.html`);
    expect(shell.audienceUrl).toBe(`${base}/audience.html`);
  });

  it('injects the bridge and a role token into each page', async () => {
    const html = await (await fetch(`${base}/console.html`)).text();
    expect(html).toMatch(
      /<head><meta name="kiosk-token" content="[0-9a-f]{48}"><script type="module" src="\/web-bridge.js">/,
    );
    expect(await tokenOf('console')).not.toBe(await tokenOf('audience'));
  });

  it('sends the CSP on every response', async () => {
    const response = await fetch(`${base}/console.html`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('runs commands for the console and refuses them from the audience', async () => {
    const consoleResult = await (
      await invoke(await tokenOf('console'), { channel: 'show:next', args: {} })
    ).json();
    expect(consoleResult).toMatchObject({ ok: true, value: { current: { number: 2 } } });
    const audienceResult = await (
      await invoke(await tokenOf('audience'), { channel: 'show:next', args: {} })
    ).json();
    expect(audienceResult).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const view = await (
      await invoke(await tokenOf('audience'), { channel: 'show:audienceView', args: {} })
    ).json();
    expect(view).toMatchObject({ ok: true, value: { slide: { number: 2 } } });
  });

  it('answers a stale or missing token with 401 and malformed bodies with 400', async () => {
    expect((await invoke('not-a-token', { channel: 'show:next' })).status).toBe(401);
    const bad = await invoke(await tokenOf('console'), '{not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('rejects requests for another host name or from another origin', async () => {
    expect(await rawGet('/console.html', { Host: 'evil.example:80' })).toBe(403);
    expect(
      await rawGet('/console.html', {
        Host: `127.0.0.1:${shell.port}`,
        Origin: 'http://evil.example',
      }),
    ).toBe(403);
    expect(await rawGet('/console.html', { Host: `localhost:${shell.port}` })).toBe(200);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect(await rawGet('/../data/kiosk.sqlite3', { Host: `127.0.0.1:${shell.port}` })).toBe(404);
    expect(await rawGet('/%2e%2e/data/kiosk.sqlite3', { Host: `127.0.0.1:${shell.port}` })).toBe(
      404,
    );
  });

  it("pushes each window only its role's events", async () => {
    const read = async (token: string) => {
      const controller = new AbortController();
      const response = await fetch(`${base}/__kiosk/events?token=${token}`, {
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      return { reader, controller };
    };
    const audience = await read(await tokenOf('audience'));
    const consoleStream = await read(await tokenOf('console'));
    await invoke(await tokenOf('console'), { channel: 'show:next', args: {} });

    const collect = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
      let text = '';
      while (!text.includes('show:audienceView'))
        text += new TextDecoder().decode((await reader.read()).value);
      return text;
    };
    const audienceText = await collect(audience.reader);
    const consoleText = await collect(consoleStream.reader);
    expect(consoleText).toContain('"event":"show:consoleView"');
    expect(audienceText).not.toContain('show:consoleView');
    expect(audienceText).not.toContain('notes');
    audience.controller.abort();
    consoleStream.controller.abort();
  });
});
