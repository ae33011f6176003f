/**
 * Read-only queries for the Program view: the ended sessions in a date range (optionally one pack,
 * one group) and what happened in them, aggregated in SQL so that ten years of records stay fast.
 */
import type { Db } from '../database';

/** Which sessions the view covers; `toMs` is exclusive. */
export interface ProgramSelection {
  packId: string | null;
  cohortId: number | null;
  fromMs: number;
  toMs: number;
}

export interface ProgramSessionRow {
  id: number;
  cohort_id: number;
  pack_id: string;
  pack_title: string;
  started_at_ms: number;
  ended_at_ms: number;
  planned_minutes: number;
  actual_minutes: number;
}

/** One agenda item of an ended session, as its summary recorded it. */
export interface ItemRecordRow {
  session_id: number;
  position: number;
  item_id: string;
  title: string;
  kind: string;
  planned_minutes: number;
  actual_minutes: number;
  /** As the summary records it (services/session/summary.ts DeliveryStatus). */
  status: 'delivered' | 'adapted' | 'passed-through' | 'skipped' | 'not-reached';
  run_order: number | null;
  skipped_reason: string | null;
  adapted_reason: string | null;
}

export interface SessionAttendanceRow {
  session_id: number;
  present: number;
}

export interface QuizItemCountRow {
  session_id: number;
  item_id: string;
  answered: number;
  correct: number;
}

export interface WrongAnswerCountRow {
  pack_id: string;
  item_id: string;
  answer: string;
  n: number;
}

export interface FirstSessionRow {
  member_id: number;
  cohort_id: number;
  first_session_id: number;
}

export interface GraduationRow {
  member_id: number;
  cohort_id: number;
  graduated_at_ms: number;
}

type SelectionParams = [number, number, string | null, string | null, number | null, number | null];

// session_records holds exactly the sessions that ended with a fidelity record, with their group
// and pack (migration 10), so a selection never reads the sessions' own rows, summaries and all.
const SELECTED_SESSIONS = `
  SELECT r.session_id AS id FROM session_records r
  WHERE r.started_at_ms >= ? AND r.started_at_ms < ?
    AND (? IS NULL OR r.pack_id = ?)
    AND (? IS NULL OR r.cohort_id = ?)`;

function params(selection: ProgramSelection): SelectionParams {
  return [
    selection.fromMs,
    selection.toMs,
    selection.packId,
    selection.packId,
    selection.cohortId,
    selection.cohortId,
  ];
}

export function listProgramSessions(db: Db, selection: ProgramSelection): ProgramSessionRow[] {
  return db
    .prepare<SelectionParams, ProgramSessionRow>(
      `SELECT r.session_id AS id, r.cohort_id, r.pack_id, r.pack_title, r.started_at_ms,
              r.ended_at_ms, r.planned_minutes, r.actual_minutes
       FROM session_records r
       WHERE r.session_id IN (${SELECTED_SESSIONS}) ORDER BY r.session_id`,
    )
    .all(...params(selection));
}

export function listItemRecords(db: Db, selection: ProgramSelection): ItemRecordRow[] {
  return db
    .prepare<SelectionParams, ItemRecordRow>(
      `SELECT * FROM session_item_records
       WHERE session_id IN (${SELECTED_SESSIONS}) ORDER BY session_id, position`,
    )
    .all(...params(selection));
}

export function countAttendanceBySession(
  db: Db,
  selection: ProgramSelection,
): SessionAttendanceRow[] {
  return db
    .prepare<SelectionParams, SessionAttendanceRow>(
      `SELECT a.session_id, count(*) AS present FROM attendance a
       WHERE a.session_id IN (${SELECTED_SESSIONS}) GROUP BY a.session_id`,
    )
    .all(...params(selection));
}

/** How many answered each quiz item in each session, and how many right (migration 009's totals). */
export function countQuizItems(db: Db, selection: ProgramSelection): QuizItemCountRow[] {
  return db
    .prepare<SelectionParams, QuizItemCountRow>(
      `SELECT t.session_id, t.item_id, t.answered, t.correct FROM quiz_item_totals t
       WHERE t.session_id IN (${SELECTED_SESSIONS})`,
    )
    .all(...params(selection));
}

