/**
 * The kiosk's own words, in every language it ships, for main and for the windows alike.
 *
 * `room` is what the room sees and takes home (the projector, printouts, self-entry) and always
 * follows the running pack's `language`; every other namespace is the counselor's and follows the
 * counselor's choice. Catalogs live in resources/locales/<language>/.
 */
import i18next, { type TFunction } from 'i18next';
import consoleEn from '../../../resources/locales/en/console.json';
import editorEn from '../../../resources/locales/en/editor.json';
import groupEn from '../../../resources/locales/en/group.json';
import mainEn from '../../../resources/locales/en/main.json';
import mediaEn from '../../../resources/locales/en/media.json';
import packsEn from '../../../resources/locales/en/packs.json';
import recordsEn from '../../../resources/locales/en/records.json';
import roomEn from '../../../resources/locales/en/room.json';
import runnerEn from '../../../resources/locales/en/runner.json';
import unlockEn from '../../../resources/locales/en/unlock.json';
import consoleEs from '../../../resources/locales/es/console.json';
import editorEs from '../../../resources/locales/es/editor.json';
import groupEs from '../../../resources/locales/es/group.json';
import mainEs from '../../../resources/locales/es/main.json';
import mediaEs from '../../../resources/locales/es/media.json';
import packsEs from '../../../resources/locales/es/packs.json';
import recordsEs from '../../../resources/locales/es/records.json';
import roomEs from '../../../resources/locales/es/room.json';
import runnerEs from '../../../resources/locales/es/runner.json';
import unlockEs from '../../../resources/locales/es/unlock.json';

/**
 * Namespaces by feature, so each view's words sit together: `console` (the console's frame),
 * `runner` (starting and running a session), `group` (attendance, quiz, game, flipchart panels),
 * `media`, `packs` (Content packs, deck import), `editor` (the pack editor), `records` (Records,
 * Program), `main` (what main itself says to the counselor: errors, job labels, staff reports) and
 * `unlock` (the passphrase window).
 */
export const catalogs = {
  en: {
    room: roomEn,
    console: consoleEn,
    runner: runnerEn,
    group: groupEn,
    media: mediaEn,
    packs: packsEn,
    editor: editorEn,
    records: recordsEn,
    main: mainEn,
    unlock: unlockEn,
  },
  es: {
    room: roomEs,
    console: consoleEs,
    runner: runnerEs,
    group: groupEs,
    media: mediaEs,
    packs: packsEs,
    editor: editorEs,
    records: recordsEs,
    main: mainEs,
    unlock: unlockEs,
  },
} as const;

export type Language = keyof typeof catalogs;
export type Namespace = keyof (typeof catalogs)['en'];
export const LANGUAGES = Object.keys(catalogs) as Language[];
export const FALLBACK_LANGUAGE: Language = 'en';
export const NAMESPACES = Object.keys(catalogs.en) as Namespace[];
/** The namespaces of the counselor's own screens, which follow the console's language. */
export type ConsoleNamespace = Exclude<Namespace, 'room'>;

/** Each language named in itself, for the console's language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

/**
 * The kiosk language for a BCP 47 tag ("es-US", "es", "en-GB"): its primary subtag when the kiosk
 * has that catalog, English otherwise.
 */
export function kioskLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as string[]).includes(primary) ? (primary as Language) : FALLBACK_LANGUAGE;
}

/** A fresh i18next instance holding every catalog, ready synchronously (no backend, no network). */
export function createI18n(language: Language = FALLBACK_LANGUAGE) {
  const instance = i18next.createInstance();
  void instance.init({
    resources: catalogs,
    lng: language,
    fallbackLng: false,
    supportedLngs: LANGUAGES,
    ns: NAMESPACES,
    defaultNS: 'console',
    initAsync: false,
    returnNull: false,
    // React escapes on its own, and PDFs are not HTML.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** The instance behind `roomT`, for react-i18next's `Trans` where a translation holds markup. */
export const roomI18n = createI18n();

/** The words of the room (projector, paper, self-entry) in a pack's language. */
export function roomT(packLanguage: string | null | undefined): TFunction<'room'> {
  return roomI18n.getFixedT(kioskLanguage(packLanguage), 'room');
}

/** The `Intl` locale of each language: the kiosk is written for clinics in the United States. */
export const INTL_LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

/** "Wednesday, December 2, 2026" / "miércoles, 2 de diciembre de 2026". */
export function formatLongDate(epochMs: number, language: Language): string {
  return new Date(epochMs).toLocaleDateString(INTL_LOCALES[language], {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/**
 * "14:05", in this computer's time zone. The kiosk keeps the 24-hour clock of the program's
 * printed agendas in every language, so the projector and the paper always agree.
 */
export function formatClockTime(epochMs: number, language: Language = FALLBACK_LANGUAGE): string {
  return new Date(epochMs).toLocaleTimeString(INTL_LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** "Ana, Ben, and Cy" / "Ana, Ben y Cy"; blank names are left out. */
export function joinList(items: readonly string[], language: Language): string {
  const cleaned = items.map((item) => item.trim()).filter((item) => item !== '');
  return new Intl.ListFormat(INTL_LOCALES[language], { type: 'conjunction' }).format(cleaned);
}
