import { describe, expect, it } from 'vitest';
import { countEndedSessions, listEndedSessions } from '../../../electron/db/queries/sessions';
import { withRecordsDb } from '../../helpers/recordsDb';
import { groupFivePack, insertCohort, insertSession, MINUTE, summaryOf, T0 } from './fixtures';

const DAY = 24 * 60 * MINUTE;

describe('the Records list of ended sessions', () => {
  it('pages newest first from the fidelity rows, skipping live sessions', () =>
    withRecordsDb((db) => {
      const pack = groupFivePack();
      const tuesday = insertCohort(db, 'Tuesday');
      const thursday = insertCohort(db, 'Thursday');
      const ids = Array.from({ length: 7 }, (_, week) =>
        insertSession(
          db,
          week % 2 ? thursday : tuesday,
          pack,
          summaryOf(pack, {}, T0 + week * DAY),
        ),
      );
      insertSession(db, tuesday, pack, null, T0 + 8 * DAY);

      expect(countEndedSessions(db)).toBe(7);
      const first = listEndedSessions(db, { beforeId: null, limit: 3 });
      expect(first.map((row) => row.id)).toEqual([ids[6], ids[5], ids[4]]);
      expect(first[0]).toEqual({
        id: ids[6],
        packTitle: pack.title,
        cohortName: 'Tuesday',
        startedAt: T0 + 6 * DAY,
        endedAt: T0 + 6 * DAY + 120 * MINUTE,
        plannedMinutes: summaryOf(pack).plannedMinutes,
        actualMinutes: 120,
      });
      const rest = listEndedSessions(db, { beforeId: first.at(-1)!.id, limit: 10 });
      expect(rest.map((row) => row.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
      expect(rest[0]!.cohortName).toBe('Thursday');
    }));
});
