/**
 * electron/db/database.ts reads its migrations with Vite's `import.meta.glob` (eager, `?raw`),
 * which electron-vite and vitest expand at build time but plain Node under tsx does not have. The
 * benchmark must run the app's own modules without editing them, so this load hook expands such a
 * glob into an object literal of file contents, exactly what Vite would inline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GLOB_CALL =
  /import\.meta\.glob(?:<[^>]*>)?\(\s*(['"])(\.\/[^'"*]+)\/\*(\.[a-z]+)\1\s*,\s*(\{[^}]*\})\s*\)/g;

function expandGlobs(source: string, moduleUrl: string): string {
  const moduleDir = dirname(fileURLToPath(moduleUrl));
  return source.replace(GLOB_CALL, (call, _quote, folder: string, extension: string, options) => {
    if (!/eager\s*:\s*true/.test(options) || !/\?raw/.test(options)) {
      throw new Error(`bench: only eager ?raw globs are supported, not ${call}`);
    }
    const files: Record<string, string> = {};
    for (const name of readdirSync(join(moduleDir, folder)).sort()) {
      if (name.endsWith(extension))
        files[`${folder}/${name}`] = readFileSync(join(moduleDir, folder, name), 'utf8');
    }
    return `(${JSON.stringify(files)})`;
  });
}

let installed = false;

/** Must run before the app's modules are first imported (so: import them dynamically). */
export function installViteGlobShim(): void {
  if (installed) return;
  installed = true;
  registerHooks({
    load(url, context, nextLoad) {
      const result = nextLoad(url, context);
      if (!url.startsWith('file:') || url.includes('/node_modules/') || !result.source) {
        return result;
      }
      const source =
        typeof result.source === 'string'
          ? result.source
          : new TextDecoder().decode(result.source as ArrayBufferView);
      if (!source.includes('import.meta.glob')) return result;
      return { ...result, source: expandGlobs(source, url) };
    },
  });
}
