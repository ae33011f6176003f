import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/database';
import { RejectedRequest } from '../../../electron/services/errors';
import {
  exportAllRecordsZip,
  redcapExport,
} from '../../../electron/services/records/exportRecords';
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
  MINUTE,
  parseCsv,
  summaryOf,
  T0,
} from './fixtures';
import { TEST_KEY } from '../../helpers/recordsKey';

const pack = groupFivePack();
const DAY = 24 * 60 * MINUTE;
const SECRET = 'a long random export secret';
const QUIZZES = [{ packId: pack.id, items: pack.quiz!.items }];
const NAMES = ['Rosalind', 'Benedikt', 'Xiomara', 'Quentin'];
const REDCAP_HEADER =
  'Variable / Field Name,Form Name,Section Header,Field Type,Field Label,' +
  '"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,' +
  'Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),' +
  'Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,' +
  'Matrix Ranking?,Field Annotation';

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let ids: Record<string, number>;
let sessions: { first: number; second: number; live: number; other: number };

/**
 * Two ended sessions of the Tuesday group a week apart (the later one inserted first), one still
 * running, and one of the Thursday group.
 */
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  const tuesday = insertCohort(db, 'Tuesday Harbor Clinic');
  const thursday = insertCohort(db, 'Thursday Eastside');
  ids = {
    Rosalind: insertMember(db, tuesday, 'Rosalind'),
    Benedikt: insertMember(db, tuesday, 'Benedikt'),
    Xiomara: insertMember(db, tuesday, 'Xiomara'),
    Quentin: insertMember(db, thursday, 'Quentin'),
  };
  const second = insertSession(
    db,
    tuesday,
    pack,
    summaryOf(
      pack,
      { review: { status: 'skipped', skippedReason: 'Late', runOrder: null } },
      T0 + 7 * DAY,
    ),
  );
  const first = insertSession(db, tuesday, pack, summaryOf(pack));
  const live = insertSession(db, tuesday, pack, null, T0 + 14 * DAY);
  const other = insertSession(db, thursday, pack, summaryOf(pack, {}, T0 + DAY));
  sessions = { first, second, live, other };

  checkIn(db, first, ids.Rosalind!);
  checkIn(db, first, ids.Benedikt!);
  checkIn(db, second, ids.Rosalind!);
  checkIn(db, other, ids.Quentin!);
  answer(db, pack, first, ids.Rosalind!, 'q1', 'd');
  answer(db, pack, first, ids.Rosalind!, 'q2', 'b');
  answer(db, pack, first, ids.Benedikt!, 'q1', 'a');
  // Answered on paper without being checked in.
  answer(db, pack, second, ids.Xiomara!, 'q5', 'b');
  answer(db, pack, other, ids.Quentin!, 'q3', 'd');
  db.prepare(
    'INSERT INTO flipchart_entries (session_id, question_id, text, created_at_ms) VALUES (?, ?, ?, ?)',
  ).run(first, 'what-is-negotiation', 'Give and take, "both" win', T0 + 10 * MINUTE);
  insertTeam(db, first, 1, 'scenario-1', [ids.Rosalind!], { respect: 1, bonus: 1 });
  insertTeam(db, first, 2, 'scenario-2', [ids.Benedikt!], { bargained: 1 });
});
afterEach(() => {
  expect(integrityOf(db)).toBe('ok');
  db.close();
  dir.remove();
});

function tables(zip: Uint8Array): Record<string, Record<string, string>[]> {
  const files = unzipSync(zip);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith('.csv'))
      .map(([name, bytes]) => {
        const [header, ...rows] = parseCsv(strFromU8(bytes));
        return [
          name,
          rows.map((row) => Object.fromEntries(header!.map((key, index) => [key, row[index]!]))),
        ];
      }),
  );
}

