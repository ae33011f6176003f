/**
 * The records key: made once, at the first start, and kept in `records-key.json` in the data folder,
 * wrapped by whatever the shell has. The Electron shell wraps it with the operating system
 * (safeStorage); where that has no real backend, and in the browser shell when asked, a passphrase
 * wraps it (scrypt, then AES-256-GCM); otherwise the browser shell keeps it in the file as it is,
 * readable only by its owner. The recovery key is the same key, written for people.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPlainDatabase, KEY_BYTES, KEY_FILE, type RecordsKey } from './cipher';
import { judgeKioskFile } from './kioskFile';
import { parseRecoveryKey } from './recoveryKey';
import { StartupError } from './startupError';
import { phrase, type Phrase } from '../shared/i18n/phraseKeys';

export { KEY_FILE };
const UNTOUCHED = 'Nothing was changed.';

/** How a shell keeps the key: `kind` is written next to the wrapped key so the next start knows. */
export interface KeyWrapping {
  readonly kind: 'os' | 'passphrase' | 'owner-only-file';
  /** For the log and the recovery sheet: where the key lives (worded in the sheet's language). */
  readonly where: Phrase;
  wrap(key: RecordsKey): Record<string, string>;
  /** Throws a StartupError with a plain message when it cannot (a wrong passphrase). */
  unwrap(stored: Record<string, string>): RecordsKey;
}

export interface StoredKey extends Record<string, string> {
  kind: KeyWrapping['kind'];
}

/** The browser shell's default: the key as it is, in a file only its owner may read. */
export function ownerOnlyFileWrapping(): KeyWrapping {
  return {
    kind: 'owner-only-file',
    where: phrase('recoverySheet.where.ownerOnlyFile', { file: KEY_FILE }),
    wrap: (key) => ({ key: key.toString('hex') }),
    unwrap: (stored) => Buffer.from(stored.key ?? '', 'hex'),
  };
}

/** The key file as it is, or null when there is none; a damaged one is a StartupError. */
export function readStoredKey(dataDir: string): StoredKey | null {
  const path = join(dataDir, KEY_FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as StoredKey;
    if (typeof parsed.kind !== 'string') throw new Error('no kind');
    return parsed;
  } catch (error) {
    throw new StartupError(
      `The file that holds the records key is damaged, so the records cannot be opened. Start the kiosk with the recovery key from the printed sheet. ${UNTOUCHED}`,
      `${path}: ${(error as Error).message}`,
      phrase('startup.keyDamaged'),
    );
  }
}

function writeStored(dataDir: string, stored: StoredKey): void {
  const path = join(dataDir, KEY_FILE);
  const partial = `${path}.partial`;
  writeFileSync(partial, JSON.stringify(stored, null, 2), { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, path);
}

function assertOwnerOnly(dataDir: string): void {
  if (process.platform === 'win32') return;
  const path = join(dataDir, KEY_FILE);
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new StartupError(
      `The file that holds the records key can be read by other accounts on this computer, so the kiosk will not use it. Ask IT to make it readable by its owner only (chmod 600 ${KEY_FILE}). ${UNTOUCHED}`,
      `${path}: mode ${mode.toString(8)}`,
      phrase('startup.keyReadableByOthers', { file: KEY_FILE }),
    );
  }
}

const KIND_NAMES: Record<KeyWrapping['kind'], string> = {
  os: 'the desktop app (by the operating system’s keychain)',
  passphrase: 'a passphrase',
  'owner-only-file': 'the browser shell’s key file',
};
const KIND_PHRASES: Record<KeyWrapping['kind'], Phrase> = {
  os: phrase('startup.keyKinds.os'),
  passphrase: phrase('startup.keyKinds.passphrase'),
  'owner-only-file': phrase('startup.keyKinds.ownerOnlyFile'),
};

function validKey(key: RecordsKey, where: string): RecordsKey {
  if (key.length !== KEY_BYTES) {
    throw new StartupError(
      `The records key kept on this computer is not a valid key. Start the kiosk with the recovery key from the printed sheet. ${UNTOUCHED}`,
      `${where}: ${key.length} bytes`,
      phrase('startup.keyInvalid'),
    );
  }
  return key;
}

export interface KeyOptions {
  /** The recovery key from the printed sheet, to open records made on another laptop. */
  recoveryKey?: string;
}

/**
 * The key that opens this data folder's records, made and kept at the first start. A folder whose
 * records are encrypted but whose key is not kept here (copied from another laptop) needs the
 * recovery key, which is checked against the records before it is kept. Every refusal changes
 * no file.
 */
export interface LoadedKey {
  key: RecordsKey;
  /** Made in this start: the counselor is asked to print the recovery sheet. */
  created: boolean;
}

export function loadRecordsKey(
  dataDir: string,
  databaseFile: string,
  wrapping: KeyWrapping,
  options: KeyOptions = {},
): LoadedKey {
  if (options.recoveryKey !== undefined) {
    const key = parseRecoveryKey(options.recoveryKey);
    if (existsSync(databaseFile) && !isPlainDatabase(databaseFile)) {
      const verdict = judgeKioskFile(databaseFile, key, { check: 'quick_check' });
      if (!verdict.ok && verdict.reason === 'other-key') {
        throw new StartupError(
          `That recovery key does not open the records in this data folder. Check the sheet and try again. ${UNTOUCHED}`,
          `${databaseFile}: the recovery key failed`,
          phrase('errors.passphrase.otherRecords'),
        );
      }
    }
    writeStored(dataDir, { ...wrapping.wrap(key), kind: wrapping.kind });
    return { key, created: false };
  }
  const stored = readStoredKey(dataDir);
  if (stored === null) {
    if (existsSync(databaseFile) && !isPlainDatabase(databaseFile)) {
      throw new StartupError(
        `The records in this data folder are encrypted, and their key is not on this computer (the folder may come from another laptop). Start the kiosk with the recovery key from the printed sheet. ${UNTOUCHED}`,
        `${databaseFile}: encrypted, and ${KEY_FILE} is missing`,
        phrase('startup.keyMissing'),
      );
    }
    const key = randomBytes(KEY_BYTES);
    writeStored(dataDir, { ...wrapping.wrap(key), kind: wrapping.kind });
    return { key, created: true };
  }
  if (stored.kind === wrapping.kind) {
    if (stored.kind === 'owner-only-file') assertOwnerOnly(dataDir);
    return { key: validKey(wrapping.unwrap(stored), KEY_FILE), created: false };
  }
  if (stored.kind === 'owner-only-file') {
    // The browser shell made these records; the desktop app wraps their key better from now on.
    assertOwnerOnly(dataDir);
    const key = validKey(ownerOnlyFileWrapping().unwrap(stored), KEY_FILE);
    writeStored(dataDir, { ...wrapping.wrap(key), kind: wrapping.kind });
    return { key, created: false };
  }
  throw new StartupError(
    `The records key on this computer is kept by ${KIND_NAMES[stored.kind]}, which this kiosk cannot use. Start it the way it was set up, or with the recovery key from the printed sheet. ${UNTOUCHED}`,
    `${KEY_FILE}: kind ${stored.kind}, this shell uses ${wrapping.kind}`,
    phrase('startup.keyKeptOtherwise', { kind: KIND_PHRASES[stored.kind] }),
  );
}
