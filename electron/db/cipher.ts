/**
 * The records are encrypted at rest by SQLite3MultipleCiphers (the `better-sqlite3` package here is
 * better-sqlite3-multiple-ciphers under that name), in SQLCipher 4's format with a random 256-bit
 * raw key: clinic IT can open a file with any SQLCipher 4 tool and the hex key from the recovery
 * sheet. Every connection to the records or a backup goes through `keyConnection`.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';

/** 32 random bytes: the key of the records database and of every backup made from it. */
export type RecordsKey = Buffer;

export const KEY_BYTES = 32;
/** Where the data folder keeps the records key, wrapped by whatever the shell has. */
export const KEY_FILE = 'records-key.json';
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function rawKeyLiteral(key: RecordsKey): string {
  if (key.length !== KEY_BYTES) throw new Error(`A records key is ${KEY_BYTES} bytes.`);
  return `x'${key.toString('hex')}'`;
}

function useSqlCipherFormat(db: Database.Database): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

/** Sets the cipher and the key on a new connection, before anything reads the file. */
export function keyConnection(db: Database.Database, key: RecordsKey): Database.Database {
  useSqlCipherFormat(db);
  db.pragma(`key = "${rawKeyLiteral(key)}"`);
  return db;
}

export function openKeyed(
  file: string,
  key: RecordsKey,
  options?: Database.Options,
): Database.Database {
  const db = new Database(file, options);
  try {
    return keyConnection(db, key);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `ATTACH … KEY ?` takes this: the raw key for an encrypted file, '' for a plain one. */
export function attachKey(key: RecordsKey | null): string {
  return key ? rawKeyLiteral(key) : '';
}

/**
 * Encrypts a plain database file with the key, in place. Only for a file nothing else has open:
 * the conversion works on a copy that replaces the records once it has been checked.
 */
export function encryptPlainFile(file: string, key: RecordsKey): void {
  const db = new Database(file);
  try {
    // SQLite3MultipleCiphers rekeys in rollback-journal mode only.
    db.pragma('journal_mode = DELETE');
    useSqlCipherFormat(db);
    db.pragma(`rekey = "${rawKeyLiteral(key)}"`);
  } finally {
    db.close();
  }
}

/** A plain SQLite file starts with its format's name; an encrypted one starts with random salt. */
export function isPlainDatabase(file: string): boolean {
  const header = Buffer.alloc(PLAIN_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Opens a file as what it is: with the key when encrypted, without when plain (an old version's). */
export function openEither(
  file: string,
  key: RecordsKey | null,
  options?: Database.Options,
): Database.Database {
  if (isPlainDatabase(file) || key === null) return new Database(file, options);
  return openKeyed(file, key, options);
}
