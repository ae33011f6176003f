import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = resolve('out');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
};

/** The bare specifiers a built file imports, requires or resolves. */
function specifiers(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = [
    ...code.matchAll(/\bfrom\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
    // A package a worker thread loads by the path main resolves for it (require.resolve).
    ...code.matchAll(/\.resolve\s*\(\s*["']([^"'./][^"']*)["']\s*\)/g),
  ].map((match) => match[1]!);
  return [...new Set(found)];
}

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;

describe('the built bundles', () => {
  it('each sandboxed preload is one file that requires nothing but electron', () => {
    const preloads = readdirSync(join(OUT, 'preload'));
    expect(preloads.sort()).toEqual(['audience.cjs', 'console.cjs', 'unlock.cjs']);
    for (const preload of preloads) {
      expect(specifiers(join(OUT, 'preload', preload)), preload).toEqual(['electron']);
    }
  });

  it('main and its job worker import only Node, electron, their own chunks and the declared dependencies, and use them all', () => {
    const files = [
      join(OUT, 'main', 'index.js'),
      join(OUT, 'main', 'web.js'),
      // Worker threads of the same app: since PDFs are laid out there, pdf-lib is only theirs.
      join(OUT, 'main', 'jobWorker.js'),
      ...readdirSync(join(OUT, 'main', 'chunks')).map((name) => join(OUT, 'main', 'chunks', name)),
    ];
    const packages = new Set<string>();
    for (const file of files) {
      for (const specifier of specifiers(file)) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        if (builtinModules.includes(specifier) || specifier === 'electron') continue;
        packages.add(packageOf(specifier));
      }
    }
    // A package main imports but that is not a dependency would be missing from the installed app.
    expect([...packages].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });
});
