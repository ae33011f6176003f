import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPack } from '../../../electron/content/pack/loadPack';
import { formatProblem } from '../../../electron/shared/pack/problems';
import { makeTempDir } from '../../helpers/tempDir';
import { writePack } from '../../helpers/packs';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

function problemsOf(
  teaches: string,
  feedback = '(a) refuse. Not (c): still unsafe.',
  afterQuiz = '',
): string[] {
  const manifest = `format: 1
id: teaching-pack
version: 1.0.0
title: Teaching pack
program: Test
language: en
minutes: 15
audience: client-group
agenda:
  - id: talk
    title: Talk
    kind: didactic
    minutes: 10
    cues: [No latex, no sex]
    slides: [refuse]
${teaches}
  - id: quiz
    title: Quiz
    kind: quiz
    minutes: 5
    quizItems: [q1]
${afterQuiz}
slides:
  - id: refuse
    file: slides/refuse.md
quiz:
  items:
    - id: q1
      prompt: 'If your partner refuses latex, you should:'
      options:
        - { key: a, text: refuse to have unsafe sex }
        - { key: b, text: give in }
        - { key: c, text: have sex without ejaculation }
      answer: a
      feedback: '${feedback}'
`;
  return checkPack(
    writePack(join(dir.path, 'pack'), {
      'pack.yaml': manifest,
      'slides/refuse.md':
        '# If your partner refuses\n\n- Leave, **even if** there is no _ejaculation_\n',
    }),
  ).problems.map(formatProblem);
}

describe('pack check: quiz options the feedback judges are taught', () => {
  it('passes when every judged option is taught by a quote from the material', () => {
    expect(
      problemsOf(`    teaches:
      - { option: q1.a, quote: 'No latex, no sex' }
      - { option: q1.c, quote: 'even if there is no ejaculation' }`),
    ).toEqual([]);
  });

  it('warns about the answer and each option the feedback names that nothing teaches', () => {
    expect(problemsOf('')).toEqual([
      expect.stringMatching(
        /^pack\.yaml:\d+ warning: quiz\.items\[0\]\.feedback: the feedback calls \(a\) right, but no agenda item teaches q1\.a$/,
      ),
      expect.stringMatching(
        /quiz\.items\[0\]\.feedback: the feedback calls \(c\) wrong, .* q1\.c$/,
      ),
    ]);
    // An option the feedback does not judge needs nothing.
    expect(problemsOf('', '(a) refuse.')).toHaveLength(1);
  });

  it('does not count a quote that is not in the material', () => {
    const problems = problemsOf(`    teaches:
      - { option: q1.a, quote: 'No latex, no sex' }
      - { option: q1.c, quote: 'withdrawal is safe' }`);
    expect(problems).toEqual([
      expect.stringMatching(
        /agenda\[0\]\.teaches\[1\]\.quote: "withdrawal is safe" is not in this item's slides/,
      ),
      expect.stringMatching(/the feedback calls \(c\) wrong, but no agenda item teaches q1\.c$/),
    ]);
  });

  it('does not count an item after the quiz', () => {
    const problems = problemsOf(
      `    teaches:
      - { option: q1.a, quote: 'No latex, no sex' }`,
      '(a) refuse.',
      `  - id: recap
    title: Recap
    kind: closing
    minutes: 0.5
    cues: [Even if there is no ejaculation]
    teaches:
      - { option: q1.c, quote: 'even if there is no ejaculation' }`,
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/agenda\[2\]\.teaches\[0\]: this item comes after the quiz/),
    );
  });

  it('reports a reference to a quiz item or option that does not exist as an error', () => {
    const problems = problemsOf(`    teaches:
      - { option: q9.a, quote: 'No latex, no sex' }
      - { option: q1.z, quote: 'No latex, no sex' }
      - { option: 'q1', quote: 'No latex, no sex' }`);
    expect(problems).toContainEqual(
      expect.stringMatching(/agenda\[0\]\.teaches\[2\]\.option: name a quiz option as/),
    );
  });

  it('names unknown quiz items and options once the shape is right', () => {
    const problems = problemsOf(`    teaches:
      - { option: q9.a, quote: 'No latex, no sex' }
      - { option: q1.z, quote: 'No latex, no sex' }`);
    expect(problems).toContainEqual(
      expect.stringMatching(/agenda\[0\]\.teaches\[0\]\.option: no quiz item with id "q9"/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/agenda\[0\]\.teaches\[1\]\.option: quiz item "q1" has no option "z"/),
    );
  });
});