describe('exportAllRecordsZip', () => {
  it('holds a README and one CSV per table', () => {
    const files = unzipSync(exportAllRecordsZip(db));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'attendance.csv',
      'cohorts.csv',
      'flipchart.csv',
      'game_scores.csv',
      'members.csv',
      'quiz_answers.csv',
      'session_items.csv',
      'sessions.csv',
    ]);
    const readme = strFromU8(files['README.txt']!);
    for (const name of Object.keys(files).filter((file) => file.endsWith('.csv'))) {
      expect(readme).toContain(name);
    }
  });

  it('writes the rows with ISO times in UTC', () => {
    const csv = tables(exportAllRecordsZip(db));
    expect(csv['cohorts.csv']).toEqual([
      { id: '1', name: 'Tuesday Harbor Clinic', created_at: '2026-11-22T17:00:00.000Z' },
      { id: '2', name: 'Thursday Eastside', created_at: '2026-11-22T17:00:00.000Z' },
    ]);
    expect(csv['members.csv']!.map((row) => row.name)).toEqual(NAMES);
    expect(csv['members.csv']![3]).toMatchObject({ cohort: 'Thursday Eastside', active: '1' });

    const sessionRows = csv['sessions.csv']!;
    expect(sessionRows).toHaveLength(4);
    expect(sessionRows.find((row) => row.id === String(sessions.first))).toMatchObject({
      cohort: 'Tuesday Harbor Clinic',
      pack_id: 'hhrp-group-5',
      pack_version: pack.version,
      facilitators: 'Riley; Sam',
      started_at: '2026-11-22T17:00:00.000Z',
      ended_at: '2026-11-22T19:00:00.000Z',
      status: 'ended',
      planned_minutes: String(pack.agenda.reduce((sum, item) => sum + item.minutes, 0)),
      actual_minutes: '120',
    });
    expect(sessionRows.find((row) => row.id === String(sessions.live))).toMatchObject({
      status: 'live',
      started_at: '',
      actual_minutes: '',
    });

    const items = csv['session_items.csv']!;
    expect(items).toHaveLength(3 * pack.agenda.length);
    expect(
      items.find((row) => row.session_id === String(sessions.second) && row.item_id === 'review'),
    ).toMatchObject({ status: 'skipped', run_order: '', skipped_reason: 'Late' });

    expect(csv['attendance.csv']).toHaveLength(4);
    expect(csv['quiz_answers.csv']).toContainEqual({
      session_id: String(sessions.first),
      cohort: 'Tuesday Harbor Clinic',
      member_id: String(ids.Rosalind),
      member: 'Rosalind',
      item_id: 'q2',
      answer: 'b',
      correct: '0',
      entered_by: 'counselor',
      answered_at: '2026-11-22T18:40:00.000Z',
    });
    expect(csv['flipchart.csv']![0]).toMatchObject({ text: 'Give and take, "both" win' });
    expect(csv['game_scores.csv']).toEqual([
      expect.objectContaining({
        team: '1',
        members: 'Rosalind',
        criterion_id: 'bonus',
        points: '1',
      }),
      expect.objectContaining({ team: '1', criterion_id: 'respect', points: '1' }),
      expect.objectContaining({ team: '2', members: 'Benedikt', criterion_id: 'bargained' }),
    ]);
  });
});

