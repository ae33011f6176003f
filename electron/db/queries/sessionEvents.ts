import { z } from 'zod';
import type { Db } from '../database';
import { decodeJson } from '../jsonColumns';
import {
  CURRENT_EVENT_VERSION,
  decodeSessionEvent,
  encodeSessionEvent,
  type NewSessionEvent,
  type StoredSessionEvent,
} from '../../shared/session/sessionEventSchema';

/** A `session_events` row as SQLite holds it. */
interface StoredSessionEventRow {
  id: number;
  session_id: number;
  at_ms: number;
  type: string;
  /** JSON, in the event format of `version`. */
  payload: string;
  version: number;
}

/** A logged event as it leaves db/: parsed with its version's schema, upgraded to the current one. */
export interface SessionEventRecord {
  id: number;
  sessionId: number;
  atMs: number;
  event: StoredSessionEvent;
}

/** Writes one event at the current format version. */
export function insertSessionEvent(
  db: Db,
  sessionId: number,
  atMs: number,
  type: NewSessionEvent['type'],
  event: NewSessionEvent,
): { id: number } {
  return db
    .prepare<[number, number, string, string, number], { id: number }>(
      'INSERT INTO session_events (session_id, at_ms, type, payload, version) VALUES (?, ?, ?, ?, ?) RETURNING id',
    )
    .get(sessionId, atMs, type, encodeSessionEvent(event), CURRENT_EVENT_VERSION)!;
}

/** The newest event's id in any session, 0 before the first: views are numbered by it. */
export function latestSessionEventId(db: Db): number {
  return db
    .prepare<[], { id: number }>('SELECT coalesce(max(id), 0) AS id FROM session_events')
    .get()!.id;
}

/** A session's events in the order they happened, each decoded and upgraded (see sessionEventSchema). */
export function listSessionEvents(db: Db, sessionId: number): SessionEventRecord[] {
  return db
    .prepare<[number], StoredSessionEventRow>(
      'SELECT * FROM session_events WHERE session_id = ? ORDER BY id',
    )
    .all(sessionId)
    .map((row) => {
      const where = `Event ${row.id} of session ${row.session_id}`;
      return {
        id: row.id,
        sessionId: row.session_id,
        atMs: row.at_ms,
        event: decodeSessionEvent(row.version, decodeJson(z.unknown(), row.payload, where), where),
      };
    });
}
