import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, loadMain, windowsByRole, type LoadedShell } from './harness';
import type { FakeBrowserWindow } from './fakeElectron';

let shell: LoadedShell | null = null;
afterEach(() => {
  shell?.cleanUp();
  shell = null;
});

const RENDERER = resolve('out/renderer');

interface LibraryView {
  packs: { media: { mediaId: string; src: string | null; captionsSrc: string | null }[] }[];
}

/** Every file the built pages load: scripts, styles, preloads, and what the styles point at. */
function referencedAssets(): string[] {
  const found = new Set<string>();
  for (const page of ['console.html', 'audience.html']) {
    const html = readFileSync(join(RENDERER, page), 'utf8');
    for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      if (!match[1]!.startsWith('data:')) found.add(new URL(match[1]!, 'app://kiosk/').pathname);
    }
  }
  for (const css of readdirSync(join(RENDERER, 'assets')).filter((name) => name.endsWith('.css'))) {
    const text = readFileSync(join(RENDERER, 'assets', css), 'utf8');
    for (const match of text.matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
      if (!match[1]!.startsWith('data:'))
        found.add(new URL(match[1]!, `app://kiosk/assets/${css}`).pathname);
    }
  }
  return [...found];
}

async function get(shell: LoadedShell, url: string, init?: RequestInit): Promise<Response> {
  const response = await shell.fake.request(url, init);
  if (response === 'blocked') throw new Error(`${url} was blocked by the request filter`);
  return response;
}

async function upload(window: FakeBrowserWindow, path: string, name: string, mime: string) {
  const bytes = readFileSync(path);
  const { uploadId } = await call<{ uploadId: string }>(window, 'media:beginUpload', {
    name,
    size: bytes.length,
    mime,
  });
  const chunk = 3 * 1024 * 1024;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await call(window, 'media:uploadChunk', {
      uploadId,
      offset,
      data: bytes.subarray(offset, offset + chunk).toString('base64'),
    });
  }
  return uploadId;
}

describe.each([
  ['net.fetch bypasses webRequest (Electron today)', false],
  ['net.fetch passes through webRequest (as documented)', true],
])('the app: protocol, when %s', (_label, netFetchUsesWebRequest) => {
  it('serves both pages and every asset they reference, each with the CSP header', async () => {
    shell = await loadMain({ netFetchUsesWebRequest });
    const { console, audience } = windowsByRole(shell.fake);
    expect(console.loadStatus).toBe(200);
    expect(audience.loadStatus).toBe(200);
    const assets = referencedAssets();
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const path of ['/console.html', '/audience.html', ...assets]) {
      const response = await get(shell, `app://kiosk${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-type'), path).not.toBe('application/octet-stream');
    }
  });

  it('answers a missing asset, another host, a way out of the build and a POST plainly', async () => {
    shell = await loadMain({ netFetchUsesWebRequest });
    expect((await get(shell, 'app://kiosk/assets/missing.js')).status).toBe(404);
    expect(
      (await get(shell, 'app://elsewhere/console.html').catch(() => null))?.status ?? 0,
    ).not.toBe(200);
    expect((await get(shell, 'app://kiosk/%2e%2e/package.json')).status).toBe(404);
    expect((await get(shell, 'app://kiosk/media/packs/hhrp-group-5/../../x')).status).toBe(404);
    expect((await get(shell, 'app://kiosk/console.html', { method: 'POST' })).status).toBe(405);
  });
});

describe('the request filter', () => {
  it('lets through every URL the app itself produces and blocks the network and the disk', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    const library = await call<LibraryView>(console, 'media:library');
    const mediaUrls = library.packs
      .flatMap((pack) => pack.media.map((item) => item.src))
      .filter((src): src is string => src !== null);
    expect(mediaUrls.length).toBeGreaterThan(0);
    const produced = [
      'app://kiosk/console.html',
      'app://kiosk/audience.html',
      ...referencedAssets().map((path) => `app://kiosk${path}`),
      ...mediaUrls.map((src) => new URL(src, 'app://kiosk/').href),
      // The media decode check plays a blob:; saving a PDF downloads one.
      'blob:app://kiosk/2f0e4f3c-64a7-4b49-9a1f-1f6c9b6f4a11',
      'data:,',
    ];
    for (const url of produced) {
      const response = await shell.fake.request(url);
      expect(response, url).not.toBe('blocked');
    }
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:5178/console.html',
      'ws://localhost:1234/',
      'wss://example.org/',
      'ftp://example.org/a',
      'file:///etc/passwd',
      'app://elsewhere/x',
    ]) {
      expect(await shell.fake.request(url), url).toBe('blocked');
    }
  });

  it('refuses navigation off the app, new windows, webviews and permissions', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    expect(console.contents.navigate('https://example.org/')).toBe(false);
    expect(console.contents.navigate('file:///etc/passwd')).toBe(false);
    expect(console.contents.navigate('app://kiosk/audience.html')).toBe(true);
    expect(console.contents.windowOpenHandler?.({} as never)).toEqual({ action: 'deny' });
    expect(shell.fake.fakeState().permissionCheck?.()).toBe(false);
    expect(shell.fake.fakeState().spellcheck).toBe(false);
  });
});

