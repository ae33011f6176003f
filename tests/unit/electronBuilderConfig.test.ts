import { Ajv } from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
const config = parse(readFileSync('electron-builder.yml', 'utf8'));

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own JSON schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelled option, so the schema test can fail', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    expect(ajv.validate(schema, { ...config, asarr: true })).toBe(false);
  });

  it('targets every platform the clinics use', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
    // The .deb first: the AppImage needs an AppArmor profile on Ubuntu 24.04 and later.
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.linux.executableArgs).toEqual(['--ozone-platform=x11']);
    expect(config.asar).toBe(true);
  });

  it('has what the deb and the icons need', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author).toBeTruthy();
    const png = readFileSync(`${config.directories.buildResources}/icon.png`);
    // PNG signature, then the IHDR chunk's width and height.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(readFileSync(`${config.directories.buildResources}/icon.svg`, 'utf8')).toContain('<svg');
  });

  it('ships renderer-only packages as build inputs, not as dependencies of the packaged app', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    for (const name of ['react', 'react-dom', 'howler']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
  });

  it.each([
    ['win', 'x64', ['win32-x64.node']],
    ['win', 'arm64', ['win32-arm64.node']],
    ['mac', 'arm64', ['darwin-arm64.node']],
    ['mac', 'x64', ['darwin-x64.node']],
    ['linux', 'x64', ['linux-x64.node', 'linuxmusl-x64.node']],
    ['linux', 'arm64', ['linux-arm64.node', 'linuxmusl-arm64.node']],
  ])('a %s %s package carries only its own better-sqlite3 binaries', (os, arch, expected) => {
    const prebuilds = readdirSync('node_modules/better-sqlite3/prebuilds');
    expect(prebuilds).toHaveLength(8);
    const exclusions = (config[os].files as string[]).map((pattern) =>
      pattern.slice(1).replaceAll('${arch}', arch),
    );
    const kept = prebuilds.filter(
      (name) =>
        !exclusions.some((pattern) =>
          minimatch(`node_modules/better-sqlite3/prebuilds/${name}`, pattern),
        ),
    );
    expect(kept).toEqual(expected);
  });

  it('ships the SQLite engine with the cipher under the name better-sqlite3', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^npm:better-sqlite3-multiple-ciphers@/);
    const installed = JSON.parse(readFileSync('node_modules/better-sqlite3/package.json', 'utf8'));
    expect(installed.name).toBe('better-sqlite3-multiple-ciphers');
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      resetAdHocDarwinSignature: true,
    });
  });
});
