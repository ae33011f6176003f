import type { Db } from '../database';
import {
  decodeJson,
  facilitatorsSchema,
  sessionSummarySchema,
  type StoredSessionSummary,
} from '../jsonColumns';

/** A `sessions` row as SQLite holds it. */
export interface StoredSessionRow {
  id: number;
  cohort_id: number;
  pack_id: string;
  pack_version: string;
  pack_title: string;
  /** JSON array of names. */
  facilitators: string;
  time_keeper: string | null;
  created_at_ms: number;
  status: 'live' | 'ended';
  /** JSON SessionSummary once ended. */
  summary: string | null;
}

/** A `sessions` row as it leaves db/: its JSON columns decoded. */
export interface SessionRow extends Omit<StoredSessionRow, 'facilitators' | 'summary'> {
  facilitators: string[];
  /** The fidelity record once ended; null while live, or for a session closed without one. */
  summary: StoredSessionSummary | null;
}

export function decodeSession<Row extends StoredSessionRow>(
  row: Row,
): Omit<Row, 'facilitators' | 'summary'> & SessionRow {
  const where = `Session ${row.id}`;
  return {
    ...row,
    facilitators: decodeJson(facilitatorsSchema, row.facilitators, `${where}'s facilitators`),
    summary:
      row.summary === null
        ? null
        : decodeJson(sessionSummarySchema, row.summary, `${where}'s summary`),
  };
}

export interface NewSession {
  cohortId: number;
  packId: string;
  packVersion: string;
  packTitle: string;
  facilitators: readonly string[];
  timeKeeper: string | null;
  createdAtMs: number;
}

export function insertSession(db: Db, session: NewSession): SessionRow {
  const row = db
    .prepare<[number, string, string, string, string, string | null, number], StoredSessionRow>(
      `INSERT INTO sessions (cohort_id, pack_id, pack_version, pack_title, facilitators, time_keeper, created_at_ms, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'live') RETURNING *`,
    )
    .get(
      session.cohortId,
      session.packId,
      session.packVersion,
      session.packTitle,
      JSON.stringify(session.facilitators),
      session.timeKeeper,
      session.createdAtMs,
    )!;
  return decodeSession(row);
}

export function findLiveSession(db: Db): SessionRow | undefined {
  const row = db
    .prepare<[], StoredSessionRow>("SELECT * FROM sessions WHERE status = 'live'")
    .get();
  return row && decodeSession(row);
}

export function getSession(db: Db, id: number): SessionRow | undefined {
  const row = db.prepare<[number], StoredSessionRow>('SELECT * FROM sessions WHERE id = ?').get(id);
  return row && decodeSession(row);
}

/** The pack a session ran, without decoding the rest of its row. */
export function sessionPackId(db: Db, id: number): string | undefined {
  return db
    .prepare<[number], { pack_id: string }>('SELECT pack_id FROM sessions WHERE id = ?')
    .get(id)?.pack_id;
}

/** The facilitators of a group's latest session (who signs its certificates); none before any. */
export function latestFacilitators(db: Db, cohortId: number): string[] {
  const row = db
    .prepare<[number], { id: number; facilitators: string }>(
      'SELECT id, facilitators FROM sessions WHERE cohort_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(cohortId);
  return row
    ? decodeJson(facilitatorsSchema, row.facilitators, `Session ${row.id}'s facilitators`)
    : [];
}

/** A null summary is stored as SQL NULL: a session closed without a record (e.g. its pack is gone). */
export function markSessionEnded(db: Db, id: number, summary: unknown): void {
  db.prepare<[string | null, number]>(
    "UPDATE sessions SET status = 'ended', summary = ? WHERE id = ?",
  ).run(summary === null ? null : JSON.stringify(summary), id);
}

export function latestEndedSession(db: Db): SessionRow | undefined {
  const row = db
    .prepare<[], StoredSessionRow>(
      "SELECT * FROM sessions WHERE status = 'ended' AND summary IS NOT NULL ORDER BY id DESC LIMIT 1",
    )
    .get();
  return row && decodeSession(row);
}

/** One ended session as the Records list shows it, from its fidelity row (no summary to parse). */
export interface EndedSessionRow {
  id: number;
  packTitle: string;
  cohortName: string;
  startedAt: number;
  endedAt: number;
  plannedMinutes: number;
  actualMinutes: number;
}

/**
 * Ended sessions, newest first, older than `beforeId` when given: walks `session_records`' key
 * backwards, so a page costs the same on the first day and after ten years.
 */
export function listEndedSessions(
  db: Db,
  page: { beforeId: number | null; limit: number },
): EndedSessionRow[] {
  return db
    .prepare<[number, number], EndedSessionRow>(
      `SELECT s.id, s.pack_title AS packTitle, c.name AS cohortName, r.started_at_ms AS startedAt,
              r.ended_at_ms AS endedAt, r.planned_minutes AS plannedMinutes,
              r.actual_minutes AS actualMinutes
         FROM session_records r
         JOIN sessions s ON s.id = r.session_id
         JOIN cohorts c ON c.id = s.cohort_id
        WHERE r.session_id < ? AND s.status = 'ended'
        ORDER BY r.session_id DESC
        LIMIT ?`,
    )
    .all(page.beforeId ?? Number.MAX_SAFE_INTEGER, page.limit);
}

/**
 * A session has a fidelity row once it ended (`endSession` writes its status and summary together,
 * and the summary's trigger the row), so they are counted on that small table's key: joining each
 * session's own row, summary and all, cost 350 ms over ten years of encrypted pages.
 */
export function countEndedSessions(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM session_records').get()!.n;
}
