/**
 * The windows' i18next instance and its React binding. The console's own words follow the
 * counselor's language (a setting main remembers, or the system's); the room's words never use this
 * instance's language but the pack's, through `useRoomT`, so the console's preview of the projector
 * reads exactly as the room does.
 */
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import {
  createI18n,
  kioskLanguage,
  roomT,
  type ConsoleNamespace,
  type Language,
} from '../../../electron/shared/i18n';

export const i18n = createI18n(systemLanguage());

/** The language this computer's user interface is set to (Electron reports the system's). */
export function systemLanguage(): Language {
  return kioskLanguage(typeof navigator === 'undefined' ? null : navigator.language);
}

/** The room's words in the pack's language, whatever the console speaks. */
export function useRoomT(packLanguage: string | null | undefined) {
  return useMemo(() => roomT(packLanguage), [packLanguage]);
}

/** The console's words (one feature's namespace), in the counselor's language; re-renders when it changes. */
export function useConsoleT<N extends ConsoleNamespace = 'console'>(namespace?: N) {
  return useTranslation(namespace ?? 'console').t;
}

/** The console's language now, for `Intl` (times, lists); re-renders when it changes. */
export function useConsoleLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return kioskLanguage(instance.resolvedLanguage ?? instance.language);
}

/** Switches the console's words at once, without a restart; the document's `lang` follows. */
export function applyConsoleLanguage(choice: Language | null): void {
  const language = choice ?? systemLanguage();
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/** The projector's page takes its `lang` from the pack, so screen readers and hyphenation follow it. */
export function useDocumentLanguage(language: string | null | undefined): void {
  useEffect(() => {
    document.documentElement.lang = language ?? kioskLanguage(null);
  }, [language]);
}
