import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../electron/shared/clock';
import { openDatabase, type Db } from '../../electron/db/database';
import { RecordsLock, RecordsLockedError } from '../../electron/services/access/recordsLock';
import { formatRecoveryKey } from '../../electron/db/recoveryKey';
import { makeTempDir } from '../helpers/tempDir';
import { TEST_KEY } from '../helpers/recordsKey';
import { refusal } from '../helpers/refusal';

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
  it('is locked until a PIN is set, and setting it unlocks', async () => {
    expect(lock.status()).toEqual({ pinSet: false, unlocked: false, idleMinutes: 1 });
    expect(() => lock.require()).toThrow(RecordsLockedError);
    await expect(lock.setPin('12', null)).rejects.toThrow(
      refusal('invalid-value', /4 to 8 digits/),
    );
    expect(await lock.setPin('2468', null)).toMatchObject({ pinSet: true, unlocked: true });
    expect(() => lock.require()).not.toThrow();
  });

  it('a forgotten PIN is replaced only with the records recovery key, which also ends a pause', async () => {
    await lock.setPin('2468', null);
    lock.lock();
    for (let guess = 0; guess < 5; guess += 1) await expect(lock.unlock('0000')).rejects.toThrow();
    await expect(lock.unlock('2468')).rejects.toThrow(refusal('try-later', /Too many wrong PINs/));
    const otherKey = Buffer.alloc(32, 7);
    await expect(lock.resetPin(formatRecoveryKey(otherKey), '1357', TEST_KEY)).rejects.toThrow(
      /not the one for these records.*PIN is unchanged/,
    );
    await expect(lock.resetPin('ABCDE-12345', '1357', TEST_KEY)).rejects.toThrow(
      /not a recovery key.*PIN is unchanged/,
    );
    await expect(lock.resetPin(formatRecoveryKey(TEST_KEY), '13', TEST_KEY)).rejects.toThrow(
      /4 to 8/,
    );
    expect(lock.status().unlocked).toBe(false);

    await expect(
      lock.resetPin(formatRecoveryKey(TEST_KEY), '1357', TEST_KEY),
    ).resolves.toMatchObject({
      unlocked: true,
    });
    lock.lock();
    await expect(lock.unlock('2468')).rejects.toThrow(refusal('wrong-secret', /not right/));
    expect((await lock.unlock('1357')).unlocked).toBe(true);
    // IT may type the key in hex, as the sheet also prints it.
    expect((await lock.resetPin(TEST_KEY.toString('hex'), '9753', TEST_KEY)).unlocked).toBe(true);
  });

  it('locks after inactivity; each records call keeps it open', async () => {
    await lock.setPin('2468', null);
    clock.advance(50_000);
    lock.require();
    clock.advance(50_000);
    lock.require();
    clock.advance(60_001);
    expect(() => lock.require()).toThrow(refusal('locked', /locked/));
  });

  it('unlocks with the right PIN only and never stores the PIN itself', async () => {
    await lock.setPin('2468', null);
    lock.lock();
    await expect(lock.unlock('1111')).rejects.toThrow(refusal('wrong-secret', /not right/));
    expect((await lock.unlock('2468')).unlocked).toBe(true);
    const stored = JSON.stringify(db.prepare('SELECT * FROM settings').all());
    expect(stored).not.toContain('2468');
  });

  it('pauses after five wrong PINs', async () => {
    await lock.setPin('2468', null);
    lock.lock();
    for (let i = 0; i < 5; i += 1)
      await expect(lock.unlock('0000')).rejects.toThrow(refusal('wrong-secret', /not right/));
    await expect(lock.unlock('2468')).rejects.toThrow(refusal('try-later', /Too many wrong PINs/));
    clock.advance(60_001);
    expect((await lock.unlock('2468')).unlocked).toBe(true);
  });

  it('counts wrong PINs sent at once one by one, so none slips past the pause', async () => {
    await lock.setPin('2468', null);
    lock.lock();
    const guesses = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => lock.unlock('0000')),
      lock.unlock('2468'),
    ]);
    expect(guesses.map((guess) => guess.status)).toEqual(Array(6).fill('rejected'));
    expect(String((guesses[5] as PromiseRejectedResult).reason)).toMatch(/Too many wrong PINs/);
  });

  it('an unlock sent right after a new PIN waits for it', async () => {
    const [set, unlocked] = await Promise.all([lock.setPin('2468', null), lock.unlock('2468')]);
    expect(set.pinSet).toBe(true);
    expect(unlocked.unlocked).toBe(true);
  });

  it('needs the current PIN to change it', async () => {
    await lock.setPin('2468', null);
    await expect(lock.setPin('1357', '0000')).rejects.toThrow(
      refusal('wrong-secret', /current PIN/),
    );
    await lock.setPin('1357', '2468');
    lock.lock();
    expect((await lock.unlock('1357')).unlocked).toBe(true);
  });
});

describe('changing the PIN', () => {
  it('counts wrong current PINs like wrong unlocks, so it cannot be used to guess', async () => {
    await lock.setPin('2468', null);
    for (let i = 0; i < 5; i += 1)
      await expect(lock.setPin('1111', '0000')).rejects.toThrow(
        refusal('wrong-secret', /current PIN is not right/),
      );
    await expect(lock.setPin('1111', '2468')).rejects.toThrow(
      refusal('try-later', /Too many wrong PINs/),
    );
    await expect(lock.unlock('2468')).rejects.toThrow(refusal('try-later', /Too many wrong PINs/));
  });
});
