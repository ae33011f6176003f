import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../../electron/content/pack/loadPack';
import { formatProblem } from '../../../electron/content/pack/problems';
import type { PackManifest } from '../../../electron/content/pack/schema';

const CURRICULA = resolve('resources/curricula');
const SEEDS = resolve('..', 'shared', 'seeds');

function load(id: string): { manifest: PackManifest; problems: string[] } {
  const check = checkPack(resolve(CURRICULA, id));
  expect(check.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  return { manifest: check.manifest!, problems: check.problems.map(formatProblem) };
}

/** Letters and digits only, so line breaks, hyphenation and quote styles do not matter. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

describe('HHRP+ Group Five pack', () => {
  const { manifest: pack, problems } = load('hhrp-group-5');

  it('is session 5 of HHRP+, a two-hour client group', () => {
    expect(pack).toMatchObject({
      program: 'HHRP+',
      session: 5,
      minutes: 120,
      audience: 'client-group',
    });
  });

  it("has the manual's fifteen agenda items with their printed times and durations", () => {
    expect(pack.agenda.map((item) => [item.clock, item.minutes, item.kind])).toEqual([
      ['0:00', 5, 'opening'],
      ['0:05', 5, 'didactic'],
      ['0:10', 5, 'discussion'],
      ['0:15', 10, 'didactic'],
      ['0:25', 10, 'demonstration'],
      ['0:35', 5, 'didactic'],
      ['0:40', 10, 'video'],
      ['0:45', 5, 'discussion'],
      ['0:50', 10, 'break'],
      ['1:05', 5, 'review'],
      ['1:10', 15, 'video'],
      ['1:25', 5, 'discussion'],
      ['1:30', 15, 'game'],
      ['1:45', 5, 'quiz'],
      ['1:50', 10, 'relaxation'],
    ]);
    expect(pack.agenda.reduce((sum, item) => sum + item.minutes, 0)).toBe(120);
  });

  it('warns only about the two printed clock times that disagree with the durations', () => {
    expect(problems).toEqual([
      expect.stringMatching(/agenda\[7\]\.clock: printed time 0:45 .*\(0:50\)/),
      expect.stringMatching(/agenda\[9\]\.clock: printed time 1:05 .*\(1:00\)/),
    ]);
  });

  it('demonstrates the five elements of persuasion between two counselors', () => {
    const demo = pack.agenda.find((item) => item.kind === 'demonstration')!.demonstration!;
    expect(demo.elements.map((element) => element.title)).toEqual([
      "Respect for partner's concerns",
      'Education',
      'Perseverance',
      'Eroticizing latex',
      'Bargaining',
    ]);
    for (const element of demo.elements)
      expect(element.lines.map((line) => line.speaker)).toEqual([1, 2]);
  });

  it('stops the second video after each of its four vignettes', () => {
    const video = pack.agenda[10]!.video!;
    const media = pack.media.find((entry) => entry.id === video.media)!;
    expect(media.cues.map((cue) => cue.title)).toEqual([
      'Vignette 1',
      'Vignette 2',
      'Vignette 3',
      'Vignette 4',
    ]);
    expect(media.cues.every((cue) => cue.points.length > 0)).toBe(true);
  });

  it('scores the game on eight criteria plus other skills (9) and a participation bonus (10)', () => {
    const game = pack.game!;
    expect(game.criteria).toHaveLength(9);
    expect(game.criteria.every((criterion) => criterion.points === 1)).toBe(true);
    expect(game.bonus?.points).toBe(1);
    expect(game.maxPoints).toBe(10);
    expect(game.scenarios).toHaveLength(4);
    expect(game.practiceMinutes).toBe(5);
    expect(game.teams).toEqual({ min: 2, max: 3 });
  });

  it("keys the quiz as the manual's feedback does: d, a, d, c, b", () => {
    expect(pack.quiz!.items.map((item) => item.answer)).toEqual(['d', 'a', 'd', 'c', 'b']);
    expect(pack.quiz!.items[4]!.kind).toBe('true-false');
  });

  it('marks every quiz item as prepared by some agenda item', () => {
    const marked = new Set(
      pack.agenda.flatMap((item) => [
        ...item.quizItems,
        ...item.questions.flatMap((q) => q.quizItems),
      ]),
    );
    expect([...marked].sort()).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it('plays the ten-minute relaxation tape', () => {
    expect(pack.relaxation).toMatchObject({ media: 'relaxation-audio', minutes: 10 });
  });

  describe.skipIf(!existsSync(SEEDS))('matches the printed client workbook', () => {
    const workbook = existsSync(SEEDS)
      ? squash(readFileSync(resolve(SEEDS, '001_b12dd8a323cdc0cf.txt'), 'utf8'))
      : '';
    const manual = existsSync(SEEDS)
      ? squash(readFileSync(resolve(SEEDS, '000_caeea28f7bba11a5.txt'), 'utf8'))
      : '';

    it('quiz prompts and options word for word', () => {
      for (const item of pack.quiz!.items) {
        expect(workbook, item.prompt).toContain(squash(item.prompt));
        for (const option of item.options)
          expect(workbook, option.text).toContain(squash(option.text));
      }
    });

    it('scenario cards word for word', () => {
      for (const scenario of pack.game!.scenarios) {
        expect(workbook, scenario.title).toContain(squash(scenario.situation));
      }
    });

    it("scoring criteria as the manual's scoring sheet prints them", () => {
      for (const criterion of pack.game!.criteria)
        expect(manual, criterion.text).toContain(squash(criterion.text));
    });
  });
});

describe('Harm Reduction 101 pack', () => {
  const { manifest: pack, problems } = load('harm-reduction-101');

  it('is a provider workshop with no warnings', () => {
    expect(pack.audience).toBe('provider-workshop');
    expect(problems).toEqual([]);
  });

  it('covers the workshop in order', () => {
    const kinds = pack.agenda.map((item) => item.kind);
    expect(kinds[0]).toBe('opening');
    expect(kinds.at(-1)).toBe('closing');
    expect(kinds).toContain('break');
    expect(pack.agenda.filter((item) => item.kind === 'poll')).toHaveLength(2);
  });

  it('asks the room the multiple-choice question with all five options', () => {
    const poll = pack.agenda
      .map((item) => item.poll)
      .find((p) => p?.prompt.startsWith('Which of these can increase'))!;
    expect(poll.options.map((option) => option.text)).toEqual([
      'Unstable housing',
      'No or low income',
      'Feelings of isolation',
      'No access to safer supplies',
      'Not able to use supplies',
    ]);
    expect(poll.multiple).toBe(true);
  });

  it('offers the six principles in the resonate/challenge poll', () => {
    const poll = pack.agenda.map((item) => item.poll).find((p) => p?.prompt.includes('resonates'))!;
    expect(poll.options).toHaveLength(6);
  });

  it('brainstorms why people use drugs on the flipchart', () => {
    const flipchart = pack.agenda.flatMap((item) => item.questions).filter((q) => q.flipchart);
    expect(flipchart.some((q) => /why do people use drugs/i.test(q.prompt))).toBe(true);
  });
});

describe('projector check pack', () => {
  it('loads without problems', () => {
    expect(load('projector-check').problems).toEqual([]);
  });
});
