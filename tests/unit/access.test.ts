import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/db/database';
import { RecordsLock, RecordsLockedError } from '../../electron/services/access/recordsLock';
import { makeTempDir } from '../helpers/tempDir';
import { TEST_KEY } from '../helpers/recordsKey';

let dir: ReturnType<typeof makeTempDir>;
let db: Db;
let clock: ManualClock;
let lock: RecordsLock;

beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(join(dir.path, 'kiosk.sqlite3'), TEST_KEY);
  clock = new ManualClock(1_000_000);
  lock = new RecordsLock(db, clock, 60_000);
});
afterEach(() => {
  db.close();
  dir.remove();
});

describe('RecordsLock', () => {
  it('is locked until a PIN is set, and setting it unlocks', () => {
    expect(lock.status()).toEqual({ pinSet: false, unlocked: false, idleMinutes: 1 });
    expect(() => lock.require()).toThrow(RecordsLockedError);
    expect(() => lock.setPin('12', null)).toThrow(/4 to 8 digits/);
    expect(lock.setPin('2468', null)).toMatchObject({ pinSet: true, unlocked: true });
    expect(() => lock.require()).not.toThrow();
  });

  it('locks after inactivity; each records call keeps it open', () => {
    lock.setPin('2468', null);
    clock.advance(50_000);
    lock.require();
    clock.advance(50_000);
    lock.require();
    clock.advance(60_001);
    expect(() => lock.require()).toThrow(/locked/);
  });

  it('unlocks with the right PIN only and never stores the PIN itself', () => {
    lock.setPin('2468', null);
    lock.lock();
    expect(() => lock.unlock('1111')).toThrow(/not right/);
    expect(lock.unlock('2468').unlocked).toBe(true);
    const stored = JSON.stringify(db.prepare('SELECT * FROM settings').all());
    expect(stored).not.toContain('2468');
  });

  it('pauses after five wrong PINs', () => {
    lock.setPin('2468', null);
    lock.lock();
    for (let i = 0; i < 5; i += 1) expect(() => lock.unlock('0000')).toThrow(/not right/);
    expect(() => lock.unlock('2468')).toThrow(/Too many wrong PINs/);
    clock.advance(60_001);
    expect(lock.unlock('2468').unlocked).toBe(true);
  });

  it('needs the current PIN to change it', () => {
    lock.setPin('2468', null);
    expect(() => lock.setPin('1357', '0000')).toThrow(/current PIN/);
    lock.setPin('1357', '2468');
    lock.lock();
    expect(lock.unlock('1357').unlocked).toBe(true);
  });
});

describe('changing the PIN', () => {
  it('counts wrong current PINs like wrong unlocks, so it cannot be used to guess', () => {
    lock.setPin('2468', null);
    for (let i = 0; i < 5; i += 1)
      expect(() => lock.setPin('1111', '0000')).toThrow(/current PIN is not right/);
    expect(() => lock.setPin('1111', '2468')).toThrow(/Too many wrong PINs/);
    expect(() => lock.unlock('2468')).toThrow(/Too many wrong PINs/);
  });
});
