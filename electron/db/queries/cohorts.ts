import type { Db } from '../database';

export interface CohortRow {
  id: number;
  name: string;
  created_at_ms: number;
}

export function listCohorts(db: Db): CohortRow[] {
  return db.prepare<[], CohortRow>('SELECT * FROM cohorts ORDER BY name').all();
}

/** Each group with the pack of its latest session (null before its first). */
export function listCohortsWithLastPack(
  db: Db,
): { id: number; name: string; last_pack_id: string | null }[] {
  return db
    .prepare<[], { id: number; name: string; last_pack_id: string | null }>(
      `SELECT c.id, c.name,
         (SELECT s.pack_id FROM sessions s WHERE s.cohort_id = c.id
           ORDER BY s.created_at_ms DESC, s.id DESC LIMIT 1) AS last_pack_id
       FROM cohorts c ORDER BY c.name`,
    )
    .all();
}

export function findCohortByName(db: Db, name: string): CohortRow | undefined {
  return db.prepare<[string], CohortRow>('SELECT * FROM cohorts WHERE name = ?').get(name);
}

export function insertCohort(db: Db, name: string, atMs: number): CohortRow {
  return db
    .prepare<[string, number], CohortRow>(
      'INSERT INTO cohorts (name, created_at_ms) VALUES (?, ?) RETURNING *',
    )
    .get(name, atMs)!;
}

export function getCohort(db: Db, id: number): CohortRow | undefined {
  return db.prepare<[number], CohortRow>('SELECT * FROM cohorts WHERE id = ?').get(id);
}
