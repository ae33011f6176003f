// Runs the browser shell, building the app first when the build is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..', '..');
const needed = ['out/main/web.js', 'out/renderer/console.html', 'out/renderer/web-bridge.js'];
if (!needed.every((file) => existsSync(resolve(root, file)))) {
  process.stderr.write('kiosk web: no build found, building it first…\n');
  const build = spawnSync(
    process.execPath,
    [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 2, 2],
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import(pathToFileURL(resolve(root, 'out/main/web.js')).href);
