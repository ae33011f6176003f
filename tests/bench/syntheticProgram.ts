/**
 * A records database as a busy program would have it after ten years of Group Five: 100 groups
 * meeting weekly (500 sessions each), 12 members present per session answering the 5-item quiz
 * (3 million quiz_answers rows), attendance, two game teams per session with their scores, and
 * every session's summary JSON as the session service writes it. Built once per run with bulk
 * settings, then reopened with the app's own settings for the timings.
 */
import { join } from 'node:path';
import type { PackManifest } from '../../electron/content/pack/schema';
import { openDatabase, type Db } from '../../electron/db/database';
import { GroupRecords } from '../../electron/services/group/groupRecords';
import {
  buildSessionReport,
  sessionReportCsv,
  type SessionReport,
} from '../../electron/services/records/sessionReport';
import { MINUTE } from '../../electron/shared/session/schedule';
import { decide, startEvents } from '../../electron/services/session/sessionMachine';
import {
  applySessionEvent,
  initialSessionState,
  type SessionEvent,
  type SessionState,
} from '../../electron/shared/session/sessionState';
import { summarizeSession, type SessionSummary } from '../../electron/services/session/summary';
import { GROUP_START, log, makeTempDir } from './harness';
import type { LoadedPack } from '../../electron/content/pack/registry';
import { agendaShape } from '../../electron/services/session/sessionService';
import { loadGroupFive } from './packs';
import { median, timeSync } from './stats';
import { TEST_KEY } from '../helpers/recordsKey';

export interface ProgramShape {
  cohorts: number;
  sessionsPerCohort: number;
  membersPerCohort: number;
  presentPerSession: number;
}

export const TEN_YEARS: ProgramShape = {
  cohorts: 100,
  sessionsPerCohort: 500,
  membersPerCohort: 60,
  presentPerSession: 12,
};

export interface SyntheticProgram {
  file: string;
  manifest: PackManifest;
  shape: ProgramShape;
  sessions: number;
  quizAnswers: number;
  /** The newest session: the one a counselor is most likely to print. */
  recentSessionId: number;
  remove(): void;
}

const DAY = 24 * 60 * MINUTE;
const NAMES = ['Alex', 'Sam', 'Jo', 'Riley', 'Dee', 'Chris', 'Pat', 'Lee', 'Mo', 'Kim', 'Ty'];

/** One realistic fidelity record: every item run in order for its planned minutes, one adapted. */
function templateSummary(pack: LoadedPack): SessionSummary {
  const agenda = agendaShape(pack);
  const fold = (state: SessionState, events: SessionEvent[]) =>
    events.reduce(applySessionEvent, state);
  let now = 0;
  let state = fold(initialSessionState(agenda.length), startEvents(agenda, now));
  for (let index = 1; index < agenda.length; index += 1) {
    now += agenda[index - 1]!.minutes * MINUTE;
    state = fold(state, decide(state, agenda, { type: 'goToItem', index }, now));
  }
  state = fold(state, [{ type: 'adapted', index: 7, reason: 'Fewer responses; group was quiet' }]);
  now += agenda.at(-1)!.minutes * MINUTE;
  state = fold(state, decide(state, agenda, { type: 'end' }, now));
  return summarizeSession(pack.manifest.agenda, state);
}

