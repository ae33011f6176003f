import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDraft } from '../../../electron/content/pack/draft';
import { checkPack } from '../../../electron/content/pack/loadPack';
import type { PackProblem } from '../../../electron/shared/pack/problems';
import { say } from '../../../electron/shared/i18n/phrases';
import { problemText } from '../../../renderer/shared/i18n/problemText';
import { makeTempDir } from '../../helpers/tempDir';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

const noFiles = { exists: () => false, read: () => '' };
/** As the problem reaches the console: through IPC, or the catalog's cache. */
const sent = (problem: PackProblem): PackProblem => JSON.parse(JSON.stringify(problem));

describe('pack-check problems in the console language', () => {
  it('words one of ours, with its parameters, in Spanish, and in English exactly as the CLI says it', () => {
    const draft = parse(MINIMAL_PACK.replace('markdown: "# Hello"', 'file: hello.md'));
    const [missing] = checkDraft(draft, noFiles);
    expect(missing).toMatchObject({
      path: 'slides[0].file',
      message: 'file "hello.md" is missing',
    });
    expect(problemText(sent(missing!), 'en')).toBe('file "hello.md" is missing');
    expect(problemText(sent(missing!), 'es')).toBe('falta el archivo "hello.md"');
  });

  it('words a zod issue in Spanish with zod’s locale, and in English exactly as zod did', () => {
    const draft = parse(MINIMAL_PACK.replace('title: Mini pack', 'title: 5'));
    const [title] = checkDraft(draft, noFiles);
    expect(title).toMatchObject({
      path: 'title',
      message: 'Invalid input: expected string, received number',
    });
    expect(problemText(sent(title!), 'en')).toBe(title!.message);
    expect(problemText(sent(title!), 'es')).toBe(
      'Entrada inválida: se esperaba texto, recibido número',
    );
    const missingMinutes = checkDraft(
      parse(MINIMAL_PACK.replace('minutes: 10\naud', 'aud')),
      noFiles,
    );
    expect(problemText(sent(missingMinutes[0]!), 'es')).toBe(
      'Entrada inválida: se esperaba número, recibido indefinido',
    );
  });

  it('words the schema’s own messages as ours, and keeps YAML’s own in English', () => {
    const folder = writePack(join(dir.path, 'pack'), {
      'pack.yaml': MINIMAL_PACK.replace('format: 1', 'format: 2').replace(
        'markdown: "# Hello"',
        'markdown: "# Hello"\n    file: hello.md',
      ),
    });
    const problems = checkPack(folder).problems;
    expect(problems.map((problem) => problemText(sent(problem), 'es'))).toEqual([
      'esta aplicación lee el formato de paquete 1',
      'indique markdown o file, no ambos',
    ]);
    const yaml = checkPack(writePack(join(dir.path, 'bad'), { 'pack.yaml': 'a: [' })).problems;
    expect(problemText(yaml[0]!, 'es')).toBe(yaml[0]!.message);
  });

  it('says every cross-check phrase in English exactly as its message', () => {
    const broken = MINIMAL_PACK.replace('slides: [hello]', 'slides: [hello, gone]')
      .replace('minutes: 10\naudience', 'minutes: 12\naudience')
      .concat(
        '  - id: hello\n    markdown: "![x](http://example.org/x.png)"\n  - id: spare\n    markdown: "# Spare"\n',
      );
    const problems = checkDraft(parse(broken), noFiles);
    expect(problems.length).toBeGreaterThanOrEqual(4);
    for (const problem of problems) {
      expect(problem.words).toBeDefined();
      expect(say(problem.words!, 'en')).toBe(problem.message);
      expect(say(problem.words!, 'es')).not.toBe(problem.message);
    }
  });
});
