/**
 * The counselor PIN in front of the records views. Main enforces it: every records call asks
 * `require()`, which fails once the PIN has not been entered or the views sat idle too long.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../core/clock';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/queries/settings';
import { RejectedRequest } from '../errors';

const PIN_SETTING = 'records-pin';
const MAX_FAILURES = 5;
const COOL_DOWN_MS = 60_000;

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
}

function hashPin(pin: string, salt: string): Buffer {
  return scryptSync(pin, Buffer.from(salt, 'hex'), 32);
}

export class RecordsLock {
  private unlockedUntil = 0;
  private failures = 0;
  private blockedUntil = 0;

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
  setPin(pin: string, currentPin: string | null): LockStatus {
    if (!/^\d{4,8}$/.test(pin)) throw new RejectedRequest('The PIN must be 4 to 8 digits.');
    if (this.stored()) this.check(currentPin ?? '', 'The current PIN is not right.');
    const salt = randomBytes(16).toString('hex');
    writeSetting(this.db, PIN_SETTING, {
      salt,
      hash: hashPin(pin, salt).toString('hex'),
    } satisfies StoredPin);
    this.unlockedUntil = this.clock.now() + this.idleMs;
    return this.status();
  }

  unlock(pin: string): LockStatus {
    if (!this.stored()) throw new RejectedRequest('Set a PIN for the records first.');
    this.check(pin, 'That PIN is not right.');
    this.unlockedUntil = this.clock.now() + this.idleMs;
    return this.status();
  }

  /** Every PIN guess, to unlock or to change the PIN, counts towards the pause after too many. */
  private check(pin: string, wrong: string): void {
    const now = this.clock.now();
    if (now < this.blockedUntil) {
      throw new RejectedRequest(
        `Too many wrong PINs; try again in ${Math.ceil((this.blockedUntil - now) / 1000)} seconds.`,
      );
    }
    if (!this.matches(pin)) {
      this.failures += 1;
      if (this.failures >= MAX_FAILURES) {
        this.failures = 0;
        this.blockedUntil = now + COOL_DOWN_MS;
      }
      throw new RejectedRequest(wrong);
    }
    this.failures = 0;
  }

  lock(): LockStatus {
    this.unlockedUntil = 0;
    return this.status();
  }

  /** Fails while locked; otherwise keeps the records open for another idle period. */
  require(): void {
    if (!this.isUnlocked())
      throw new RecordsLockedError('The records are locked. Enter the counselor PIN.');
    this.unlockedUntil = this.clock.now() + this.idleMs;
  }

  private isUnlocked(): boolean {
    return this.clock.now() < this.unlockedUntil;
  }

  private stored(): StoredPin | undefined {
    return readSetting<StoredPin>(this.db, PIN_SETTING);
  }

  private matches(pin: string): boolean {
    const stored = this.stored();
    if (!stored) return false;
    const expected = Buffer.from(stored.hash, 'hex');
    const actual = hashPin(pin, stored.salt);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
