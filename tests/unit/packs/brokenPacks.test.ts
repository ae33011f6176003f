import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPack } from '../../../electron/content/pack/loadPack';
import { formatProblem } from '../../../electron/shared/pack/problems';
import { makeTempDir } from '../../helpers/tempDir';
import { MINIMAL_PACK, writePack } from '../../helpers/packs';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

function problemsOf(files: Record<string, string>): string[] {
  return checkPack(writePack(join(dir.path, 'pack'), files)).problems.map(formatProblem);
}

const withVideo = (cues: string, extra = '') => `format: 1
id: video-pack
version: 1.0.0
title: Video pack
program: Test
language: en
minutes: 10
audience: client-group
agenda:
  - id: watch
    title: Watch
    kind: video
    minutes: 10
    video: { media: clip }
${extra}media:
  - id: clip
    kind: video
    title: Clip
    length: "2:00"
    cues:
${cues}
`;

describe('pack validation', () => {
  it('accepts the minimal pack', () => {
    expect(problemsOf({ 'pack.yaml': MINIMAL_PACK })).toEqual([]);
  });

  it('reports a folder without a manifest', () => {
    expect(problemsOf({ 'readme.txt': 'hi' })).toEqual(['pack.yaml no pack.yaml in this folder']);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf({
      'pack.yaml': 'format: 1\nid: x\ntitle: [unclosed\nminutes: 3\n',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^pack\.yaml:\d YAML: /);
  });

  it('reports duplicate keys', () => {
    expect(
      problemsOf({
        'pack.yaml': MINIMAL_PACK.replace('minutes: 10\n', 'minutes: 10\nminutes: 12\n'),
      })[0],
    ).toMatch(/^pack\.yaml:8 YAML: Map keys must be unique/);
  });

  it('names the file, line and field of a wrong value', () => {
    const pack = MINIMAL_PACK.replace('    minutes: 10', '    minutes: ten');
    expect(problemsOf({ 'pack.yaml': pack })).toEqual([
      'pack.yaml:13 agenda[0].minutes: Invalid input: expected number, received string',
    ]);
  });

  it('rejects unknown fields and bad kinds', () => {
    const pack = MINIMAL_PACK.replace('    kind: opening', '    kind: lecture\n    colour: red');
    const problems = problemsOf({ 'pack.yaml': pack });
    expect(problems).toContainEqual(
      expect.stringMatching(/^pack\.yaml:12 agenda\[0\]\.kind: Invalid option/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/^pack\.yaml:1[01] agenda\[0\]: Unrecognized key: "colour"/),
    );
  });

  it('points a missing field at its parent', () => {
    const pack = MINIMAL_PACK.replace('title: Mini pack\n', '');
    expect(problemsOf({ 'pack.yaml': pack })).toEqual([
      'pack.yaml:1 title: Invalid input: expected string, received undefined',
    ]);
  });

  it('reports a quiz marker that points at no quiz item', () => {
    const pack = MINIMAL_PACK.replace(
      '    slides: [hello]',
      '    slides: [hello]\n    quizItems: [q9]',
    );
    expect(problemsOf({ 'pack.yaml': pack })).toEqual([
      'pack.yaml:15 agenda[0].quizItems[0]: no quiz item with id "q9"',
    ]);
  });

  it('reports missing slides, slide files and images', () => {
    const pack = MINIMAL_PACK.replace(
      'slides: [hello]',
      'slides: [hello, nowhere, from-file]',
    ).concat(
      '  - id: from-file\n    file: slides/missing.md\n  - id: picture\n    markdown: "# Look ![x](images/none.png)"\n',
    );
    expect(problemsOf({ 'pack.yaml': pack })).toEqual(
      [
        'pack.yaml:14 agenda[0].slides[1]: no slide with id "nowhere"',
        'pack.yaml:19 slides[1].file: file "slides/missing.md" is missing',
        'pack.yaml:21 slides[2].markdown: image "images/none.png" is missing',
        'pack.yaml:20 warning: slides[2].id: slide "picture" is not used by any agenda item',
      ].sort((a, b) => Number(a.split(/[: ]/)[1]) - Number(b.split(/[: ]/)[1])),
    );
  });

  it('reports a missing image inside a Markdown slide file against that file', () => {
    const pack = MINIMAL_PACK.replace('    markdown: "# Hello"', '    file: slides/hello.md');
    expect(
      problemsOf({ 'pack.yaml': pack, 'slides/hello.md': '# Hi\n\n![chart](chart.png)\n' }),
    ).toEqual(['slides/hello.md slides[0].file: image "chart.png" is missing']);
  });

  it('refuses images from the network and paths outside the pack', () => {
    const pack = MINIMAL_PACK.replace(
      '"# Hello"',
      '"# Hi ![a](https://example.org/a.png) ![b](../b.png)"',
    );
    expect(problemsOf({ 'pack.yaml': pack })).toEqual([
      'pack.yaml:17 slides[0].markdown: image "https://example.org/a.png" must be a file in the pack: the kiosk never loads from the network',
      'pack.yaml:17 slides[0].markdown: image "../b.png" must be inside the pack folder',
    ]);
  });

  it('reports cue points out of order or beyond the media length', () => {
    const cues = [
      '      - { id: one, at: "0:30", title: One }',
      '      - { id: two, at: "0:20", title: Two }',
      '      - { id: three, at: "2:30", title: Three }',
    ].join('\n');
    expect(problemsOf({ 'pack.yaml': withVideo(cues) })).toEqual([
      'pack.yaml:22 media[0].cues[1].at: cue points must be in increasing order',
      "pack.yaml:23 media[0].cues[2].at: beyond the media's length",
    ]);
  });

  it('reports duplicate ids', () => {
    const cues =
      '      - { id: one, at: "0:30", title: One }\n      - { id: one, at: "0:40", title: Again }';
    expect(problemsOf({ 'pack.yaml': withVideo(cues) })).toEqual([
      'pack.yaml:22 media[0].cues[1].id: duplicate cue id "one" (also media.0.cues[0])',
    ]);
  });

  it('reports scoring points that do not add up', () => {
    const game = `game:
  title: Game
  teams: { min: 2, max: 3 }
  practiceMinutes: 5
  scenarios:
    - { id: s1, title: One, situation: A situation, roles: [First, Second] }
  criteria:
    - { id: c1, text: Respect, points: 1 }
    - { id: c2, text: Knowledge, points: 1 }
  bonus: { text: Everyone took part, points: 1 }
  maxPoints: 10
`;
    expect(problemsOf({ 'pack.yaml': MINIMAL_PACK + game })).toEqual([
      'pack.yaml:28 game.maxPoints: criteria (2) plus bonus (1) add up to 3, not 10',
    ]);
  });

  it('reports a quiz answer that is not an option', () => {
    const quiz = `quiz:
  items:
    - id: q1
      prompt: Pick one
      options: [{ key: a, text: Yes }, { key: b, text: No }]
      answer: c
      feedback: It was a.
`;
    const pack =
      MINIMAL_PACK.replace('    slides: [hello]', '    slides: [hello]\n    quizItems: [q1]') +
      quiz;
    expect(problemsOf({ 'pack.yaml': pack })).toEqual(
      [
        'pack.yaml:24 quiz.items[0].answer: "c" is not one of the options',
        'pack.yaml:20 warning: quiz: no agenda item of kind "quiz" uses the quiz',
      ].sort((a, b) => Number(a.split(/[: ]/)[1]) - Number(b.split(/[: ]/)[1])),
    );
  });

  it('treats timing inconsistencies as warnings, so the pack still loads', () => {
    const pack = MINIMAL_PACK.replace('    minutes: 10', '    minutes: 10\n    clock: "0:05"');
    const check = checkPack(writePack(join(dir.path, 'pack'), { 'pack.yaml': pack }));
    expect(check.manifest).not.toBeNull();
    expect(check.problems.map(formatProblem)).toEqual([
      'pack.yaml:14 warning: agenda[0].clock: printed time 0:05 does not follow from the durations before it (0:00)',
    ]);
  });
});