describe('redcapExport', () => {
  const rowsOf = (csv: string) => {
    const [header, ...rows] = parseCsv(csv);
    return {
      header: header!,
      rows: rows.map((row) => Object.fromEntries(header!.map((key, index) => [key, row[index]!]))),
    };
  };

  it('contains no names of members, groups or facilitators', () => {
    const { dataCsv, dictionaryCsv } = redcapExport(db, SECRET, QUIZZES);
    for (const name of [
      ...NAMES,
      'Tuesday',
      'Harbor',
      'Thursday',
      'Eastside',
      'Riley',
      'Sam',
      'Jo,',
    ]) {
      expect(dataCsv).not.toContain(name);
      expect(dictionaryCsv).not.toContain(name);
    }
    expect(dataCsv.toLowerCase()).not.toMatch(/rosalind|benedikt|xiomara|quentin/);
  });

  it('writes one repeating session instance per member and session attended or answered', () => {
    const { header, rows } = rowsOf(redcapExport(db, SECRET, QUIZZES).dataCsv);
    expect(header.slice(0, 8)).toEqual([
      'record_id',
      'redcap_repeat_instrument',
      'redcap_repeat_instance',
      'session_date',
      'program_pack',
      'pack_version',
      'cohort_code',
      'attended',
    ]);
    expect(header.slice(8)).toEqual([
      'quiz_q1',
      'quiz_q1_correct',
      'quiz_q2',
      'quiz_q2_correct',
      'quiz_q3',
      'quiz_q3_correct',
      'quiz_q4',
      'quiz_q4_correct',
      'quiz_q5',
      'quiz_q5_correct',
      'quiz_score',
      'session_complete',
    ]);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.record_id).toMatch(/^P[0-9a-f]{10}$/);
      expect(row.cohort_code).toMatch(/^C[0-9a-f]{8}$/);
      expect(row.redcap_repeat_instrument).toBe('session');
      expect(row).toMatchObject({ program_pack: 'hhrp-group-5', pack_version: pack.version });
    }

    const rosalind = rows.filter(
      (row) => row.record_id === rows.find((r) => r.quiz_q2 === 'b')!.record_id,
    );
    expect(rosalind.map((row) => [row.redcap_repeat_instance, row.session_date])).toEqual([
      ['1', '2026-11-22'],
      ['2', '2026-11-29'],
    ]);
    expect(rosalind[0]).toMatchObject({
      attended: '1',
      quiz_q1: 'd',
      quiz_q1_correct: '1',
      quiz_q2: 'b',
      quiz_q2_correct: '0',
      quiz_q3: '',
      quiz_q3_correct: '',
      quiz_score: '1',
      session_complete: '2',
    });
    expect(rosalind[1]).toMatchObject({ attended: '1', quiz_q1: '', quiz_score: '' });

    const xiomara = rows.find((row) => row.quiz_q5 === 'b')!;
    expect(xiomara).toMatchObject({ attended: '0', quiz_q5_correct: '1', quiz_score: '1' });
    const cohorts = new Set(rows.map((row) => row.cohort_code));
    expect(cohorts.size).toBe(2);
  });

  it('keeps pseudonyms stable for the same secret and unrelated for another', () => {
    const ids = (secret: string) =>
      rowsOf(redcapExport(db, secret, QUIZZES).dataCsv).rows.map(
        (row) => `${row.record_id}/${row.cohort_code}`,
      );
    const first = ids(SECRET);
    expect(ids(SECRET)).toEqual(first);
    const other = ids('another secret entirely');
    expect(other).toHaveLength(first.length);
    const firstCodes = new Set(first.flatMap((id) => id.split('/')));
    expect(other.flatMap((id) => id.split('/')).some((code) => firstCodes.has(code))).toBe(false);
  });

  it('refuses an empty secret', () => {
    expect(() => redcapExport(db, '  ', QUIZZES)).toThrow(RejectedRequest);
  });

  it('describes every data column in a dictionary with REDCap’s exact header and valid names', () => {
    const { dataCsv, dictionaryCsv } = redcapExport(db, SECRET, QUIZZES);
    expect(dictionaryCsv.split('\r\n')[0]).toBe(REDCAP_HEADER);
    const dictionary = parseCsv(dictionaryCsv);
    expect(dictionary.every((row) => row.length === 18)).toBe(true);
    const fields = dictionary.slice(1);
    expect(fields[0]!.slice(0, 2)).toEqual(['record_id', 'participant']);
    const names = fields.map((row) => row[0]!);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,99}$/);

    const forms = new Set(fields.map((row) => row[1]!));
    expect(forms).toEqual(new Set(['participant', 'session']));
    // REDCap adds its repeat columns and each form's status field itself; it refuses them in a dictionary.
    const builtIn = new Set([
      'redcap_repeat_instrument',
      'redcap_repeat_instance',
      ...[...forms].map((form) => `${form}_complete`),
    ]);
    for (const column of parseCsv(dataCsv)[0]!) {
      expect(builtIn.has(column) || names.includes(column), column).toBe(true);
    }
    for (const column of names) expect(builtIn.has(column)).toBe(false);

    const field = (name: string) => fields.find((row) => row[0] === name)!;
    expect(field('session_date').slice(1, 4)).toEqual(['session', '', 'text']);
    expect(field('session_date')[7]).toBe('date_ymd');
    expect(field('attended')[3]).toBe('yesno');
    expect(field('quiz_q1')[3]).toBe('radio');
    expect(field('quiz_q1')[4]).toBe(`Q1. ${pack.quiz!.items[0]!.prompt}`);
    expect(field('quiz_q1')[5]).toBe(
      'a, mutual trust | b, the strength of your intention to be safer | c, your ability to persuade your partner | d, all of the above',
    );
    expect(field('quiz_q5')[5]).toBe('a, True | b, False');
    expect(field('quiz_q1_correct')[3]).toBe('yesno');
  });

  it('builds the dictionary from the packs, the same before and after answers arrive', () => {
    const empty = openDatabase(join(dir.path, 'empty.sqlite3'), TEST_KEY);
    const before = redcapExport(empty, SECRET, QUIZZES);
    empty.close();
    expect(redcapExport(db, SECRET, QUIZZES).dictionaryCsv).toBe(before.dictionaryCsv);
    expect(parseCsv(before.dataCsv)[0]).toContain('quiz_q4');
  });

  it('gives clashing quiz item ids distinct valid field names', () => {
    const member = ids.Rosalind!;
    db.prepare(
      `INSERT INTO quiz_answers (session_id, member_id, item_id, answer, correct, entered_by, answered_at_ms)
       VALUES (?, ?, 'q1-correct', 'a', 1, 'self', ?), (?, ?, 'score', 'b', 0, 'self', ?)`,
    ).run(sessions.first, member, T0, sessions.first, member, T0);
    const header = parseCsv(redcapExport(db, SECRET, QUIZZES).dataCsv)[0]!;
    expect(new Set(header).size).toBe(header.length);
    expect(header).toEqual(
      expect.arrayContaining([
        'quiz_q1_correct',
        'quiz_q1_correct_2',
        'quiz_score',
        'quiz_score_2',
      ]),
    );
  });
});
