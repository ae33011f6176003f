import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../electron/db/database';
import { insertCohort } from '../../electron/db/queries/cohorts';
import { insertSessionEvent, listSessionEvents } from '../../electron/db/queries/sessionEvents';
import { insertSession } from '../../electron/db/queries/sessions';
import {
  CURRENT_EVENT_VERSION,
  decodeSessionEvent,
  upgradeEventV1,
} from '../../electron/shared/session/sessionEventSchema';

let db: Db;
let sessionId: number;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
  const cohort = insertCohort(db, 'Tuesday group', 0);
  sessionId = insertSession(db, {
    cohortId: cohort.id,
    packId: 'pack',
    packVersion: '1.0.0',
    packTitle: 'Pack',
    facilitators: ['Ana'],
    timeKeeper: null,
    createdAtMs: 0,
  }).id;
});

/** A row as a version before the log was versioned wrote it (no version column given: 1). */
function insertV1(payload: object): void {
  db.prepare(
    'INSERT INTO session_events (session_id, at_ms, type, payload) VALUES (?, 0, ?, ?)',
  ).run(sessionId, (payload as { type: string }).type, JSON.stringify(payload));
}

describe('the session event log', () => {
  it('upgradeEventV1: a question shown before the flag existed was shown without the responses', () => {
    expect(upgradeEventV1({ type: 'question-shown', id: 'why', answersShown: true })).toEqual({
      type: 'question-shown',
      id: 'why',
      answersShown: true,
      withResponses: false,
    });
    expect(
      upgradeEventV1({
        type: 'question-shown',
        id: 'why',
        answersShown: true,
        withResponses: true,
      }),
    ).toEqual({ type: 'question-shown', id: 'why', answersShown: true, withResponses: true });
    expect(upgradeEventV1({ type: 'paused', at: 5 })).toEqual({ type: 'paused', at: 5 });
  });

  it('reads version 1 rows upgraded to the current version', () => {
    insertV1({ type: 'started', at: 1 });
    insertV1({ type: 'question-shown', id: 'why', answersShown: false });
    expect(listSessionEvents(db, sessionId).map((record) => record.event)).toEqual([
      { type: 'started', at: 1 },
      { type: 'question-shown', id: 'why', answersShown: false, withResponses: false },
    ]);
  });

  it('writes the current version, every field written out', () => {
    insertSessionEvent(db, sessionId, 7, 'question-shown', {
      type: 'question-shown',
      id: 'why',
      answersShown: false,
    });
    const row = db.prepare('SELECT version, payload FROM session_events').get() as {
      version: number;
      payload: string;
    };
    expect(row.version).toBe(CURRENT_EVENT_VERSION);
    expect(JSON.parse(row.payload)).toEqual({
      type: 'question-shown',
      id: 'why',
      answersShown: false,
      withResponses: false,
    });
    expect(listSessionEvents(db, sessionId)).toEqual([
      {
        id: 1,
        sessionId,
        atMs: 7,
        event: { type: 'question-shown', id: 'why', answersShown: false, withResponses: false },
      },
    ]);
  });

  it('refuses, naming the row, an event that does not fit its version or a newer format', () => {
    insertV1({ type: 'item-entered', index: 'two', at: 1 });
    expect(() => listSessionEvents(db, sessionId)).toThrow(
      /Event 1 of session 1 is not a valid event/,
    );
    expect(() =>
      decodeSessionEvent(CURRENT_EVENT_VERSION + 1, { type: 'paused', at: 0 }, 'Event 9'),
    ).toThrow(
      /Event 9 was written in event format 3; this version of Facilitator Kiosk reads up to 2/,
    );
    expect(() => decodeSessionEvent(2, { type: 'teleported' }, 'Event 9')).toThrow(
      /Event 9 is not a valid event/,
    );
  });
});
