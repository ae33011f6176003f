/**
 * Security policy shared by both shells. No `electron` import: the Electron shell applies these
 * functions to its session, and the browser shell to its HTTP responses, so both are unit-tested.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // PDF.js's worker (deck import) is a file of the app's own build; no blob: or data: workers.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // blob: lets the console test-decode a chosen file locally before importing it. Media, captions
  // included, come from the page's own origin (`/media/…`), so text tracks need no CORS.
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * `npm run dev` only: Vite's dev client injects inline scripts and styles and reloads over a
 * socket to its own server. Never sent by a packaged app.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const socket = devOrigin.replace(/^http:/, 'ws:');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${socket}`);
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Schemes that reach the network or the disk behind the app's back. The filter names them rather
 * than allow-listing the app's own: the renderer's `blob:` and `data:` URLs (the media decode check,
 * saving a PDF) must keep working, and so must the app's pages whether or not Electron routes its
 * own protocol handler's reads through webRequest.
 */
const BLOCKED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

/**
 * electron-vite's dev server during an unpackaged `npm run dev` (ELECTRON_RENDERER_URL), or null.
 * Only a loopback server counts: the kiosk never talks to another machine.
 */
export function devServerOrigin(rendererUrl: string | undefined): string | null {
  if (!rendererUrl) return null;
  try {
    const url = new URL(rendererUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return loopback && url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The Electron shell's request filter. With `devOrigin` (npm run dev) the page's live-reload socket
 * to that server passes too.
 */
export function isAllowedRequestUrl(url: string, devOrigin: string | null = null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (devOrigin !== null && parsed.host === new URL(devOrigin).host) {
    return ['http:', 'ws:'].includes(parsed.protocol);
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return !BLOCKED_SCHEMES.has(parsed.protocol);
}

/** Whether a navigation may proceed: only within the app's own pages. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Custom schemes have an opaque origin in the URL standard, so compare scheme and host.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
