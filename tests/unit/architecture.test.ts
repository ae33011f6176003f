import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { MAIN_ZONES, RENDERER_ZONES } from '../../eslint/layers.js';

/** The layer map bites: a forbidden import or a cycle in a file of the tree fails lint. */
const root = resolve(import.meta.dirname, '../..');
const written: string[] = [];

/** Writes a probe file into the tree (where the zones apply) and returns its path. */
function probe(path: string, text: string): string {
  const file = join(root, path);
  writeFileSync(file, text);
  written.push(file);
  return file;
}

afterEach(() => {
  for (const file of written.splice(0)) rmSync(file, { force: true });
});

async function ruleIdsOf(file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the layer map', () => {
  it('fails lint on an import the map forbids (db may not import a service)', async () => {
    const file = probe(
      'electron/db/layerProbe.ts',
      "import { RejectedRequest } from '../services/errors';\n\nexport const probe = RejectedRequest;\n",
    );
    expect(await ruleIdsOf(file)).toEqual([
      expect.stringMatching(
        /^import-x\/no-restricted-paths: .*db \(electron\/db\) may not import services/,
      ),
    ]);
  }, 60_000);

  it('passes the same import where the map allows it (a service may import db)', async () => {
    const file = probe(
      'electron/services/layerProbe.ts',
      "import { openDatabase } from '../db/database';\n\nexport const probe = openDatabase;\n",
    );
    expect(await ruleIdsOf(file)).toEqual([]);
  }, 60_000);

  it('fails lint on a value the renderer takes from main outside electron/shared', async () => {
    const file = probe(
      'renderer/shared/layerProbe.ts',
      "import { RejectedRequest } from '../../electron/services/errors';\n\nexport const probe = RejectedRequest;\n",
    );
    expect(await ruleIdsOf(file)).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*only types from electron\/services/),
    ]);
  }, 60_000);

  it('fails lint on an import cycle', async () => {
    const first = probe(
      'electron/shared/cycleProbeA.ts',
      "import { b } from './cycleProbeB';\n\nexport const a = (): number => b() + 1;\n",
    );
    probe(
      'electron/shared/cycleProbeB.ts',
      "import { a } from './cycleProbeA';\n\nexport const b = (): number => (a.length > 9 ? 0 : 1);\n",
    );
    expect(await ruleIdsOf(first)).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);
  }, 60_000);

  it('names each zone once, each allowed zone a zone of its own side', () => {
    for (const table of [MAIN_ZONES, RENDERER_ZONES]) {
      for (const [name, zone] of Object.entries(table)) {
        for (const allowed of zone.may)
          expect(Object.keys(table), `${name} → ${allowed}`).toContain(allowed);
      }
    }
    const paths = [...Object.values(MAIN_ZONES), ...Object.values(RENDERER_ZONES)].map(
      (zone) => zone.path,
    );
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('is the table ARCHITECTURE.md shows', () => {
    const rows = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8')
      .split('\n')
      .map((line) => /^\|\s*([a-z-]+)\s*\|\s*([a-z]+\/[a-z/]+)\s*\|\s*(.+?)\s*\|$/.exec(line))
      .filter((match) => match !== null)
      .map(([, name, path, may]) => [name, { path, may: may === '—' ? [] : may!.split(', ') }]);
    expect(Object.fromEntries(rows)).toEqual({ ...MAIN_ZONES, ...RENDERER_ZONES });
  });

  it('has no import cycle, type imports included (which import-x/no-cycle passes over)', () => {
    const sources = (folder: string): string[] =>
      readdirSync(join(root, folder)).flatMap((name) => {
        const path = join(folder, name);
        if (statSync(join(root, path)).isDirectory()) return sources(path);
        return /\.tsx?$/.test(name) ? [path] : [];
      });
    const resolveImport = (from: string, specifier: string): string | undefined =>
      ['', '.ts', '.tsx', '/index.ts']
        .map((ending) => join(dirname(from), specifier) + ending)
        .find((path) => /\.tsx?$/.test(path) && existsSync(join(root, path)));
    const imports = new Map(
      [...sources('electron'), ...sources('renderer')].map((file) => [
        file,
        [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s+'(\.[^']+)'/g)]
          .map(([, specifier]) => resolveImport(file, specifier!))
          .filter((path): path is string => path !== undefined),
      ]),
    );
    // A depth-first walk: a file met again while it is still on the path closes a cycle.
    const cycles: string[] = [];
    const done = new Set<string>();
    const walk = (file: string, path: string[]) => {
      if (done.has(file)) return;
      const seen = path.indexOf(file);
      if (seen >= 0) {
        cycles.push(
          [...path.slice(seen), file].map((step) => relative(root, join(root, step))).join(' → '),
        );
        return;
      }
      for (const next of imports.get(file) ?? []) walk(next, [...path, file]);
      done.add(file);
    };
    for (const file of imports.keys()) walk(file, []);
    expect(cycles).toEqual([]);
  });
});
