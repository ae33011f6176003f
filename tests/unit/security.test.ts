import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  devServerOrigin,
  isAllowedNavigation,
  isAllowedRequestUrl,
} from '../../electron/shell/security';
import { resolveAssetPath } from '../../electron/content/files';
import { secureWebPreferences } from '../../electron/shell/windowPolicy';

describe('request filter', () => {
  it.each([
    ['app://kiosk/console.html', true],
    ['app://kiosk/assets/console-abc.js', true],
    ['app://kiosk/media/library/abc.mp4', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['blob:app://kiosk/5c1c3c9e-4f1b-4b8e-9a51-3d4c8e1f2a10', true],
    ['data:application/pdf;base64,JVBERi0=', true],
    ['app://elsewhere/console.html', false],
    ['https://example.org/', false],
    ['http://127.0.0.1:8080/', false],
    ['file:///etc/passwd', false],
    ['ws://localhost/', false],
    ['wss://example.org/', false],
    ['ftp://example.org/x', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRequestUrl(url)).toBe(allowed);
  });

  it("lets electron-vite's dev server through only when it is named", () => {
    expect(isAllowedRequestUrl('http://localhost:5173/console.html')).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/@vite/client', 'http://localhost:5173')).toBe(
      true,
    );
    expect(isAllowedRequestUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
  });

  it('takes only a loopback http server as the dev server, and lets its socket through', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://192.168.1.4:5173/')).toBeNull();
    expect(devServerOrigin('https://localhost:5173/')).toBeNull();
    expect(devServerOrigin(undefined)).toBeNull();
    expect(isAllowedRequestUrl('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(devContentSecurityPolicy('http://localhost:5173')).toContain(
      "connect-src 'self' ws://localhost:5173",
    );
  });

  it('allows navigation only within the app', () => {
    expect(isAllowedNavigation('app://kiosk/audience.html')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///tmp/x.html')).toBe(false);
    expect(isAllowedNavigation('blob:app://kiosk/1')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only the app itself to run code and connect', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|https?:|\*/);
  });
});

describe('resolveAssetPath', () => {
  const root = resolve('/srv/kiosk/renderer');
  it('maps a path under the root', () => {
    expect(resolveAssetPath(root, '/assets/a.js')).toBe(join(root, 'assets', 'a.js'));
  });
  it.each([
    '/../secret',
    '/assets/../../secret',
    '/%2e%2e/secret',
    '/a%00b',
    '/..%5csecret',
    '/',
    '/%E0%A4%A',
  ])('rejects %s', (path) => {
    expect(resolveAssetPath(root, path)).toBeNull();
  });
});

describe('window web preferences', () => {
  it("follow Electron's security checklist", () => {
    expect(secureWebPreferences('/p.cjs', 'console', true)).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      zoomMode: 'isolated',
    });
  });

  it('never zoom the projector, and give DevTools only to an unpackaged run', () => {
    expect(secureWebPreferences('/p.cjs', 'audience', true).zoomMode).toBe('disabled');
    expect(secureWebPreferences('/p.cjs', 'audience', false).devTools).toBe(true);
  });
});
