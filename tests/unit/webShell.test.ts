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

const keyOf = (role: 'console' | 'audience') =>
  new URL(role === 'console' ? shell.consoleUrl : shell.audienceUrl).hash.replace('#key=', '');

function openSession(role: string, key: string) {
  return fetch(`${base}/__kiosk/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, key }),
  });
}

/** What the bridge does: trade the printed URL's key for this run's token. */
async function tokenOf(role: 'console' | 'audience'): Promise<string> {
  return ((await (await openSession(role, keyOf(role))).json()) as { token: string }).token;
}

function invoke(token: string, body: unknown) {
  return fetch(`${base}/__kiosk/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function startSession() {
  return invoke(await tokenOf('console'), {
    channel: 'session:start',
    args: {
      packId: 'projector-check',
      cohortName: 'Tuesday group',
      facilitators: ['Riley'],
      timeKeeper: null,
    },
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
    expect(shell.consoleUrl).toMatch(new RegExp(`^${base}/console\\.html#key=[0-9a-f]{64}$`));
    expect(shell.audienceUrl).toMatch(new RegExp(`^${base}/audience\\.html#key=[0-9a-f]{64}$`));
    expect(keyOf('console')).not.toBe(keyOf('audience'));
  });

  it('injects the bridge and the role into each page, but no token', async () => {
    const html = await (await fetch(`${base}/console.html`)).text();
    expect(html).toMatch(
      /<head><meta name="kiosk-role" content="console"><script type="module" src="\/web-bridge.js">/,
    );
    expect(html).not.toMatch(/token|[0-9a-f]{48}/);
    expect(await tokenOf('console')).not.toBe(await tokenOf('audience'));
  });

  it('sends the CSP on every response', async () => {
    const response = await fetch(`${base}/console.html`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('runs commands for the console and refuses them from the audience', async () => {
    const consoleResult = await (await startSession()).json();
    expect(consoleResult).toMatchObject({
      ok: true,
      value: { session: { packId: 'projector-check' } },
    });
    const audienceResult = await (
      await invoke(await tokenOf('audience'), {
        channel: 'session:command',
        args: { type: 'next' },
      })
    ).json();
    expect(audienceResult).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const view = await (
      await invoke(await tokenOf('audience'), { channel: 'session:audienceView', args: {} })
    ).json();
    expect(view).toMatchObject({
      ok: true,
      value: { screen: { kind: 'slide', slide: { number: 1 } } },
    });
  });

  it('answers a stale or missing token with 401 and malformed bodies with 400', async () => {
    expect((await invoke('not-a-token', { channel: 'session:consoleView' })).status).toBe(401);
    const bad = await invoke(await tokenOf('console'), '{not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('forwards keys from the audience page only, and moves the session', async () => {
    await startSession();
    const key = (token: string, body: unknown) =>
      fetch(`${base}/__kiosk/key`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
        body: JSON.stringify(body),
      });
    expect((await key(await tokenOf('console'), { key: 'ArrowRight' })).status).toBe(401);
    expect((await key(await tokenOf('audience'), { key: 42 })).status).toBe(400);
    expect((await key(await tokenOf('audience'), { key: 'ArrowRight' })).status).toBe(200);
    const view = await (
      await invoke(await tokenOf('audience'), { channel: 'session:audienceView', args: {} })
    ).json();
    expect(view).toMatchObject({ value: { screen: { slide: { number: 2 } } } });
  });

  it('serves media with ranges: 206 with Content-Range, 416 past the end, 200 with Accept-Ranges', async () => {
    const url = `${base}/media/packs/hhrp-group-5/media/negotiation-vignettes.mp4`;
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    const size = Number(whole.headers.get('content-length'));
    await whole.arrayBuffer();
    const part = await fetch(url, { headers: { Range: 'bytes=100-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(1000);
    const tail = await fetch(url, { headers: { Range: `bytes=${size - 8}-` } });
    expect(tail.status).toBe(206);
    expect((await tail.arrayBuffer()).byteLength).toBe(8);
    const beyond = await fetch(url, { headers: { Range: `bytes=${size + 10}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('serves media only from the library and the packs, rejecting path traversal', async () => {
    for (const path of [
      '/media/packs/hhrp-group-5/../../../package.json',
      '/media/packs/hhrp-group-5/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/media/packs/hhrp-group-5/..%2f..%2f..%2fpackage.json',
      '/media/library/../kiosk.sqlite3',
      '/media/builtin/..%2f..%2fpackage.json',
      '/media/elsewhere/file.mp4',
    ]) {
      expect(await rawGet(path, { Host: `127.0.0.1:${shell.port}` }), path).toBe(404);
    }
    expect(
      await rawGet('/media/builtin/relaxation-track.ogg', { Host: `127.0.0.1:${shell.port}` }),
    ).toBe(200);
  });

  it('has no test clock unless started with a fake clock', async () => {
    const response = await fetch(`${base}/__kiosk/test/clock`, {
      method: 'POST',
      body: '{"advanceMs": 1}',
    });
    expect(response.status).toBe(404);
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
    await startSession();

    const collect = async (reader: ReadableStreamDefaultReader<Uint8Array>) => {
      let text = '';
      while (!text.includes('session:audience'))
        text += new TextDecoder().decode((await reader.read()).value);
      return text;
    };
    const audienceText = await collect(audience.reader);
    const consoleText = await collect(consoleStream.reader);
    expect(consoleText).toContain('"event":"session:console"');
    expect(consoleText).toContain('Check that the projector shows this slide');
    expect(audienceText).not.toContain('session:console');
    expect(audienceText).not.toContain('Check that the projector');
    expect(audienceText).not.toContain('Riley');
    audience.controller.abort();
    consoleStream.controller.abort();
  });
});
