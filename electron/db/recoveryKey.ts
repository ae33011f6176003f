/**
 * The recovery key: the records key written for people, as printed on the recovery sheet (Crockford
 * base32 in groups of five, with a checksum so a misread character is caught).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { KEY_BYTES, type RecordsKey } from './cipher';
import { phrase, type Phrase } from '../shared/i18n/phraseKeys';
import { StartupError } from './startupError';

const UNTOUCHED = 'Nothing was changed.';

/** Crockford's base32: no I, L, O or U, so a handwritten or misread key is still read right. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 2;

function checksum(key: RecordsKey): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, CHECK_BYTES);
}

/** The key with a 16-bit checksum, in groups of five characters, as printed on the sheet. */
export function formatRecoveryKey(key: RecordsKey): string {
  const bytes = Buffer.concat([key, checksum(key)]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,5}/g)!.join('-');
}

/**
 * `message` is for a shell before any window (English); `phrase` says the same for a window, in
 * the console's language. (This module stays free of the catalogs, which tools load it without.)
 */
/** The problem, then that nothing was changed (as `message` says it). */
function sayUntouched(problem: Phrase): Phrase {
  return phrase('errors.passphrase.badRecoveryKey', { problem });
}

export class RecoveryKeyError extends StartupError {
  override name = 'RecoveryKeyError';
  constructor(
    message: string,
    detail: string,
    readonly phrase: Phrase,
  ) {
    super(message, detail, sayUntouched(phrase));
  }
}

export function parseRecoveryKey(text: string): RecordsKey {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  const length = Math.ceil(((KEY_BYTES + CHECK_BYTES) * 8) / 5);
  const invalid = [...cleaned].find((char) => !ALPHABET.includes(char));
  if (cleaned.length !== length || invalid !== undefined) {
    throw new RecoveryKeyError(
      `That is not a recovery key: it has ${length} letters and digits in groups of five${invalid ? `, and “${invalid}” is not one of them` : ''}. ${UNTOUCHED}`,
      `recovery key of ${cleaned.length} characters`,
      invalid === undefined
        ? phrase('errors.recoveryKey.wrongLength', { length })
        : phrase('errors.recoveryKey.invalidCharacter', { length, character: invalid }),
    );
  }
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of cleaned) {
    value = ((value << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const all = Buffer.from(bytes.slice(0, KEY_BYTES + CHECK_BYTES));
  const key = all.subarray(0, KEY_BYTES);
  if (!timingSafeEqual(checksum(key), all.subarray(KEY_BYTES))) {
    throw new RecoveryKeyError(
      `That recovery key has a mistake in it (its check does not match). Compare it with the printed sheet, group by group. ${UNTOUCHED}`,
      'recovery key checksum mismatch',
      phrase('errors.recoveryKey.checksum'),
    );
  }
  return Buffer.from(key);
}
