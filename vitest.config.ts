import { defineConfig } from 'vitest/config';

const reportFile = process.env.KIOSK_REPORT_DIR
  ? `${process.env.KIOSK_REPORT_DIR}/vitest.json`
  : undefined;

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    reporters: reportFile ? ['default', 'json'] : ['default'],
    outputFile: reportFile ? { json: reportFile } : undefined,
  },
});
