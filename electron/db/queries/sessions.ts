import type { Db } from '../database';

export interface SessionRow {
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
  return db
    .prepare<[number, string, string, string, string, string | null, number], SessionRow>(
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
}

export function findLiveSession(db: Db): SessionRow | undefined {
  return db.prepare<[], SessionRow>("SELECT * FROM sessions WHERE status = 'live'").get();
}

export function getSession(db: Db, id: number): SessionRow | undefined {
  return db.prepare<[number], SessionRow>('SELECT * FROM sessions WHERE id = ?').get(id);
}

/** A null summary is stored as SQL NULL: a session closed without a record (e.g. its pack is gone). */
export function markSessionEnded(db: Db, id: number, summary: unknown): void {
  db.prepare<[string | null, number]>(
    "UPDATE sessions SET status = 'ended', summary = ? WHERE id = ?",
  ).run(summary === null ? null : JSON.stringify(summary), id);
}

export function latestEndedSession(db: Db): SessionRow | undefined {
  return db
    .prepare<[], SessionRow>(
      "SELECT * FROM sessions WHERE status = 'ended' AND summary IS NOT NULL ORDER BY id DESC LIMIT 1",
    )
    .get();
}