describe('IPC', () => {
  it('gives each window its role, refuses frames off the app, and sends events by role', async () => {
    shell = await loadMain();
    const { console, audience } = windowsByRole(shell.fake);
    expect(await console.contents.invoke('packs:list', {})).toMatchObject({ ok: true });
    expect(await audience.contents.invoke('session:audienceView', {})).toMatchObject({ ok: true });
    expect(await audience.contents.invoke('packs:list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const offOrigin = { url: 'https://example.org/evil.html', parent: null };
    expect(await console.contents.invoke('packs:list', {}, offOrigin as never)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const subframe = { url: 'app://kiosk/console.html', parent: console.contents.mainFrame };
    expect(await console.contents.invoke('packs:list', {}, subframe as never)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await call(console, 'session:start', {
      packId: 'projector-check',
      cohortName: 'IPC group',
      facilitators: ['Riley'],
      timeKeeper: null,
    });
    const eventsOf = (window: FakeBrowserWindow) =>
      new Set(window.contents.sent.map((message) => message.args[0]));
    expect(eventsOf(console)).toContain('session:console');
    expect(eventsOf(audience)).toContain('session:audience');
    expect(eventsOf(audience)).not.toContain('session:console');
  });
});

describe('media', () => {
  it('serves ranges, and captions from the page’s own origin', async () => {
    shell = await loadMain();
    const { console } = windowsByRole(shell.fake);
    const video = resolve('resources/curricula/hhrp-group-5/media/negotiation-vignettes.mp4');
    const target = { packId: 'hhrp-group-5', mediaId: 'negotiation-vignettes-video' };
    const videoUpload = await upload(console, video, 'vignettes.mp4', 'video/mp4');
    await call(console, 'media:finishUpload', {
      uploadId: videoUpload,
      durationMs: 120_000,
      bind: { ...target, as: 'media' },
    });
    const captions = join(shell.home, 'vignettes.vtt');
    writeFileSync(captions, 'WEBVTT\n\n00:00.000 --> 00:05.000\nVignette one\n');
    const captionsUpload = await upload(console, captions, 'vignettes.vtt', 'text/vtt');
    await call(console, 'media:finishUpload', {
      uploadId: captionsUpload,
      durationMs: null,
      bind: { ...target, as: 'captions' },
    });
    const library = await call<LibraryView>(console, 'media:library');
    const bound = library.packs
      .flatMap((pack) => pack.media)
      .find((item) => item.mediaId === target.mediaId)!;
    // Paths, not another scheme: the <track> is same-origin, so no CORS is needed.
    expect(bound.src).toMatch(/^\/media\/library\/[0-9a-f]{64}\.mp4$/);
    expect(bound.captionsSrc).toMatch(/^\/media\/library\/[0-9a-f]{64}\.vtt$/);

    const track = await get(shell, `app://kiosk${bound.captionsSrc}`);
    expect(track.status).toBe(200);
    expect(track.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(await track.text()).toContain('Vignette one');

    const size = readFileSync(video).length;
    const partial = await get(shell, `app://kiosk${bound.src}`, {
      headers: { Range: 'bytes=1000-1999' },
    });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 1000-1999/${size}`);
    expect((await partial.arrayBuffer()).byteLength).toBe(1000);
    const tail = await get(shell, `app://kiosk${bound.src}`, { headers: { Range: 'bytes=-500' } });
    expect(tail.status).toBe(206);
    const beyond = await get(shell, `app://kiosk${bound.src}`, {
      headers: { Range: `bytes=${size + 10}-` },
    });
    expect(beyond.status).toBe(416);
  });
});

describe('npm run dev', () => {
  it('takes the pages from the loopback dev server and the media from app://kiosk', async () => {
    const server = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(`<!doctype html><title>dev ${request.url}</title>`);
    });
    await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
    const devOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.ELECTRON_RENDERER_URL = devOrigin;
    try {
      shell = await loadMain({ isPackaged: false });
      const { console } = windowsByRole(shell.fake);
      expect(console.loadedUrl).toBe('app://kiosk/console.html');
      const page = await get(shell, 'app://kiosk/console.html');
      expect(await page.text()).toContain('dev /console.html');
      expect(page.headers.get('content-security-policy')).toContain(
        `connect-src 'self' ${devOrigin.replace('http', 'ws')}`,
      );
      expect((await get(shell, 'app://kiosk/media/builtin/relaxation-track.ogg')).status).toBe(200);
      expect(await shell.fake.request(`${devOrigin.replace('http', 'ws')}/`)).not.toBe('blocked');
      expect(await shell.fake.request('ws://127.0.0.1:1/')).toBe('blocked');
      shell.cleanUp();
      // A packaged app never takes its pages from anywhere but its own build.
      shell = await loadMain({ isPackaged: true, resourcesPath: resolve('.') });
      const packaged = await get(shell, 'app://kiosk/console.html');
      expect(await packaged.text()).not.toContain('dev /console.html');
      expect(await shell.fake.request(`${devOrigin.replace('http', 'ws')}/`)).toBe('blocked');
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
      server.close();
    }
  });
});
