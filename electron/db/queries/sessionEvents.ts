import type { Db } from '../database';

export interface SessionEventRow {
  id: number;
  session_id: number;
  at_ms: number;
  type: string;
  payload: string;
}

export function insertSessionEvent(
  db: Db,
  sessionId: number,
  atMs: number,
  type: string,
  payload: unknown,
): SessionEventRow {
  return db
    .prepare<[number, number, string, string], SessionEventRow>(
      'INSERT INTO session_events (session_id, at_ms, type, payload) VALUES (?, ?, ?, ?) RETURNING *',
    )
    .get(sessionId, atMs, type, JSON.stringify(payload))!;
}

/** The newest event's id in any session, 0 before the first: views are numbered by it. */
export function latestSessionEventId(db: Db): number {
  return db
    .prepare<[], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM session_events')
    .get()!.id;
}

export function listSessionEvents(db: Db, sessionId: number): SessionEventRow[] {
  return db
    .prepare<[number], SessionEventRow>(
      'SELECT * FROM session_events WHERE session_id = ? ORDER BY id',
    )
    .all(sessionId);
}
