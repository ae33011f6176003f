/**
 * The counselor PIN in front of the records views. Main enforces it: every records call asks
 * `require()`, which fails once the PIN has not been entered or the views sat idle too long.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../shared/clock';
import type { RecordsKey } from '../../db/cipher';
import type { Db } from '../../db/database';
import { parseRecoveryKey, type RecoveryKeyError } from '../../db/recoveryKey';
import type { MainKey, Phrase } from '../../shared/i18n/phrases';
import { readSetting, writeSetting } from '../../db/queries/settings';
import { RejectedRequest } from '../errors';

const PIN_SETTING = 'records-pin';
/** Wrong guesses and pauses are kept in the database, so restarting the kiosk does not reset them. */
export const PIN_GUARD_SETTING = 'records-pin-guard';
const MAX_FAILURES = 5;
const FIRST_PAUSE_MS = 60_000;
const LONGEST_PAUSE_MS = 60 * 60_000;

interface PinGuard {
  /** Wrong guesses since the last pause or the last right one. */
  failures: number;
  /** Pauses since the last right guess: each one doubles the next. */
  pauses: number;
  blockedUntil: number;
}

const FRESH_GUARD: PinGuard = { failures: 0, pauses: 0, blockedUntil: 0 };

export interface LockStatus {
  pinSet: boolean;
  unlocked: boolean;
  idleMinutes: number;
}

interface StoredPin {
  salt: string;
  hash: string;
}

export class RecordsLockedError extends RejectedRequest {
  override name = 'RecordsLockedError';
  override readonly code = 'locked';
}

const HEX_KEY = /^[0-9a-f]{64}$/i;

/** The recovery sheet's key as a person types it: the groups of five, or the 64 hex digits. */
function readRecoveryKey(text: string): RecordsKey {
  const compact = text.replace(/[\s-]/g, '');
  if (HEX_KEY.test(compact)) return Buffer.from(compact, 'hex');
  try {
    return parseRecoveryKey(text);
  } catch (error) {
    throw new RejectedRequest('errors.pin.badRecoveryKey', {
      problem: (error as RecoveryKeyError).phrase,
    });
  }
}

/**
 * scrypt on libuv's thread pool: a PIN takes it 50 ms on an idle laptop and several times that on
 * a busy one, time the main loop (and so the projector) must not wait.
 */
function hashPin(pin: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, Buffer.from(salt, 'hex'), 32, (error, hash) =>
      error ? reject(error) : resolve(hash),
    ),
  );
}

export class RecordsLock {
  private unlockedUntil = 0;
  /**
   * Setting and trying PINs happen one after another, in the order asked: no guess skips the count
   * of wrong ones, and an unlock sent right after a new PIN sees that PIN.
   */
  private pinWork: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly idleMs = 5 * 60_000,
  ) {}

  status(): LockStatus {
    return {
      pinSet: this.stored() !== undefined,
      unlocked: this.isUnlocked(),
      idleMinutes: this.idleMs / 60_000,
    };
  }

  /** Setting the first PIN unlocks; changing it needs the current one. */
  setPin(pin: string, currentPin: string | null): Promise<LockStatus> {
    return this.inTurn(async () => {
      if (!/^\d{4,8}$/.test(pin)) throw new RejectedRequest('errors.pin.digits');
      if (this.stored()) await this.check(currentPin ?? '', 'errors.pin.currentWrong');
      await this.store(pin);
      return this.status();
    });
  }

  /** Keeps a new PIN (salted scrypt) and unlocks for the idle period. */
  private async store(pin: string): Promise<void> {
    const salt = randomBytes(16).toString('hex');
    const hash = await hashPin(pin, salt);
    writeSetting(this.db, PIN_SETTING, { salt, hash: hash.toString('hex') } satisfies StoredPin);
    this.unlockedUntil = this.clock.now() + this.idleMs;
  }

  /**
   * A forgotten PIN: whoever has the records' recovery key (the printed sheet, or the key in hex
   * that clinic IT can read from the sheet) sets a new one. That key opens the records file itself,
   * so it proves no less than the PIN; nothing else can replace a PIN. Clears the wrong-PIN pauses.
   */
  resetPin(recoveryKey: string, pin: string, recordsKey: RecordsKey): Promise<LockStatus> {
    return this.inTurn(async () => {
      if (!/^\d{4,8}$/.test(pin)) throw new RejectedRequest('errors.pin.newDigits');
      if (!recordsKey.equals(readRecoveryKey(recoveryKey)))
        throw new RejectedRequest('errors.pin.otherRecoveryKey');
      writeSetting(this.db, PIN_GUARD_SETTING, FRESH_GUARD);
      await this.store(pin);
      return this.status();
    });
  }

  unlock(pin: string): Promise<LockStatus> {
    return this.inTurn(async () => {
      if (!this.stored()) throw new RejectedRequest('errors.pin.notSet');
      await this.check(pin, 'errors.pin.wrong');
      this.unlockedUntil = this.clock.now() + this.idleMs;
      return this.status();
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.pinWork.then(work);
    this.pinWork = done.catch(() => undefined);
    return done;
  }

  /** Every PIN guess, to unlock or to change the PIN, counts towards the pause after too many. */
  private async check(pin: string, wrong: MainKey): Promise<void> {
    const now = this.clock.now();
    const guard = readSetting(this.db, PIN_GUARD_SETTING) ?? FRESH_GUARD;
    if (now < guard.blockedUntil) {
      throw new RejectedRequest('errors.pin.paused', {
        count: Math.ceil((guard.blockedUntil - now) / 1000),
      });
    }
    if (!(await this.matches(pin))) {
      const failures = guard.failures + 1;
      const pause = failures >= MAX_FAILURES;
      writeSetting(this.db, PIN_GUARD_SETTING, {
        failures: pause ? 0 : failures,
        pauses: pause ? guard.pauses + 1 : guard.pauses,
        blockedUntil: pause
          ? now + Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** guard.pauses)
          : guard.blockedUntil,
      } satisfies PinGuard);
      throw new RejectedRequest(wrong);
    }
    if (guard.failures > 0 || guard.pauses > 0)
      writeSetting(this.db, PIN_GUARD_SETTING, FRESH_GUARD);
  }

  lock(): LockStatus {
    this.unlockedUntil = 0;
    return this.status();
  }

  /**
   * For a request that carries the PIN itself (starting a session for a group with records):
   * passes while unlocked, otherwise needs the PIN, which then unlocks for the idle period.
   */
  async admit(pin: string | undefined, locked: Phrase): Promise<void> {
    if (!this.stored() || this.isUnlocked()) return this.require();
    if (pin === undefined) throw new RecordsLockedError(locked.key, locked.params);
    await this.unlock(pin);
  }

  /** Fails while locked; otherwise keeps the records open for another idle period. */
  require(): void {
    if (!this.isUnlocked()) throw new RecordsLockedError('errors.pin.locked');
    this.unlockedUntil = this.clock.now() + this.idleMs;
  }

  private isUnlocked(): boolean {
    return this.clock.now() < this.unlockedUntil;
  }

  private stored(): StoredPin | undefined {
    return readSetting(this.db, PIN_SETTING);
  }

  private async matches(pin: string): Promise<boolean> {
    const stored = this.stored();
    if (!stored) return false;
    const expected = Buffer.from(stored.hash, 'hex');
    const actual = await hashPin(pin, stored.salt);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