function insertProgram(db: Db, manifest: PackManifest, shape: ProgramShape): number {
  const quiz = manifest.quiz?.items ?? [];
  const game = manifest.game;
  if (quiz.length === 0 || !game) throw new Error('Group Five lost its quiz or game');
  const criteria = [...game.criteria.map((criterion) => criterion.id), 'bonus'];
  const template = templateSummary(loadGroupFive());
  const durationMs = template.endedAt - template.startedAt;
  const start = GROUP_START - 10 * 365 * DAY;

  const cohort = db.prepare('INSERT INTO cohorts (id, name, created_at_ms) VALUES (?, ?, ?)');
  const member = db.prepare(
    'INSERT INTO members (id, cohort_id, name, joined_at_ms, active) VALUES (?, ?, ?, ?, ?)',
  );
  const session = db.prepare(
    `INSERT INTO sessions (id, cohort_id, pack_id, pack_version, pack_title, facilitators,
       time_keeper, created_at_ms, status, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ended', ?)`,
  );
  const attendance = db.prepare(
    'INSERT INTO attendance (session_id, member_id, checked_in_at_ms) VALUES (?, ?, ?)',
  );
  const answer = db.prepare(
    `INSERT INTO quiz_answers (session_id, member_id, item_id, answer, correct, entered_by,
       answered_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const team = db.prepare(
    'INSERT INTO game_teams (id, session_id, number, scenario_id) VALUES (?, ?, ?, ?)',
  );
  const teamMember = db.prepare('INSERT INTO game_team_members (team_id, member_id) VALUES (?, ?)');
  const score = db.prepare(
    'INSERT INTO game_scores (team_id, criterion_id, points) VALUES (?, ?, ?)',
  );

  db.transaction(() => {
    for (let c = 0; c < shape.cohorts; c += 1) {
      cohort.run(c + 1, `Group ${c + 1}`, start);
      for (let m = 0; m < shape.membersPerCohort; m += 1) {
        const id = c * shape.membersPerCohort + m + 1;
        member.run(id, c + 1, `${NAMES[m % NAMES.length]} ${m + 1}`, start, m < 40 ? 0 : 1);
      }
    }
  })();

  // Sessions in the order they happened (all groups' week 1, then week 2…), so ids follow time.
  let sessionId = 0;
  let teamId = 0;
  let quizRows = 0;
  const weeksPerBatch = 25;
  for (let week = 0; week < shape.sessionsPerCohort; week += weeksPerBatch) {
    db.transaction(() => {
      const lastWeek = Math.min(shape.sessionsPerCohort, week + weeksPerBatch);
      for (let k = week; k < lastWeek; k += 1) {
        for (let c = 0; c < shape.cohorts; c += 1) {
          sessionId += 1;
          const startedAt = start + k * 7 * DAY + (c % 5) * DAY + Math.floor(c / 5) * 30 * MINUTE;
          const summary = { ...template, startedAt, endedAt: startedAt + durationMs };
          session.run(
            sessionId,
            c + 1,
            manifest.id,
            manifest.version,
            manifest.title,
            JSON.stringify(['Riley', 'Sam']),
            c % 3 === 0 ? 'Jordan' : null,
            startedAt,
            JSON.stringify(summary),
          );
          // A rolling roster: a different 12 of the group's members each week.
          const present = Array.from(
            { length: shape.presentPerSession },
            (_, j) => c * shape.membersPerCohort + ((k * 3 + j * 5) % shape.membersPerCohort) + 1,
          ).sort((a, b) => a - b);
          for (const memberId of present) attendance.run(sessionId, memberId, startedAt);
          const quizAt = startedAt + 100 * MINUTE;
          present.forEach((memberId, j) => {
            quiz.forEach((item, i) => {
              const key = item.options[(k + j + i * 3) % item.options.length]!.key;
              const correct = key === item.answer ? 1 : 0;
              answer.run(sessionId, memberId, item.id, key, correct, 'counselor', quizAt + j);
              quizRows += 1;
            });
          });
          for (let number = 1; number <= 2; number += 1) {
            teamId += 1;
            team.run(teamId, sessionId, number, game.scenarios[(k + number) % 4]!.id);
            present
              .filter((_, j) => j % 2 === number - 1)
              .forEach((memberId) => teamMember.run(teamId, memberId));
            criteria.forEach((criterion, i) => score.run(teamId, criterion, (k + i + number) % 2));
          }
        }
      }
    })();
  }
  return quizRows;
}

/** Builds the ten-year database in a temp folder (about a minute on two cores). */
export function buildSyntheticProgram(shape: ProgramShape = TEN_YEARS): SyntheticProgram {
  const data = makeTempDir('program');
  const file = join(data.path, 'kiosk.sqlite3');
  const { manifest } = loadGroupFive();
  try {
    // openDatabase applies the app's migrations; the bulk settings below are for the set-up only.
    const db = openDatabase(file, TEST_KEY);
    let quizAnswers: number;
    try {
      db.pragma('synchronous = OFF');
      db.pragma('foreign_keys = OFF');
      db.pragma('cache_size = -262144');
      const { ms, result } = timeSync(() => insertProgram(db, manifest, shape));
      quizAnswers = result;
      db.pragma('wal_checkpoint(TRUNCATE)');
      log(`synthetic program: ${quizAnswers} quiz answers inserted in ${(ms / 1000).toFixed(1)} s`);
    } finally {
      db.close();
    }
    const sessions = shape.cohorts * shape.sessionsPerCohort;
    return {
      file,
      manifest,
      shape,
      sessions,
      quizAnswers,
      recentSessionId: sessions,
      remove: data.remove,
    };
  } catch (error) {
    data.remove();
    throw error;
  }
}

/** The after-session report and its CSV for a recent session, over the ten-year database. */
export function reportTimings(
  program: SyntheticProgram,
  runs = 10,
  open: (file: string) => Db = (file) => openDatabase(file, TEST_KEY),
): { report: number; csv: number } {
  // Reopened exactly as the app opens its records (WAL, synchronous = FULL, foreign keys on).
  const db = open(program.file);
  try {
    const reportMs: number[] = [];
    let report: SessionReport | null = null;
    for (let run = 0; run < runs; run += 1) {
      const timed = timeSync(() =>
        buildSessionReport(db, program.recentSessionId, program.manifest),
      );
      reportMs.push(timed.ms);
      report = timed.result;
    }
    if (report?.quizResults[0]?.answered !== program.shape.presentPerSession) {
      throw new Error('the report does not see the session’s quiz answers');
    }
    // The CSV a counselor downloads is the report read from the database, then serialized (as
    // the records desk does), so the export is timed end to end over the ten-year database.
    const csvMs: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const timed = timeSync(() =>
        sessionReportCsv(buildSessionReport(db, program.recentSessionId, program.manifest)),
      );
      csvMs.push(timed.ms);
      if (!timed.result.includes('Quiz results')) throw new Error('the CSV lost a section');
    }
    logConsoleGroupView(db, program);
    return { report: median(reportMs), csv: median(csvMs) };
  } finally {
    db.close();
  }
}

/**
 * Not a metric, but the same ten years seen from the live console: the group panel counts each
 * member's sessions and quizzes on every refresh. Logged so a slow query there is not missed.
 */
function logConsoleGroupView(db: Db, program: SyntheticProgram): void {
  const row = db
    .prepare<[number], { cohort_id: number }>('SELECT cohort_id FROM sessions WHERE id = ?')
    .get(program.recentSessionId)!;
  const records = new GroupRecords(db, { now: () => GROUP_START });
  const context = {
    sessionId: program.recentSessionId,
    cohortId: row.cohort_id,
    pack: program.manifest,
  };
  const { ms } = timeSync(() => records.view(context));
  log(
    `info: GroupRecords.view (every console refresh) on the 10-year database: ${ms.toFixed(1)} ms`,
  );
}
