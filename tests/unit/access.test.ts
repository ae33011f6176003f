import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/core/clock';
import { openDatabase, type Db } from '../../electron/db/database';
import { RecordsLock, RecordsLockedError } from '../../electron/services/access/recordsLock';
import { formatRecoveryKey } from '../../electron/db/recordsKey';
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

  it('a forgotten PIN is replaced only with the records recovery key, which also ends a pause', () => {
    lock.setPin('2468', null);
    lock.lock();
    for (let guess = 0; guess < 5; guess += 1) expect(() => lock.unlock('0000')).toThrow();
    expect(() => lock.unlock('2468')).toThrow(/Too many wrong PINs/);
    const otherKey = Buffer.alloc(32, 7);
    expect(() => lock.resetPin(formatRecoveryKey(otherKey), '1357', TEST_KEY)).toThrow(
      /not the one for these records.*PIN is unchanged/,
    );
    expect(() => lock.resetPin('ABCDE-12345', '1357', TEST_KEY)).toThrow(
      /not a recovery key.*PIN is unchanged/,
    );
    expect(() => lock.resetPin(formatRecoveryKey(TEST_KEY), '13', TEST_KEY)).toThrow(/4 to 8/);
    expect(lock.status().unlocked).toBe(false);

    expect(lock.resetPin(formatRecoveryKey(TEST_KEY), '1357', TEST_KEY)).toMatchObject({
      unlocked: true,
    });
    lock.lock();
    expect(() => lock.unlock('2468')).toThrow(/not right/);
    expect(lock.unlock('1357').unlocked).toBe(true);
    // IT may type the key in hex, as the sheet also prints it.
    expect(lock.resetPin(TEST_KEY.toString('hex'), '9753', TEST_KEY).unlocked).toBe(true);
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
