/**
 * A passphrase wraps the records key where nothing better can (Linux without a keyring, or the
 * browser shell when asked): scrypt derives a key from it, AES-256-GCM seals the records key, and a
 * wrong passphrase fails the tag.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, scryptSync } from 'node:crypto';
import { KEY_FILE, type RecordsKey } from './cipher';
import type { KeyWrapping } from './recordsKey';
import { StartupError } from './startupError';
import { phrase, type Phrase } from '../shared/i18n/phraseKeys';

const UNTOUCHED = 'Nothing was changed.';

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 ** 2 };
const SALT_BYTES = 16;

function passphraseKey(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
}

/** The same derivation on libuv's thread pool, so a window stays responsive meanwhile. */
function passphraseKeyOffThread(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolvePromise, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, SCRYPT, (error, derived) =>
      error ? reject(error) : resolvePromise(derived),
    ),
  );
}

function sealKey(derived: Buffer, salt: Buffer, key: RecordsKey): Record<string, string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derived, iv);
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    scrypt: `N=${SCRYPT.N},r=${SCRYPT.r},p=${SCRYPT.p}`,
    salt: salt.toString('hex'),
    iv: iv.toString('hex'),
    tag: cipher.getAuthTag().toString('hex'),
    wrapped: wrapped.toString('hex'),
  };
}

function openKey(derived: Buffer, stored: Record<string, string>): RecordsKey {
  try {
    const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(stored.iv ?? '', 'hex'));
    decipher.setAuthTag(Buffer.from(stored.tag ?? '', 'hex'));
    return Buffer.concat([
      decipher.update(Buffer.from(stored.wrapped ?? '', 'hex')),
      decipher.final(),
    ]);
  } catch {
    throw new WrongPassphraseError(
      `That passphrase does not unlock the records. Check it and start again. ${UNTOUCHED}`,
      `${KEY_FILE}: the passphrase failed the AES-GCM tag`,
      phrase('startup.wrongPassphrase'),
    );
  }
}

export class WrongPassphraseError extends StartupError {
  override name = 'WrongPassphraseError';
}

function passphraseWhere(why: string): Phrase {
  return phrase('recoverySheet.where.passphrase', { file: KEY_FILE, why });
}

/** A passphrase (scrypt) wraps the key with AES-256-GCM; a wrong one fails its tag. */
export function passphraseWrapping(passphrase: string, why: string): KeyWrapping {
  if (passphrase.length < 8) {
    throw new StartupError(
      `The passphrase for the records must be at least 8 characters. ${UNTOUCHED}`,
      'passphrase shorter than 8 characters',
      phrase('startup.passphraseTooShort'),
    );
  }
  return {
    kind: 'passphrase',
    where: passphraseWhere(why),
    wrap(key) {
      const salt = randomBytes(SALT_BYTES);
      return sealKey(passphraseKey(passphrase, salt), salt, key);
    },
    unwrap: (stored) =>
      openKey(passphraseKey(passphrase, Buffer.from(stored.salt ?? '', 'hex')), stored),
  };
}

/**
 * The passphrase wrapping with scrypt already run, off the event loop, for the salt of `stored`
 * (the key file as it is) or a new salt: its wrap and unwrap then cost only AES-GCM.
 */
export async function derivedPassphraseWrapping(
  passphrase: string,
  why: string,
  stored: Record<string, string> | null,
): Promise<KeyWrapping> {
  const salt = stored ? Buffer.from(stored.salt ?? '', 'hex') : randomBytes(SALT_BYTES);
  const derived = await passphraseKeyOffThread(passphrase, salt);
  return {
    kind: 'passphrase',
    where: passphraseWhere(why),
    wrap: (key) => sealKey(derived, salt, key),
    unwrap: (other) => openKey(derived, other),
  };
}
