import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/database';
import { RejectedRequest } from '../../../electron/services/errors';
import { csvField, csvLine, toCsv } from '../../../electron/services/records/csv';
import {
  buildSessionReport,
  sessionReportCsv,
} from '../../../electron/services/records/sessionReport';
import { makeTempDir } from '../../helpers/tempDir';
import {
  answer,
  checkIn,
  groupFivePack,
  insertCohort,
  insertMember,
  insertSession,
  insertTeam,
  integrityOf,
  parseCsv,
  summaryOf,
  T0,
} from './fixtures';
import { TEST_KEY } from '../../helpers/recordsKey';

const pack = groupFivePack();
let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let cohortId: number;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  cohortId = insertCohort(db, 'Tuesday group');
});
afterEach(() => {
  expect(integrityOf(db)).toBe('ok');
  db.close();
  dir.remove();
});

const coverage = (overrides: Parameters<typeof summaryOf>[1]) => {
  const sessionId = insertSession(db, cohortId, pack, summaryOf(pack, overrides));
  return Object.fromEntries(
    buildSessionReport(db, sessionId, pack).quizCoverage.map((entry) => [
      entry.itemId,
      entry.covered,
    ]),
  );
};

describe('buildSessionReport', () => {
  it('refuses a missing session and one that has not ended', () => {
    expect(() => buildSessionReport(db, 42, pack)).toThrow(RejectedRequest);
    const live = insertSession(db, cohortId, pack, null);
    expect(() => buildSessionReport(db, live, pack)).toThrow(/not ended/);
  });

  it('reports the session, the stored agenda record and who came', () => {
    const summary = summaryOf(pack, {
      review: { status: 'skipped', skippedReason: 'Ran late', runOrder: null },
    });
    const sessionId = insertSession(db, cohortId, pack, summary);
    checkIn(db, sessionId, insertMember(db, cohortId, 'Rosalind'));
    checkIn(db, sessionId, insertMember(db, cohortId, 'benedikt'));
    insertMember(db, cohortId, 'Absent Al');

    const report = buildSessionReport(db, sessionId, pack);
    expect(report.session).toEqual({
      id: sessionId,
      packId: 'hhrp-group-5',
      packTitle: pack.title,
      packVersion: pack.version,
      cohortName: 'Tuesday group',
      facilitators: ['Riley', 'Sam'],
      startedAt: T0,
      endedAt: summary.endedAt,
      plannedMinutes: summary.plannedMinutes,
      actualMinutes: 120,
    });
    expect(report.items).toEqual(summary.items);
    expect(report.attendance).toEqual({ count: 2, names: ['benedikt', 'Rosalind'] });
    expect(report.game).toBeNull();
  });

  it('marks every quiz item covered when the agenda ran in order', () => {
    expect(coverage({})).toEqual({ q1: true, q2: true, q3: true, q4: true, q5: true });
  });

  it('lists the agenda items that prepare each quiz item, from items and their questions', () => {
    const sessionId = insertSession(db, cohortId, pack, summaryOf(pack));
    const report = buildSessionReport(db, sessionId, pack);
    expect(
      report.quizCoverage.map(({ itemId, number, preparedBy }) => ({ itemId, number, preparedBy })),
    ).toEqual([
      { itemId: 'q1', number: 1, preparedBy: ['tips-for-negotiation'] },
      { itemId: 'q2', number: 2, preparedBy: ['drugs-and-alcohol'] },
      { itemId: 'q3', number: 3, preparedBy: ['personal-vulnerability'] },
      { itemId: 'q4', number: 4, preparedBy: ['drugs-and-alcohol'] },
      { itemId: 'q5', number: 5, preparedBy: ['tips-for-negotiation', 'personal-vulnerability'] },
    ]);
    expect(report.quizCoverage[0]!.prompt).toBe(pack.quiz!.items[0]!.prompt);
  });

  it('counts a quiz item uncovered when its teaching was skipped, not reached or came after the quiz', () => {
    expect(
      coverage({
        'drugs-and-alcohol': { status: 'skipped', skippedReason: 'Time', runOrder: null },
      }),
    ).toMatchObject({ q2: false, q4: false, q1: true });
    expect(
      coverage({
        'tips-for-negotiation': { status: 'not-reached', runOrder: null },
      }),
    ).toMatchObject({ q1: false, q5: true });
    expect(
      coverage({
        'drugs-and-alcohol': { runOrder: 15 },
        relaxation: { runOrder: 12 },
      }),
    ).toMatchObject({ q2: false, q4: false, q3: true });
  });

  it('counts delivery at any time when the quiz itself never ran', () => {
    expect(
      coverage({
        quiz: { status: 'not-reached', runOrder: null },
        'drugs-and-alcohol': { runOrder: 14 },
        relaxation: { runOrder: 12 },
        'personal-vulnerability': { status: 'skipped', runOrder: null },
      }),
    ).toEqual({ q1: true, q2: true, q3: false, q4: true, q5: true });
  });

  it('counts every option of every quiz item, zero when nobody chose it', () => {
    const sessionId = insertSession(db, cohortId, pack, summaryOf(pack));
    const [ana, bo, cy] = ['Ana', 'Bo', 'Cy'].map((name) => insertMember(db, cohortId, name));
    answer(db, pack, sessionId, ana!, 'q1', 'd');
    answer(db, pack, sessionId, bo!, 'q1', 'd');
    answer(db, pack, sessionId, cy!, 'q1', 'a');
    answer(db, pack, sessionId, ana!, 'q5', 'b');

    const results = buildSessionReport(db, sessionId, pack).quizResults;
    expect(results.map((result) => result.itemId)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(results[0]).toMatchObject({
      number: 1,
      correctKey: 'd',
      counts: { a: 1, b: 0, c: 0, d: 2 },
      answered: 3,
      correct: 2,
    });
    expect(results[1]).toMatchObject({ counts: { a: 0, b: 0, c: 0, d: 0 }, answered: 0 });
    expect(results[4]).toMatchObject({ counts: { a: 0, b: 1 }, answered: 1, correct: 1 });
  });

  it('scores the game per criterion with the bonus, and names the winner', () => {
    const sessionId = insertSession(db, cohortId, pack, summaryOf(pack));
    const [ana, bo, cy] = ['Ana', 'Bo', 'Cy'].map((name) => insertMember(db, cohortId, name));
    insertTeam(db, sessionId, 1, 'scenario-1', [bo!, ana!], { respect: 1, bargained: 1, bonus: 1 });
    insertTeam(db, sessionId, 2, 'scenario-2', [cy!], { respect: 1 });

    const game = buildSessionReport(db, sessionId, pack).game!;
    expect(game.maxPoints).toBe(10);
    expect(game.winners).toEqual([1]);
    const [first, second] = game.teams;
    expect(first).toMatchObject({
      number: 1,
      scenarioTitle: 'Scenario No. 1',
      members: ['Ana', 'Bo'],
      total: 3,
    });
    expect(first!.points).toHaveLength(pack.game!.criteria.length + 1);
    expect(first!.points.at(-1)).toEqual({
      criterionId: 'bonus',
      text: 'All team members participated in practice',
      points: 1,
    });
    expect(first!.points[0]).toEqual({
      criterionId: 'respect',
      text: "Respect for partner's concerns",
      points: 1,
    });
    expect(second).toMatchObject({ number: 2, members: ['Cy'], total: 1 });
  });

  it('names every team with the highest total on a tie', () => {
    const sessionId = insertSession(db, cohortId, pack, summaryOf(pack));
    const [ana, bo, cy] = ['Ana', 'Bo', 'Cy'].map((name) => insertMember(db, cohortId, name));
    insertTeam(db, sessionId, 1, 'scenario-1', [ana!], { respect: 1, bonus: 1 });
    insertTeam(db, sessionId, 2, 'scenario-2', [bo!], { respect: 1 });
    insertTeam(db, sessionId, 3, null, [cy!], { 'eroticized-latex': 1, bargained: 1 });
    const game = buildSessionReport(db, sessionId, pack).game!;
    expect(game.teams.map((team) => team.total)).toEqual([2, 1, 2]);
    expect(game.winners).toEqual([1, 3]);
    expect(game.teams[2]!.scenarioTitle).toBeNull();
  });

  it('still reports from the stored records without the pack', () => {
    const sessionId = insertSession(db, cohortId, pack, summaryOf(pack));
    const ana = insertMember(db, cohortId, 'Ana');
    answer(db, pack, sessionId, ana, 'q2', 'a');
    insertTeam(db, sessionId, 1, 'scenario-1', [ana], { respect: 1 });
    const report = buildSessionReport(db, sessionId, null);
    expect(report.quizCoverage).toEqual([]);
    expect(report.quizResults).toEqual([
      {
        itemId: 'q2',
        number: 1,
        prompt: '',
        correctKey: '',
        counts: { a: 1 },
        answered: 1,
        correct: 1,
      },
    ]);
    expect(report.game!.teams[0]).toMatchObject({ scenarioTitle: 'scenario-1', total: 1 });
  });
});

describe('csv', () => {
  it('quotes commas, quotes and line breaks and ends rows in CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvLine(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
    expect(toCsv([['x'], [], ['y']])).toBe('x\r\n\r\ny\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\t=1')).toBe(`"'\t'=1"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(12.5)).toBe('12.5');
    expect(() => csvField(Number.NaN)).toThrow();
  });
});

describe('sessionReportCsv', () => {
  it('writes titled sections separated by blank lines, each with a header row', () => {
    const sessionId = insertSession(
      db,
      cohortId,
      pack,
      summaryOf(pack, {
        review: { status: 'skipped', skippedReason: 'Late, sorry', runOrder: null },
      }),
    );
    const ana = insertMember(db, cohortId, 'Ana "A"');
    const evil = insertMember(db, cohortId, '=HYPERLINK("http://evil")');
    checkIn(db, sessionId, ana);
    checkIn(db, sessionId, evil);
    answer(db, pack, sessionId, ana, 'q1', 'd');
    insertTeam(db, sessionId, 1, 'scenario-1', [ana], { respect: 1, bonus: 1 });
    insertTeam(db, sessionId, 2, 'scenario-2', [evil], { respect: 1, bonus: 1 });

    const text = sessionReportCsv(buildSessionReport(db, sessionId, pack));
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(text);
    const titles = rows.filter((_, index) => index === 0 || rows[index - 1]!.join('') === '');
    expect(titles.map((row) => row[0])).toEqual([
      'Session',
      'Agenda',
      'In the order it happened',
      'Quiz coverage',
      'Attendance',
      'Quiz results',
      'Polls',
      'Game (out of 10 points)',
    ]);
    const sectionOf = (title: string) => {
      const start = rows.findIndex((row) => row[0] === title);
      const end = rows.findIndex((row, index) => index > start && row.join('') === '');
      return rows.slice(start + 1, end === -1 ? undefined : end);
    };

    const [sessionHeader, sessionRow] = sectionOf('Session');
    expect(
      Object.fromEntries(sessionHeader!.map((key, index) => [key, sessionRow![index]])),
    ).toMatchObject({
      Pack: 'hhrp-group-5',
      Group: 'Tuesday group',
      Facilitators: 'Riley; Sam',
      'Started (UTC)': '2026-11-22T17:00:00.000Z',
      'Members present': '2',
    });
    const agenda = sectionOf('Agenda');
    expect(agenda).toHaveLength(pack.agenda.length + 1);
    expect(agenda.find((row) => row[0] === 'review')).toContain('Late, sorry');
    expect(sectionOf('Quiz coverage')[1]).toEqual([
      'q1',
      '1',
      pack.quiz!.items[0]!.prompt,
      'Tips for Successful Negotiation',
      'yes',
    ]);
    expect(sectionOf('Attendance')).toEqual([
      [
        'Member',
        'Sessions in the kiosk',
        'Sessions before',
        'Before (note)',
        'Graduating',
        'Certificate',
        'Because',
      ],
      ['\'=HYPERLINK("http://evil")', '1', '0', '', '', 'no', '1 session of 4'],
      ['Ana "A"', '1', '0', '', '', 'no', '1 session of 4'],
    ]);
    const results = sectionOf('Quiz results');
    expect(results[0]).toEqual([
      'Quiz item',
      'Number',
      'Prompt',
      'Correct answer',
      'Answered',
      'Correct',
      'Chose a',
      'Chose b',
      'Chose c',
      'Chose d',
    ]);
    expect(results[1]!.slice(3)).toEqual(['d', '1', '1', '0', '0', '0', '1']);
    expect(results[5]!.slice(6)).toEqual(['0', '0', '', '']);
    const game = sectionOf('Game (out of 10 points)');
    expect(game[0]!.slice(0, 4)).toEqual([
      'Team',
      'Scenario',
      'Members',
      "Respect for partner's concerns",
    ]);
    expect(game[0]!.slice(-3)).toEqual([
      'All team members participated in practice',
      'Total',
      'Winner',
    ]);
    expect(game[1]!.slice(-2)).toEqual(['2', 'yes']);
    expect(game[2]!.slice(0, 3)).toEqual(['2', 'Scenario No. 2', '\'=HYPERLINK("http://evil")']);
    expect(game[2]!.slice(-2)).toEqual(['2', 'yes']);
  });
});
