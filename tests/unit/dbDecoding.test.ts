import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../electron/db/database';
import { insertCohort } from '../../electron/db/queries/cohorts';
import { getSession, insertSession, latestFacilitators } from '../../electron/db/queries/sessions';
import {
  DEFAULT_CERTIFICATE_RULE,
  readAudienceDisplay,
  readSetting,
  writeAudienceDisplay,
  writeSetting,
} from '../../electron/db/queries/settings';

let db: Db;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db);
});

function storeRaw(key: string, value: string): void {
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
}

describe('settings are read with their schema', () => {
  it('round-trips a value, and reads a key never written as undefined', () => {
    expect(readSetting(db, 'records-pin')).toBeUndefined();
    writeSetting(db, 'records-pin', { salt: 'aa', hash: 'bb' });
    expect(readSetting(db, 'records-pin')).toEqual({ salt: 'aa', hash: 'bb' });
  });

  it('refuses, naming the key, a value that does not fit', () => {
    storeRaw('records-pin-guard', '{"failures":"many"}');
    expect(() => readSetting(db, 'records-pin-guard')).toThrow(
      /The setting records-pin-guard does not have the stored shape/,
    );
  });

  it('reads a bad value as the default where that is what it means', () => {
    storeRaw('certificate-rule', '{"minSessions":0}');
    expect(readSetting(db, 'certificate-rule')).toEqual(DEFAULT_CERTIFICATE_RULE);
    storeRaw('volume', '{"video":0.5,"relaxation":7}');
    expect(readSetting(db, 'volume')).toEqual({ video: 0.5, relaxation: 1 });
    storeRaw('console-language', '42');
    expect(readSetting(db, 'console-language')).toBeNull();
  });

  it('remembers the audience display per set of displays', () => {
    expect(readAudienceDisplay(db, '1,2')).toBeNull();
    writeAudienceDisplay(db, '1,2', 2);
    expect(readAudienceDisplay(db, '1,2')).toBe(2);
    expect(readAudienceDisplay(db, '1,3')).toBeNull();
  });
});

describe('sessions leave db/ decoded', () => {
  it('decodes the facilitators and names a row whose JSON does not fit', () => {
    const cohort = insertCohort(db, 'Group', 0);
    const session = insertSession(db, {
      cohortId: cohort.id,
      packId: 'pack',
      packVersion: '1.0.0',
      packTitle: 'Pack',
      facilitators: ['Ana', 'Ben'],
      timeKeeper: null,
      createdAtMs: 0,
    });
    expect(getSession(db, session.id)).toMatchObject({
      facilitators: ['Ana', 'Ben'],
      summary: null,
    });
    expect(latestFacilitators(db, cohort.id)).toEqual(['Ana', 'Ben']);
    db.prepare("UPDATE sessions SET facilitators = '[1]'").run();
    expect(() => getSession(db, session.id)).toThrow(
      /Session 1's facilitators does not have the stored shape/,
    );
  });
});
