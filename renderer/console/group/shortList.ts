import { INTL_LOCALES, type Language } from '../../../electron/shared/i18n';

/** "Q1, Q2, Q3" / "P1, P2 y P3": a list of short items, as Intl writes it in the console's language. */
export function shortList(items: string[], language: Language): string {
  return new Intl.ListFormat(INTL_LOCALES[language], { type: 'unit' }).format(items);
}
