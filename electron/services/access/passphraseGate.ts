/**
 * The passphrase window's rules, before any record is open: where the operating system cannot keep
 * the records key (Linux without a keyring), the counselor sets a passphrase at the first start,
 * gives it at every later one, or, having forgotten it, unlocks with the recovery key from the
 * printed sheet and sets a new one. Nothing here writes a file: it answers with the key wrapping
 * (and recovery key) that the core then opens the records with. scrypt runs off the event loop.
 */
import { existsSync } from 'node:fs';
import type { Clock } from '../../shared/clock';
import { isPlainDatabase } from '../../db/cipher';
import { judgeKioskFile } from '../../db/kioskFile';
import { derivedPassphraseWrapping, WrongPassphraseError } from '../../db/passphraseWrapping';
import { readStoredKey, type KeyWrapping, type StoredKey } from '../../db/recordsKey';
import { parseRecoveryKey, type RecoveryKeyError } from '../../db/recoveryKey';
import { phrase, say, type Phrase } from '../../shared/i18n/phrases';
import { systemLanguage } from '../settings/consoleLanguage';
import { RejectedRequest } from '../errors';

/** `create`: first start (or records from the browser shell); `enter`: the passphrase kept here; `recover`: only the recovery key can open them. */
export type UnlockMode = 'create' | 'enter' | 'recover';

export interface UnlockView {
  mode: UnlockMode;
  /** Why a passphrase is needed on this computer, in words for the counselor. */
  why: string;
  /** Why the recovery key is the only way (mode `recover`), else null. */
  recoverBecause: string | null;
  minLength: number;
  /** Milliseconds before the next passphrase may be tried (after wrong ones), 0 when now. */
  waitMs: number;
}

export interface Unlocked {
  keyWrapping: KeyWrapping;
  /** Given when the recovery key opened the records: the core keeps it under the new passphrase. */
  recoveryKey?: string;
}

export const MIN_PASSPHRASE_LENGTH = 12;
const MIN_DISTINCT_CHARACTERS = 6;
/** After the n-th wrong passphrase the next try waits 2^(n-1) seconds, never more than this. */
const LONGEST_WAIT_MS = 30_000;

/** Why a new passphrase is too weak, or null: long enough, varied, not only digits. */
export function passphraseWeakness(passphrase: string): Phrase | null {
  const characters = [...passphrase.normalize('NFC')];
  if (characters.length < MIN_PASSPHRASE_LENGTH)
    return phrase('errors.passphrase.tooShort', { count: MIN_PASSPHRASE_LENGTH });
  if (new Set(characters.map((char) => char.toLowerCase())).size < MIN_DISTINCT_CHARACTERS)
    return phrase('errors.passphrase.tooFewCharacters', { count: MIN_DISTINCT_CHARACTERS });
  if (/^[\d\s]+$/.test(passphrase)) return phrase('errors.passphrase.onlyDigits');
  return null;
}

export class PassphraseGate {
  private failures = 0;
  private nextTryAt = 0;
  private busy = false;

  constructor(
    private readonly dataDir: string,
    private readonly databaseFile: string,
    private readonly why: string,
    private readonly clock: Clock,
  ) {}

  private stored(): StoredKey | null {
    return readStoredKey(this.dataDir);
  }

  private encryptedRecordsExist(): boolean {
    return existsSync(this.databaseFile) && !isPlainDatabase(this.databaseFile);
  }

  view(): UnlockView {
    const stored = this.stored();
    const base = {
      why: this.why,
      minLength: MIN_PASSPHRASE_LENGTH,
      waitMs: Math.max(0, this.nextTryAt - this.clock.now()),
    };
    if (stored?.kind === 'passphrase') return { ...base, mode: 'enter', recoverBecause: null };
    if (stored?.kind === 'os')
      return {
        ...base,
        mode: 'recover',
        recoverBecause: say(phrase('unlock.keyringGone'), systemLanguage()),
      };
    if (stored === null && this.encryptedRecordsExist())
      return {
        ...base,
        mode: 'recover',
        recoverBecause: say(phrase('unlock.keyElsewhere'), systemLanguage()),
      };
    return { ...base, mode: 'create', recoverBecause: null };
  }

  /** First start: a new passphrase, typed twice. */
  create(passphrase: string, repeat: string): Promise<Unlocked> {
    return this.exclusively(async () => {
      if (this.view().mode !== 'create') throw new RejectedRequest('errors.passphrase.alreadySet');
      return { keyWrapping: await this.newWrapping(passphrase, repeat) };
    });
  }

  /** A later start: the passphrase kept here, checked against the key file, which stays as it is. */
  enter(passphrase: string): Promise<Unlocked> {
    return this.exclusively(async () => {
      const stored = this.stored();
      if (stored?.kind !== 'passphrase') throw new RejectedRequest('errors.passphrase.notSet');
      const waitMs = this.nextTryAt - this.clock.now();
      if (waitMs > 0)
        throw new RejectedRequest('errors.passphrase.wait', { count: Math.ceil(waitMs / 1000) });
      const keyWrapping = await derivedPassphraseWrapping(passphrase, this.why, stored);
      try {
        keyWrapping.unwrap(stored);
      } catch (error) {
        if (!(error instanceof WrongPassphraseError)) throw error;
        this.failures += 1;
        const wait = Math.min(LONGEST_WAIT_MS, 1000 * 2 ** (this.failures - 1));
        this.nextTryAt = this.clock.now() + wait;
        throw new RejectedRequest('errors.passphrase.wrong', { count: Math.ceil(wait / 1000) });
      }
      this.failures = 0;
      this.nextTryAt = 0;
      return { keyWrapping };
    });
  }

  /** The passphrase is forgotten (or the key is not here): the recovery key, then a new passphrase. */
  recover(recoveryKey: string, passphrase: string, repeat: string): Promise<Unlocked> {
    return this.exclusively(async () => {
      let key;
      try {
        key = parseRecoveryKey(recoveryKey);
      } catch (error) {
        throw new RejectedRequest('errors.passphrase.badRecoveryKey', {
          problem: (error as RecoveryKeyError).phrase,
        });
      }
      if (this.encryptedRecordsExist()) {
        const verdict = judgeKioskFile(this.databaseFile, key, { check: 'quick_check' });
        if (!verdict.ok && verdict.reason === 'other-key')
          throw new RejectedRequest('errors.passphrase.otherRecords');
      }
      return { keyWrapping: await this.newWrapping(passphrase, repeat), recoveryKey };
    });
  }

  private async newWrapping(passphrase: string, repeat: string): Promise<KeyWrapping> {
    const weakness = passphraseWeakness(passphrase);
    if (weakness) throw new RejectedRequest(weakness.key, weakness.params);
    if (passphrase !== repeat) throw new RejectedRequest('errors.passphrase.notSame');
    return derivedPassphraseWrapping(passphrase, this.why, null);
  }

  /** One derivation at a time: a double click does not start a second scrypt. */
  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new RejectedRequest('errors.passphrase.busy');
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}
