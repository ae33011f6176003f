/**
 * The language of the console, chosen by the counselor and remembered on this machine (its
 * database). Null means "the system's language", which only the window knows.
 */
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/queries/settings';
import { kioskLanguage, LANGUAGES, type Language } from '../../shared/i18n';

const CONSOLE_LANGUAGE_SETTING = 'console-language';

export function readConsoleLanguage(db: Db): Language | null {
  const stored = readSetting(db, CONSOLE_LANGUAGE_SETTING);
  return (LANGUAGES as (string | null | undefined)[]).includes(stored)
    ? (stored as Language)
    : null;
}

/**
 * The language this computer's user interface is set to, as main sees it: the shell's report
 * (Electron's `app.getLocale()`, which the windows' `navigator.language` also follow) or else the
 * process's own locale (the browser shell runs on the same computer as its browser).
 */
export function systemLanguage(tag?: string): Language {
  return kioskLanguage(tag ?? Intl.DateTimeFormat().resolvedOptions().locale);
}

/**
 * The language main speaks to the counselor in: the console's, read at each use so a change in
 * the console's menu holds for main's very next message.
 */
export function consoleLanguageOf(db: Db, system: Language): () => Language {
  return () => {
    try {
      return readConsoleLanguage(db) ?? system;
    } catch {
      // A closed or replaced connection: the system's language rather than no message at all.
      return system;
    }
  };
}

export function writeConsoleLanguage(db: Db, language: Language | null): Language | null {
  writeSetting(db, CONSOLE_LANGUAGE_SETTING, language);
  return language;
}
