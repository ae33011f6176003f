/**
 * What the Electron shell's `app://kiosk/…` handler answers, without an `electron` import so it is
 * tested under Node. The renderer build and the media both come from the page's own origin, read
 * from disk directly: no `net.fetch(file:)`, whose passage through webRequest differs between
 * Electron versions, and no second scheme, whose caption tracks would need CORS.
 */
import { Readable } from 'node:stream';
import {
  DownloadShelf,
  downloadHeaders,
  type ShelvedFile,
} from '../services/downloads/downloadShelf';
import { respondWithBuildFile, respondWithFile } from '../services/media/mediaResponse';
import { resolveAssetPath } from '../content/files';
import { APP_HOST, devContentSecurityPolicy, SECURITY_HEADERS } from './security';

export interface AppProtocolRoots {
  /** The built renderer: `out/renderer`. */
  rendererDir: string;
  /** Maps a `/media/…` path to the file it serves, or null (KioskCore.resolveMedia). */
  resolveMedia: (urlPath: string) => string | null;
  /** Hands over a `/downloads/…` file once, or null (KioskCore.takeDownload). */
  takeDownload: (urlPath: string) => ShelvedFile | null;
  /**
   * `npm run dev`: the pages come from electron-vite's loopback dev server (live reload) while media
   * stays on app://kiosk, so the page's origin and its media's are still one.
   */
  devOrigin?: string | null;
}

async function fromDevServer(url: URL, devOrigin: string): Promise<Response> {
  const upstream = await fetch(`${devOrigin}${url.pathname}${url.search}`);
  const headers = new Headers(SECURITY_HEADERS);
  headers.set('Content-Security-Policy', devContentSecurityPolicy(devOrigin));
  headers.set('Content-Type', upstream.headers.get('content-type') ?? 'application/octet-stream');
  return new Response(upstream.body, { status: upstream.status, headers });
}

/** The shelved bytes as a response body, without copying them. */
const bodyOf = (file: ShelvedFile) =>
  new Uint8Array(file.body.buffer as ArrayBuffer, file.body.byteOffset, file.body.byteLength);

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Answers one request; every failure is a response (404, 405, 500), never a rejected promise. */
export async function serveAppRequest(
  request: Request,
  roots: AppProtocolRoots,
): Promise<Response> {
  try {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Not allowed');
    if (DownloadShelf.isDownloadPath(url.pathname)) {
      const file = request.method === 'GET' ? roots.takeDownload(url.pathname) : null;
      if (!file) return plain(404, 'Not found');
      return new Response(bodyOf(file), {
        status: 200,
        headers: { ...SECURITY_HEADERS, ...downloadHeaders(file) },
      });
    }
    if (roots.devOrigin && !url.pathname.startsWith('/media/')) {
      return await fromDevServer(url, roots.devOrigin);
    }
    // Media and pack files keep their own restrictions (kinds of file, sandboxing CSP); the build's
    // pages and scripts get the app's headers.
    const served = url.pathname.startsWith('/media/')
      ? await respondWithFile(
          roots.resolveMedia(url.pathname),
          request.method,
          request.headers.get('range'),
        )
      : await respondWithBuildFile(
          resolveAssetPath(roots.rendererDir, url.pathname),
          request.method,
          SECURITY_HEADERS,
        );
    if (served.status === 404) return plain(404, 'Not found');
    const body = served.body ? (Readable.toWeb(served.body) as ReadableStream<Uint8Array>) : null;
    return new Response(body, {
      status: served.status,
      headers: { ...SECURITY_HEADERS, ...served.headers },
    });
  } catch (error) {
    return plain(500, `The kiosk could not read this file: ${(error as Error).message}`);
  }
}
