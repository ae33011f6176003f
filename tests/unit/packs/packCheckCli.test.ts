import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tempDir';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

function packCheck(...folders: string[]) {
  const run = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/content/pack/cli.ts', ...folders],
    {
      encoding: 'utf8',
    },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('npm run pack:check', () => {
  it('exits 0 for the built-in packs', () => {
    const { status, output } = packCheck(
      'resources/curricula/hhrp-group-5',
      'resources/curricula/harm-reduction-101',
      'resources/curricula/projector-check',
    );
    expect(output).toContain('resources/curricula/hhrp-group-5: ok, hhrp-group-5 1.1.0');
    expect(output).toContain('resources/curricula/harm-reduction-101: ok');
    expect(status).toBe(0);
  });

  it('exits 1 and names file, line and field for a broken pack', () => {
    const folder = writePack(join(dir.path, 'bad'), {
      'pack.yaml': MINIMAL_PACK.replace('slides: [hello]', 'slides: [nope]'),
    });
    const { status, output } = packCheck(folder);
    expect(output).toContain(`${folder}/pack.yaml:14 agenda[0].slides[0]: no slide with id "nope"`);
    expect(output).toContain('1 error(s)');
    expect(status).toBe(1);
  });

  it('exits 2 with usage when given no folder', () => {
    expect(packCheck().status).toBe(2);
  });
});
