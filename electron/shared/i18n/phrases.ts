/**
 * What main says to the counselor (namespace `main`): errors, job labels and phases, notices and
 * staff reports. A message is kept as a key and its parameters (a `Phrase`) until it is sent, so
 * it is put into words in the console's language at that moment, and in English for the log.
 */
import { createI18n, FALLBACK_LANGUAGE, type Language } from './index';
import { phrase, type MainKey, type Phrase, type PhraseParams } from './phraseKeys';

export { phrase, type MainKey, type Phrase, type PhraseParams };

function isPhrase(value: unknown): value is Phrase {
  return typeof value === 'object' && value !== null && typeof (value as Phrase).key === 'string';
}

const mainI18n = createI18n();

/** The phrase in words, in `language` (parameters that are phrases are worded first). */
export function say(message: Phrase, language: Language = FALLBACK_LANGUAGE): string {
  const t = mainI18n.getFixedT(language, 'main');
  const params = Object.fromEntries(
    Object.entries(message.params ?? {}).map(([name, value]) => [
      name,
      isPhrase(value) ? say(value, language) : value,
    ]),
  );
  return t(message.key, params);
}

export type MainT = (key: MainKey, params?: PhraseParams) => string;

/** `say` bound to one language, for code that words many phrases (a report). */
export function mainT(language: Language): MainT {
  return (key, params) => say(phrase(key, params), language);
}