/** How often each wrong answer to each quiz item was chosen, per pack, over the selection. */
export function countWrongAnswers(db: Db, selection: ProgramSelection): WrongAnswerCountRow[] {
  return db
    .prepare<SelectionParams, WrongAnswerCountRow>(
      `WITH selected AS (${SELECTED_SESSIONS})
       SELECT r.pack_id, t.item_id, t.answer, sum(t.n) AS n
       FROM selected JOIN session_records r ON r.session_id = selected.id
       JOIN quiz_answer_totals t ON t.session_id = selected.id AND t.correct = 0
       GROUP BY r.pack_id, t.item_id, t.answer`,
    )
    .all(...params(selection));
}

/** Members whose first session (the earliest they were checked in at) is one of the selection. */
export function listFirstSessions(db: Db, selection: ProgramSelection): FirstSessionRow[] {
  return db
    .prepare<SelectionParams, FirstSessionRow>(
      `SELECT f.member_id, m.cohort_id, f.session_id AS first_session_id
       FROM member_first_sessions f JOIN members m ON m.id = f.member_id
       WHERE f.session_id IN (${SELECTED_SESSIONS})
       ORDER BY f.session_id, f.member_id`,
    )
    .all(...params(selection));
}

/** The next `count` ended sessions a group held after a session, in the order they were held. */
export function nextSessionsOfGroup(
  db: Db,
  cohortId: number,
  afterSessionId: number,
  count: number,
): number[] {
  return db
    .prepare<[number, number, number], { id: number }>(
      `SELECT session_id AS id FROM session_records
       WHERE cohort_id = ? AND session_id > ? ORDER BY session_id LIMIT ?`,
    )
    .all(cohortId, afterSessionId, count)
    .map((row) => row.id);
}

export function attended(db: Db, sessionId: number, memberId: number): boolean {
  return (
    db
      .prepare<[number, number], { one: number }>(
        'SELECT 1 AS one FROM attendance WHERE session_id = ? AND member_id = ?',
      )
      .get(sessionId, memberId) !== undefined
  );
}

/** Members marked graduating within the time range (and group, when one is chosen). */
export function listGraduations(db: Db, selection: ProgramSelection): GraduationRow[] {
  return db
    .prepare<[number, number, number | null, number | null], GraduationRow>(
      `SELECT id AS member_id, cohort_id, graduated_at_ms FROM members
       WHERE graduated_at_ms >= ? AND graduated_at_ms < ? AND (? IS NULL OR cohort_id = ?)
       ORDER BY graduated_at_ms, id`,
    )
    .all(selection.fromMs, selection.toMs, selection.cohortId, selection.cohortId);
}

/** The first and last day any ended session started, for the view's date pickers. */
export function sessionSpan(db: Db): { first: number | null; last: number | null } {
  return db
    .prepare<[], { first: number | null; last: number | null }>(
      // Two subqueries: each is one step along the index, where min and max together scan it.
      `SELECT (SELECT min(started_at_ms) FROM session_records) AS first,
              (SELECT max(started_at_ms) FROM session_records) AS last`,
    )
    .get()!;
}

/** The groups that have ended sessions, by name. */
export function listProgramCohorts(db: Db): { id: number; name: string }[] {
  return db
    .prepare<[], { id: number; name: string }>(
      `SELECT c.id, c.name FROM cohorts c
       WHERE EXISTS (SELECT 1 FROM session_records r WHERE r.cohort_id = c.id)
       ORDER BY c.name`,
    )
    .all();
}

/** Distinct members checked in at any session of the selection. */
export function countDistinctMembers(db: Db, selection: ProgramSelection): number {
  return db
    .prepare<SelectionParams, { n: number }>(
      `SELECT count(DISTINCT a.member_id) AS n FROM attendance a
       WHERE a.session_id IN (${SELECTED_SESSIONS})`,
    )
    .get(...params(selection))!.n;
}

/**
 * Every pack a session ran, with the title it had then: one step along sessions_by_pack per pack
 * (a skip scan), as a clinic runs a few packs over many thousands of sessions.
 */
export function listRanPacks(db: Db): { id: string; title: string }[] {
  return db
    .prepare<[], { id: string; title: string }>(
      `WITH RECURSIVE packs (id) AS (
         SELECT min(pack_id) FROM sessions
         UNION ALL
         SELECT (SELECT min(pack_id) FROM sessions WHERE pack_id > packs.id) FROM packs
         WHERE packs.id IS NOT NULL)
       SELECT id, (SELECT max(pack_title) FROM sessions WHERE pack_id = packs.id) AS title
       FROM packs WHERE id IS NOT NULL ORDER BY title`,
    )
    .all();
}
