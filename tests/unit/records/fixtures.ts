import { resolve } from 'node:path';
import { checkPack } from '../../../electron/content/pack/loadPack';
import type { PackManifest } from '../../../electron/content/pack/schema';
import type { Db } from '../../../electron/db/database';
import type { SessionSummary, SummaryItem } from '../../../electron/services/session/summary';

export const T0 = Date.UTC(2026, 10, 22, 17, 0);
export const MINUTE = 60_000;

export function groupFivePack(): PackManifest {
  const manifest = checkPack(resolve('resources/curricula/hhrp-group-5')).manifest;
  if (!manifest) throw new Error('The built-in Group Five pack does not load.');
  return manifest;
}

/** A summary in which every agenda item was delivered in order, changed by `overrides`. */
export function summaryOf(
  pack: PackManifest,
  overrides: Record<string, Partial<SummaryItem>> = {},
  startedAt = T0,
): SessionSummary {
  const items: SummaryItem[] = pack.agenda.map((item, index) => ({
    id: item.id,
    title: item.title,
    kind: item.kind,
    plannedMinutes: item.minutes,
    actualMinutes: item.minutes,
    status: 'delivered',
    skippedReason: null,
    adaptedReason: null,
    runOrder: index + 1,
    ...overrides[item.id],
  }));
  const order = items
    .filter((item) => item.runOrder !== null)
    .sort((a, b) => a.runOrder! - b.runOrder!)
    .map((item) => item.id);
  const plannedMinutes = items.reduce((sum, item) => sum + item.plannedMinutes, 0);
  return {
    startedAt,
    endedAt: startedAt + 120 * MINUTE,
    plannedMinutes,
    actualMinutes: 120,
    items,
    order,
  };
}

export function insertCohort(db: Db, name: string, atMs = T0): number {
  return Number(
    db.prepare('INSERT INTO cohorts (name, created_at_ms) VALUES (?, ?)').run(name, atMs)
      .lastInsertRowid,
  );
}

export function insertMember(db: Db, cohortId: number, name: string, atMs = T0): number {
  return Number(
    db
      .prepare('INSERT INTO members (cohort_id, name, joined_at_ms) VALUES (?, ?, ?)')
      .run(cohortId, name, atMs).lastInsertRowid,
  );
}

export function insertSession(
  db: Db,
  cohortId: number,
  pack: PackManifest,
  summary: SessionSummary | null,
  createdAt = summary?.startedAt ?? T0,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO sessions (cohort_id, pack_id, pack_version, pack_title, facilitators,
           time_keeper, created_at_ms, status, summary)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        cohortId,
        pack.id,
        pack.version,
        pack.title,
        JSON.stringify(['Riley', 'Sam']),
        'Jo',
        createdAt,
        summary ? 'ended' : 'live',
        summary ? JSON.stringify(summary) : null,
      ).lastInsertRowid,
  );
}

export function checkIn(db: Db, sessionId: number, memberId: number, atMs = T0): void {
  db.prepare(
    'INSERT INTO attendance (session_id, member_id, checked_in_at_ms) VALUES (?, ?, ?)',
  ).run(sessionId, memberId, atMs);
}

export function answer(
  db: Db,
  pack: PackManifest,
  sessionId: number,
  memberId: number,
  itemId: string,
  key: string,
  atMs = T0 + 100 * MINUTE,
): void {
  const item = pack.quiz!.items.find((quizItem) => quizItem.id === itemId)!;
  db.prepare(
    `INSERT INTO quiz_answers (session_id, member_id, item_id, answer, correct, entered_by, answered_at_ms)
     VALUES (?, ?, ?, ?, ?, 'counselor', ?)`,
  ).run(sessionId, memberId, itemId, key, key === item.answer ? 1 : 0, atMs);
}

export function insertTeam(
  db: Db,
  sessionId: number,
  number: number,
  scenarioId: string | null,
  memberIds: readonly number[],
  scores: Record<string, number>,
): number {
  const teamId = Number(
    db
      .prepare('INSERT INTO game_teams (session_id, number, scenario_id) VALUES (?, ?, ?)')
      .run(sessionId, number, scenarioId).lastInsertRowid,
  );
  for (const memberId of memberIds) {
    db.prepare('INSERT INTO game_team_members (team_id, member_id) VALUES (?, ?)').run(
      teamId,
      memberId,
    );
  }
  for (const [criterionId, points] of Object.entries(scores)) {
    db.prepare('INSERT INTO game_scores (team_id, criterion_id, points) VALUES (?, ?, ?)').run(
      teamId,
      criterionId,
      points,
    );
  }
  return teamId;
}

/** A strict RFC 4180 reader, to check what the writer produced. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = text.startsWith('\ufeff') ? 1 : 0;
  let quoted = false;
  while (index < text.length) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else if (char === '\n' || char === '\r') {
      throw new Error(`Bare line break at ${index}`);
    } else field += char;
    index += 1;
  }
  if (field !== '' || row.length > 0) throw new Error('The last row does not end in CRLF');
  return rows;
}

export function integrityOf(db: Db): string {
  return db.pragma('integrity_check', { simple: true }) as string;
}
