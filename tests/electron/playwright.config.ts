import { defineConfig } from '@playwright/test';

/**
 * `npm run test:electron`: the real Electron app, for maintainers whose machine can download
 * Electron (electron/launcher/electronBinary.mjs skips it where it cannot). CI runs the shell
 * harness (tests/shell) instead.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
});
