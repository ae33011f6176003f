import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/db/database';
import { listProgramSessions } from '../../../electron/db/queries/program';
import {
  programFigures,
  selectionOf,
  type ProgramFilter,
} from '../../../electron/services/program/programFigures';
import { buildProgramView } from '../../../electron/services/program/programView';
import { chartCsv } from '../../../electron/services/program/programDesk';
import { programReportPdf } from '../../../electron/services/print';
import { markSessionEnded } from '../../../electron/db/queries/sessions';
import { makeTempDir } from '../../helpers/tempDir';
import {
  answer,
  checkIn,
  groupFivePack,
  insertCohort,
  insertMember,
  insertSession,
  MINUTE,
  summaryOf,
  T0,
} from '../records/fixtures';

const pack = groupFivePack();
const DAY = 24 * 60 * MINUTE;
const ALL: ProgramFilter = { packId: null, cohortId: null, from: '2026-01-01', to: '2026-12-31' };
let dir: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'));
});
afterEach(() => {
  db.close();
  dir.remove();
});

const figures = (filter: ProgramFilter = ALL) =>
  programFigures(db, filter, (id) => (id === pack.id ? pack : null), new Map());

/** Three weekly sessions of one group; the second skips the drugs-and-alcohol item (q2, q4). */
function weeklyProgram() {
  const cohort = insertCohort(db, 'Thursday group');
  const [ana, ben, cy] = ['Ana', 'Ben', 'Cy'].map((name) => insertMember(db, cohort, name));
  const sessions = [
    summaryOf(pack, { 'begin-group': { actualMinutes: 9 } }, T0),
    summaryOf(
      pack,
      {
        'drugs-and-alcohol': { status: 'skipped', skippedReason: 'Ran short', runOrder: null },
        'negotiation-defined': { adaptedReason: 'Quiet group' },
      },
      T0 + 7 * DAY,
    ),
    summaryOf(pack, {}, T0 + 14 * DAY),
  ].map((summary) => insertSession(db, cohort, pack, summary));
  const present = [[ana, ben, cy], [ana, ben], [ana]];
  sessions.forEach((sessionId, index) => {
    for (const member of present[index]!) {
      checkIn(db, sessionId, member!);
      answer(db, pack, sessionId, member!, 'q2', member === ben ? 'b' : 'a');
    }
  });
  return { cohort, sessions, members: { ana: ana!, ben: ben!, cy: cy! } };
}

describe('the Program figures', () => {
  it('keep the fidelity rows in step with the summaries, also when a session ends later', () => {
    const cohort = insertCohort(db, 'Late group');
    const sessionId = insertSession(db, cohort, pack, null);
    expect(listProgramSessions(db, selectionOf(ALL))).toEqual([]);
    markSessionEnded(db, sessionId, summaryOf(pack));
    expect(listProgramSessions(db, selectionOf(ALL))).toMatchObject([
      { id: sessionId, planned_minutes: 120, actual_minutes: 120, started_at_ms: T0 },
    ]);
  });

  it('give each agenda item its planned and actual minutes, skips, adaptations and reasons', () => {
    weeklyProgram();
    const [fidelity] = figures().fidelity;
    const begin = fidelity!.items.find((item) => item.itemId === 'begin-group')!;
    expect(begin).toMatchObject({ plannedMinutes: 5, sessions: 3, delivered: 3 });
    expect(begin.actual).toEqual({ min: 5, q1: 5, median: 5, q3: 7, max: 9, mean: 6.3 });
    const drugs = fidelity!.items.find((item) => item.itemId === 'drugs-and-alcohol')!;
    expect(drugs).toMatchObject({ skipped: 1, delivered: 2 });
    expect(fidelity!.reasons).toEqual([
      expect.objectContaining({ change: 'adapted', reason: 'Quiet group', times: 1 }),
      expect.objectContaining({ change: 'skipped', reason: 'Ran short', times: 1 }),
    ]);
  });

  it('count attendance, first-timers and who came to their group’s next two sessions', () => {
    weeklyProgram();
    const result = figures();
    expect(result.counts).toMatchObject({ sessions: 3, groups: 1, members: 3 });
    expect(result.attendance.periods.map((period) => period.present)).toEqual([3, 2, 1]);
    // Ana came to both next sessions, Ben to one, Cy to neither.
    expect(result.attendance.retention).toEqual({
      firstTimers: 3,
      cameToBoth: 1,
      cameToOne: 1,
      cameToNeither: 1,
      tooRecent: 0,
    });
  });

  it('follow a member to the next sessions even outside the range, and call the newest too recent', () => {
    weeklyProgram();
    const firstWeek = figures({ ...ALL, to: '2026-11-23' });
    expect(firstWeek.counts.sessions).toBe(1);
    expect(firstWeek.attendance.retention.cameToBoth).toBe(1);
    const lastWeek = figures({ ...ALL, from: '2026-12-05' });
    expect(lastWeek.attendance.retention).toMatchObject({ firstTimers: 0 });
  });

  it('split quiz results by whether the material was taught before the quiz', () => {
    weeklyProgram();
    const [quiz] = figures().quiz;
    const q2 = quiz!.items.find((item) => item.itemId === 'q2')!;
    expect(q2).toMatchObject({ answered: 6, correct: 4 });
    expect(q2.wrong).toEqual([{ key: 'b', text: expect.any(String), times: 2 }]);
    expect(q2.coverage).toEqual({
      sessions: 3,
      coveredSessions: 2,
      covered: { answered: 4, correct: 3 },
      notCovered: { answered: 2, correct: 1 },
    });
  });

  it('leave out sessions of other packs, other groups and other dates', () => {
    const { cohort } = weeklyProgram();
    const other = insertCohort(db, 'Monday group');
    insertSession(db, other, pack, summaryOf(pack, {}, T0 + DAY));
    expect(figures().counts.sessions).toBe(4);
    expect(figures({ ...ALL, cohortId: cohort }).counts.sessions).toBe(3);
    expect(figures({ ...ALL, packId: 'another-pack' }).counts.sessions).toBe(0);
    expect(figures({ ...ALL, from: '2026-12-01' }).counts.sessions).toBe(1);
  });
});

describe('the Program view and report', () => {
  it('give every chart a unique id and its figures as CSV, and print on the chosen paper', async () => {
    weeklyProgram();
    const view = buildProgramView(figures(), {
      packs: [],
      cohorts: [],
      firstDay: null,
      lastDay: null,
    });
    const ids = view.sections.flatMap((section) => section.blocks.map((block) => block.id));
    expect(new Set(ids).size).toBe(ids.length);
    const retention = view.sections
      .flatMap((section) => section.blocks)
      .find((block) => block.id === 'attendance-retention')!;
    expect(chartCsv(retention)).toContain('Period of first session,First sessions,Came to both');
    const bytes = await programReportPdf({
      view,
      packTitles: [pack.title],
      cohortName: null,
      pageSize: 'Letter',
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThan(3);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
  });
});
