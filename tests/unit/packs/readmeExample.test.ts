import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPack } from '../../../electron/content/pack/loadPack';
import { makeTempDir } from '../../helpers/tempDir';
import { writePack } from '../../helpers/packs';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe("the README's minimal pack", () => {
  it('passes the validator with no problems', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### Writing a content pack'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const check = checkPack(
      writePack(join(dir.path, 'my-group'), {
        'pack.yaml': yaml,
        'slides/question.md': '# What helps you stay safe?\n',
      }),
    );
    expect(check.problems).toEqual([]);
    expect(check.manifest?.id).toBe('my-group');
  });
});
