/**
 * The browser shell: serves the production renderer build and binds the same IPC router over
 * loopback HTTP, with Server-Sent Events for pushes. Pages get the same `window.kiosk` API as in
 * Electron (from web-bridge.js), so the renderer cannot tell the shells apart.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ManualClock } from '../shared/clock';
import type { KioskCore } from '../core/kioskCore';
import type { EventName, Role, ShowRole } from '../ipc/contract';
import { receiversOf } from '../ipc/eventFanOut';
import { DownloadShelf, downloadHeaders } from '../services/downloads/downloadShelf';
import { respondWithFile } from '../services/media/mediaResponse';
import { contentTypeFor, resolveAssetPath } from '../content/files';
import { SECURITY_HEADERS } from '../shell/security';

export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'] as const;
// Large enough for a content pack sent as base64 (packs are capped at 200 MB).
const MAX_BODY_BYTES = 300 * 1024 * 1024;
const SHOW_PAGES: Readonly<Record<string, Role>> = {
  '/console.html': 'console',
  '/audience.html': 'audience',
};
const UNLOCK_PAGES: Readonly<Record<string, Role>> = { '/unlock.html': 'unlock' };

/** What the shell serves: the kiosk's core, or (before the records open) the passphrase page's. */
export type WebShellBackend = Pick<
  KioskCore,
  'router' | 'onEvent' | 'audienceKey' | 'resolveMedia' | 'takeDownload'
>;

export interface WebShellOptions {
  core: WebShellBackend;
  /**
   * `unlock`: only the passphrase page (`--ask-passphrase`), whose key lasts this run; the show's
   * pages come with the records, in a second shell on the same port. Default `show`.
   */
  pages?: 'show' | 'unlock';
  rendererDir: string;
  host?: string;
  port?: number;
  /** Only with `--fake-clock`: lets end-to-end tests move main's clock with the pages' clocks. */
  manualClock?: ManualClock;
  /**
   * Where each role's key is kept (in the data folder), so the printed addresses stay the same
   * and pages left open find their way back after a restart. Without it the keys last one run.
   */
  keysFile?: string;
}

type RoleKeys = Record<ShowRole, string>;

/** Each role's secret: the printed URL carries it in its fragment, which no request ever sends. */
function roleKeys(file: string | undefined): RoleKeys {
  if (file) {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<RoleKeys>;
      if ([stored.console, stored.audience].every((key) => /^[0-9a-f]{64}$/.test(key ?? '')))
        return stored as RoleKeys;
    } catch {
      // Missing or unreadable: made afresh below.
    }
  }
  const keys: RoleKeys = {
    console: randomBytes(32).toString('hex'),
    audience: randomBytes(32).toString('hex'),
  };
  if (file) writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export interface WebShell {
  readonly port: number;
  readonly consoleUrl: string;
  readonly audienceUrl: string;
  /** The passphrase page's printed address (pages `unlock` only). */
  readonly unlockUrl: string;
  close(): Promise<void>;
}

export class NonLoopbackHostError extends Error {
  override name = 'NonLoopbackHostError';
}

