import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// One JSON report per npm script (test:unit, test:shell), added up by .ci/test-summary.mjs.
const reportFile = process.env.KIOSK_REPORT_DIR
  ? `${process.env.KIOSK_REPORT_DIR}/vitest-${(process.env.npm_lifecycle_event ?? 'run').replace(/\W/g, '-')}.json`
  : undefined;

export default defineConfig({
  test: {
    environment: 'node',
    reporters: reportFile ? ['default', 'json'] : ['default'],
    outputFile: reportFile ? { json: reportFile } : undefined,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        // The built main process (out/main/index.js, so `npm run build` first) with `electron`
        // resolved to the fake: the shell harness.
        resolve: {
          alias: [{ find: /^electron$/, replacement: resolve('tests/shell/fakeElectron.ts') }],
        },
        test: {
          name: 'shell',
          include: ['tests/shell/**/*.test.ts'],
          environment: 'node',
          // Each scenario starts the kiosk's whole core; one file at a time keeps them apart.
          fileParallelism: false,
        },
      },
    ],
  },
});
