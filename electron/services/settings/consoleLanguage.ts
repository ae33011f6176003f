/**
 * The language of the console, chosen by the counselor and remembered on this machine (its
 * database). Null means "the system's language", which only the window knows.
 */
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/queries/settings';
import { LANGUAGES, type Language } from '../../i18n';

const CONSOLE_LANGUAGE_SETTING = 'console-language';

export function readConsoleLanguage(db: Db): Language | null {
  const stored = readSetting<unknown>(db, CONSOLE_LANGUAGE_SETTING);
  return (LANGUAGES as unknown[]).includes(stored) ? (stored as Language) : null;
}

export function writeConsoleLanguage(db: Db, language: Language | null): Language | null {
  writeSetting(db, CONSOLE_LANGUAGE_SETTING, language);
  return language;
}
