// Electron 45 downloads its binary lazily (no install script), and electron-vite only reads
// node_modules/electron/path.txt. So `npm start` and `npm run dev` fetch it first (`ensure`), and
// `npm run test:electron` runs the Electron smoke test where the binary can be had (`smoke`).
// `npm ci` never needs it: CI tests the shell against a fake electron (npm run test:shell).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const electronDir = dirname(require.resolve('electron/package.json'));

function binaryPresent() {
  // electron-vite launches ELECTRON_EXEC_PATH when it is set, and otherwise reads path.txt.
  if (process.env.ELECTRON_EXEC_PATH) return existsSync(process.env.ELECTRON_EXEC_PATH);
  const pathFile = join(electronDir, 'path.txt');
  return (
    existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')))
  );
}

/** Runs Electron's own installer (the package's `install-electron` bin); true when the binary is there after. */
function download() {
  if (binaryPresent()) return true;
  process.stderr.write('Downloading Electron (once, about 100 MB)…\n');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return result.status === 0 && binaryPresent();
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

/** A package's own command-line script, run with this Node (Windows cannot spawn .bin shims). */
function cli(entry, args) {
  return [process.execPath, [join(root, 'node_modules', entry), ...args]];
}

const mode = process.argv[2];
if (mode === 'ensure') {
  if (!download()) {
    process.stderr.write(
      "Electron's binary could not be downloaded (no connection to Electron's download site), so the desktop app cannot start here; `npm run web` runs the same kiosk in a browser without Electron.\n",
    );
    process.exit(1);
  }
} else if (mode === 'smoke') {
  if (!download()) {
    process.stdout.write(
      "test:electron skipped: Electron's binary could not be downloaded on this machine; `npm run test:shell` tests the shell against a fake electron instead.\n",
    );
    process.exit(0);
  }
  let status = run(...cli('electron-vite/bin/electron-vite.js', ['build']));
  // Playwright drives Electron through its inspector, which the shipped fuses switch off; the
  // smoke test's package turns that one fuse on and is written apart from dist/.
  if (status === 0) {
    status = run(
      ...cli('electron-builder/cli.js', [
        '--dir',
        '--publish',
        'never',
        '-c.directories.output=dist/smoke',
        '-c.electronFuses.enableNodeCliInspectArguments=true',
      ]),
    );
  }
  if (status === 0) {
    const [node, playwright] = cli('@playwright/test/cli.js', [
      'test',
      '-c',
      'tests/electron/playwright.config.ts',
    ]);
    const headless = process.platform === 'linux' && !process.env.DISPLAY;
    status = headless ? run('xvfb-run', ['-a', node, ...playwright]) : run(node, playwright);
  }
  process.exit(status);
} else {
  process.stderr.write('usage: node electron/launcher/electronBinary.mjs ensure|smoke\n');
  process.exit(2);
}