export function assertLoopbackHost(host: string): void {
  if (!(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    throw new NonLoopbackHostError(
      `Refusing to listen on ${host}: the browser shell serves this computer only (use 127.0.0.1).`,
    );
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-cache',
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json', JSON.stringify(value));
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const host = options.host ?? '127.0.0.1';
  assertLoopbackHost(host);
  const { core, rendererDir } = options;
  // A page proves it was opened from a printed URL with that URL's key, and gets its role's token
  // for this run; a page from an earlier run reloads and proves it again. No GET hands out a token.
  const unlockOnly = options.pages === 'unlock';
  const pages = unlockOnly ? UNLOCK_PAGES : SHOW_PAGES;
  const keys: Partial<Record<Role, string>> = unlockOnly
    ? { unlock: randomBytes(32).toString('hex') }
    : roleKeys(options.keysFile);
  const tokens = new Map<string, Role>(
    Object.values(pages).map((role) => [randomBytes(24).toString('hex'), role]),
  );
  const tokenFor = (role: Role) => [...tokens].find(([, r]) => r === role)![0];
  const streams = new Set<{ role: Role; response: ServerResponse }>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);

  async function servePage(response: ServerResponse, pathname: string, role: Role) {
    const file = resolveAssetPath(rendererDir, pathname);
    const html = await readFile(file!, 'utf8');
    const injected = html.replace(
      /<head>/i,
      `<head><meta name="kiosk-role" content="${role}"><script type="module" src="/web-bridge.js"></script>`,
    );
    send(response, 200, 'text/html; charset=utf-8', injected);
  }

  async function serveStatic(response: ServerResponse, pathname: string) {
    const file = resolveAssetPath(rendererDir, pathname);
    if (!file) return sendJson(response, 404, { error: 'not found' });
    try {
      send(response, 200, contentTypeFor(file), await readFile(file));
    } catch {
      sendJson(response, 404, { error: 'not found' });
    }
  }

  async function invoke(request: IncomingMessage, response: ServerResponse) {
    const role = tokens.get(String(request.headers['x-kiosk-token'] ?? ''));
    if (!role) {
      return sendJson(response, 401, {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'This page is from an earlier run of the kiosk; reload it.',
        },
      });
    }
    const body = await readBody(request);
    let message: { channel?: unknown; args?: unknown };
    try {
      if (body === null) throw new Error('too large');
      message = JSON.parse(body) as typeof message;
      if (typeof message !== 'object' || message === null) throw new Error('not an object');
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: {
          code: 'invalid-arguments',
          message: 'The request body must be a JSON object under 300 MB.',
        },
      });
    }
    sendJson(response, 200, await core.router.dispatch(message.channel, message.args, role));
  }

  /** `{ role, key }` from the bridge: the role's token for this run, if the key is that role's. */
  async function openSession(request: IncomingMessage, response: ServerResponse) {
    let claim: { role?: unknown; key?: unknown };
    try {
      claim = JSON.parse((await readBody(request)) ?? '') as typeof claim;
    } catch {
      claim = {};
    }
    const role = Object.values(pages).find((known) => known === claim.role) ?? null;
    if (!role || !sameSecret(claim.key, keys[role] ?? '')) {
      return sendJson(response, 401, {
        error: 'Open this page from the address the kiosk printed when it started.',
      });
    }
    sendJson(response, 200, { token: tokenFor(role) });
  }

  async function audienceKey(request: IncomingMessage, response: ServerResponse) {
    if (tokens.get(String(request.headers['x-kiosk-token'] ?? '')) !== 'audience') {
      return sendJson(response, 401, { error: 'only the audience page forwards keys' });
    }
    const body = await readBody(request);
    let key: unknown;
    try {
      key = (JSON.parse(body ?? '') as { key?: unknown }).key;
    } catch {
      key = undefined;
    }
    if (typeof key !== 'string' || key.length === 0 || key.length > 20) {
      return sendJson(response, 400, { error: 'expected {"key": "<KeyboardEvent.key>"}' });
    }
    core.audienceKey(key);
    sendJson(response, 200, { ok: true });
  }

  async function moveClock(request: IncomingMessage, response: ServerResponse) {
    const clock = options.manualClock;
    if (!clock) return sendJson(response, 404, { error: 'not found' });
    const body = JSON.parse((await readBody(request)) ?? '{}') as {
      setMs?: number;
      advanceMs?: number;
    };
    if (typeof body.setMs === 'number') clock.set(body.setMs);
    if (typeof body.advanceMs === 'number') clock.advance(body.advanceMs);
    sendJson(response, 200, { now: clock.now() });
  }

  function openStream(url: URL, response: ServerResponse) {
    const role = tokens.get(url.searchParams.get('token') ?? '');
    if (!role) return sendJson(response, 401, { error: 'stale page' });
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    response.write('retry: 1000\n\n');
    const stream = { role, response };
    streams.add(stream);
    response.on('close', () => streams.delete(stream));
  }

  const unsubscribe = core.onEvent((event: EventName, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of receiversOf(event, streams, (open) => open.role))
      stream.response.write(frame);
  });

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      // Host and Origin checks stop other web pages (and DNS rebinding) from driving the kiosk.
      if (!allowedHosts().has(request.headers.host ?? '')) {
        return sendJson(response, 403, { error: 'wrong host' });
      }
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
        return sendJson(response, 403, { error: 'wrong origin' });
      }
      if (request.method === 'POST' && url.pathname === '/__kiosk/invoke')
        return invoke(request, response);
      if (request.method === 'POST' && url.pathname === '/__kiosk/session')
        return openSession(request, response);
      if (request.method === 'POST' && url.pathname === '/__kiosk/key') {
        return audienceKey(request, response);
      }
      if (request.method === 'POST' && url.pathname === '/__kiosk/test/clock') {
        return moveClock(request, response);
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendJson(response, 405, { error: 'method not allowed' });
      }
      if (url.pathname === '/__kiosk/events') return openStream(url, response);
      if (url.pathname === '/__kiosk/hello') {
        const known = tokens.has(url.searchParams.get('token') ?? '');
        return sendJson(response, known ? 200 : 401, { current: known });
      }
      if (url.pathname === '/') {
        response.writeHead(302, { Location: Object.keys(pages)[0]! });
        return response.end();
      }
      if (DownloadShelf.isDownloadPath(url.pathname)) {
        const file = request.method === 'GET' ? core.takeDownload(url.pathname) : null;
        if (!file) return sendJson(response, 404, { error: 'not found' });
        response.writeHead(200, { ...SECURITY_HEADERS, ...downloadHeaders(file) });
        return response.end(file.body);
      }
      if (url.pathname.startsWith('/media/')) {
        const media = await respondWithFile(
          core.resolveMedia(url.pathname),
          request.method ?? 'GET',
          request.headers.range,
        );
        response.writeHead(media.status, { ...SECURITY_HEADERS, ...media.headers });
        if (!media.body) return response.end();
        media.body.on('error', () => response.destroy());
        return media.body.pipe(response);
      }
      // After `--ask-passphrase`, a passphrase page left open lands on the console, which says
      // to open the address the shell printed.
      if (!unlockOnly && url.pathname === '/unlock.html') {
        response.writeHead(302, { Location: '/console.html' });
        return response.end();
      }
      const role = pages[url.pathname];
      if (role) return servePage(response, url.pathname, role);
      return serveStatic(response, url.pathname);
    })().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
      else response.end();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    port,
    consoleUrl: `${base}/console.html#key=${keys.console}`,
    audienceUrl: `${base}/audience.html#key=${keys.audience}`,
    unlockUrl: `${base}/unlock.html#key=${keys.unlock}`,
    async close() {
      unsubscribe();
      for (const stream of streams) stream.response.end();
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}
