/**
 * What main says to the counselor (namespace `main`): errors, job labels and phases, notices and
 * staff reports. A message is kept as a key and its parameters (a `Phrase`) until it is sent, so
 * it is put into words in the console's language at that moment, and in English for the log.
 */
import type mainEn from '../../resources/locales/en/main.json';
import { createI18n, FALLBACK_LANGUAGE, type Language } from './index';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPluralSuffix<K> =
  K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** Every key of the `main` catalog, plural forms under their common name (`jobs.items`). */
export type MainKey = WithoutPluralSuffix<Leaves<typeof mainEn>>;

/** A parameter is a value, or a phrase of its own (a reason inside a sentence). */
export type PhraseParams = Readonly<Record<string, string | number | Phrase>>;

export interface Phrase {
  key: MainKey;
  params?: PhraseParams;
}

export function phrase(key: MainKey, params?: PhraseParams): Phrase {
  return params === undefined ? { key } : { key, params };
}

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
