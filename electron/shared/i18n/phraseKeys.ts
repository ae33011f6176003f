/**
 * A message of main's (namespace `main`) as a key and its parameters, without the catalogs: the
 * database modules name their messages this way and stay loadable where JSON modules are not (the
 * e2e runner imports them as they are). `phrases.ts` puts phrases into words.
 */
import type mainEn from '../../../resources/locales/en/main.json';

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
