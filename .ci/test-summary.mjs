// Adds up the vitest and Playwright JSON reports into CI's closing line "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [reportDir, exitStatus = '0'] = process.argv.slice(2);
const read = (name) => {
  const file = join(reportDir, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};

let passed = 0;
let failed = 0;
// One vitest report per run: the unit tests and the shell harness.
for (const name of readdirSync(reportDir).filter((entry) => /^vitest.*\.json$/.test(entry))) {
  const report = read(name);
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
const e2e = read('playwright.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}
// A failing step that is not a test (typecheck, lint, format, build) still fails the run.
if (exitStatus !== '0' && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
