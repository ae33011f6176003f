/**
 * The `settings` table: one JSON value per key, each key with its zod schema. Reading decodes with
 * the key's schema; a value that does not fit is a clear error, except where a schema says what a
 * bad value means instead (`.catch`: the default, as for the volumes and the certificate rule).
 */
import { z } from 'zod';
import type { Db } from '../database';
import { decodeJson } from '../jsonColumns';

/** 0 to 1; anything else is full volume. */
const volumeLevel = z.number().min(0).max(1).catch(1);

/** Who earns a certificate; the records desk's form and the contract check the same schema. */
export const certificateRuleSchema = z
  .object({ minSessions: z.number().int().min(1).max(100), requireQuizzes: z.boolean() })
  .strict();
export type CertificateRule = z.infer<typeof certificateRuleSchema>;
export const DEFAULT_CERTIFICATE_RULE: CertificateRule = { minSessions: 4, requireQuizzes: true };

export const SETTINGS = {
  /** The counselor's PIN, as a scrypt hash and its salt (hex). */
  'records-pin': z.object({ salt: z.string(), hash: z.string() }),
  /** Wrong PIN guesses and the pause they earned. */
  'records-pin-guard': z.object({
    failures: z.number().int().min(0),
    pauses: z.number().int().min(0),
    blockedUntil: z.number(),
  }),
  /** The secret REDCap pseudonyms are made with. */
  'redcap-secret': z.string().min(1),
  /** When the recovery-key sheet was last printed. */
  'recovery-sheet-printed-at': z.number(),
  /** A bad rule reads as the default rule. */
  'certificate-rule': certificateRuleSchema.catch(DEFAULT_CERTIFICATE_RULE),
  /** The member at the laptop during self-entry; null when the counselor has it back. */
  'self-entry': z
    .object({
      sessionId: z.number().int(),
      memberId: z.number().int(),
      position: z.number().int().min(0),
    })
    .nullable(),
  /** The console's language tag, or null for the system's; anything else reads as null. */
  'console-language': z.string().nullable().catch(null),
  /** This machine's volumes; a bad level, or a bad value, is full volume. */
  volume: z
    .object({ video: volumeLevel, relaxation: volumeLevel })
    .catch({ video: 1, relaxation: 1 }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<Key extends SettingKey> = z.output<(typeof SETTINGS)[Key]>;

const AUDIENCE_DISPLAY_PREFIX = 'audience-display:';
const audienceDisplaySchema = z.number().int();

function readValue(db: Db, key: string): string | undefined {
  return db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(key)?.value;
}

function writeValue(db: Db, key: string, value: unknown): void {
  db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/** The setting's value decoded with its schema, or undefined when it was never written. */
export function readSetting<Key extends SettingKey>(
  db: Db,
  key: Key,
): SettingValue<Key> | undefined {
  const text = readValue(db, key);
  if (text === undefined) return undefined;
  return decodeJson(SETTINGS[key], text, `The setting ${key}`) as SettingValue<Key>;
}

export function writeSetting<Key extends SettingKey>(
  db: Db,
  key: Key,
  value: z.input<(typeof SETTINGS)[Key]>,
): void {
  writeValue(db, key, value);
}

/**
 * The display the audience window was last put on with this set of displays connected
 * (`displaySet` names the set), so plugging the same projector in again finds it.
 */
export function readAudienceDisplay(db: Db, displaySet: string): number | null {
  const key = AUDIENCE_DISPLAY_PREFIX + displaySet;
  const text = readValue(db, key);
  return text === undefined ? null : decodeJson(audienceDisplaySchema, text, `The setting ${key}`);
}

export function writeAudienceDisplay(db: Db, displaySet: string, displayId: number): void {
  writeValue(db, AUDIENCE_DISPLAY_PREFIX + displaySet, displayId);
}
