import type { Db } from '../database';

export interface ShowEventRow {
  id: number;
  at_ms: number;
  type: string;
  payload: string;
}

export function insertShowEvent(
  db: Db,
  type: string,
  payload: unknown,
  atMs: number,
): ShowEventRow {
  return db
    .prepare<[number, string, string], ShowEventRow>(
      'INSERT INTO show_events (at_ms, type, payload) VALUES (?, ?, ?) RETURNING *',
    )
    .get(atMs, type, JSON.stringify(payload)) as ShowEventRow;
}

export function listShowEvents(db: Db): ShowEventRow[] {
  return db.prepare<[], ShowEventRow>('SELECT * FROM show_events ORDER BY id').all();
}
