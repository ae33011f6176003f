import { describe, expect, it } from 'vitest';
import {
  catalogs,
  formatClockTime,
  formatLongDate,
  joinList,
  kioskLanguage,
  LANGUAGES,
  roomT,
  type Language,
} from '../../../electron/shared/i18n';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a catalog as "namespace:path.to.key" → text. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) found.set(leaf, text);
  }
  return found;
}

type Catalog = (typeof catalogs)[Language];

function flatten(catalog: Catalog): Map<string, string> {
  const all = new Map<string, string>();
  for (const [namespace, tree] of Object.entries(catalog)) {
    for (const [key, text] of leaves(tree)) all.set(`${namespace}:${key}`, text);
  }
  return all;
}

const catalogOf = (language: Language) => flatten(catalogs[language]);

/** The keys a caller uses: plural forms count once, under their base key. */
const baseKeys = (catalog: Catalog) =>
  new Set([...flatten(catalog).keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));

/** Keys `reference` has and `catalog` lacks. */
function missingKeys(catalog: Catalog, reference: Catalog): string[] {
  const present = baseKeys(catalog);
  return [...baseKeys(reference)].filter((key) => !present.has(key));
}

/** `{{name}}` placeholders and `<tag>` markup, which translations must keep. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}|<\/?(\w+)>/g)].map((match) => match[0]).sort();

describe('message catalogs', () => {
  it('ship English and Spanish', () => {
    expect(LANGUAGES).toEqual(['en', 'es']);
  });

  for (const language of LANGUAGES) {
    for (const other of LANGUAGES.filter((entry) => entry !== language)) {
      it(`have no key in ${other} that ${language} lacks`, () => {
        expect(missingKeys(catalogs[language], catalogs[other])).toEqual([]);
      });
    }

    it(`give ${language} every plural form its grammar uses`, () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const keys = [...catalogOf(language).keys()];
      const plurals = new Set(
        keys.filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')),
      );
      const missing = [...plurals].flatMap((base) =>
        categories.map((category) => `${base}_${category}`).filter((key) => !keys.includes(key)),
      );
      expect(missing).toEqual([]);
    });

    it(`have no empty text in ${language}`, () => {
      const empty = [...catalogOf(language)].filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    });
  }

  it('keep the same placeholders and markup in every language', () => {
    const english = catalogOf('en');
    const spanish = catalogOf('es');
    const differing = [...english].flatMap(([key, text]) => {
      const base = key.replace(PLURAL_SUFFIX, '');
      const counterpart = spanish.get(key) ?? spanish.get(`${base}_other`);
      return counterpart !== undefined &&
        placeholders(counterpart).join() !== placeholders(text).join()
        ? [key]
        : [];
    });
    expect(differing).toEqual([]);
  });

  it('notice a key missing from one catalog', () => {
    const projector: Partial<typeof catalogs.es.room.projector> = { ...catalogs.es.room.projector };
    delete projector.breakTitle;
    const trimmed = { ...catalogs.es, room: { ...catalogs.es.room, projector } } as Catalog;
    expect(missingKeys(trimmed, catalogs.en)).toEqual(['room:projector.breakTitle']);
  });
});

describe('room words', () => {
  it('follow the pack language, with regional tags and an English fallback', () => {
    expect(kioskLanguage('es-US')).toBe('es');
    expect(kioskLanguage('es')).toBe('es');
    expect(kioskLanguage('fr')).toBe('en');
    expect(roomT('es-US')('projector.breakTitle')).toBe('Descanso');
    expect(roomT('en')('projector.breakTitle')).toBe('Break');
  });

  it('use each language’s plural rules', () => {
    const unprintable = (language: string, count: number) =>
      roomT(language)('print.unprintable', { count, characters: '' }).split(' ').slice(0, 2);
    expect(unprintable('en', 1)).toEqual(['1', 'character']);
    expect(unprintable('en', 3)).toEqual(['3', 'characters']);
    expect(unprintable('es', 1)).toEqual(['1', 'carácter']);
    expect(unprintable('es', 3)).toEqual(['3', 'caracteres']);
    expect(unprintable('es', 1_000_000)).toEqual(['1000000', 'caracteres']);
    expect(roomT('es')('print.facilitator', { count: 2, names: 'Ana y Ben' })).toBe(
      'Facilitadores: Ana y Ben',
    );
  });

  it('format dates, clock times and lists with Intl for the locale', () => {
    const afternoon = new Date(2026, 11, 2, 14, 5).getTime();
    expect(formatLongDate(afternoon, 'en')).toBe('Wednesday, December 2, 2026');
    expect(formatLongDate(afternoon, 'es')).toBe('miércoles, 2 de diciembre de 2026');
    expect(formatClockTime(afternoon, 'en')).toBe('14:05');
    expect(formatClockTime(afternoon, 'es')).toBe('14:05');
    expect(joinList(['Ana', 'Ben', 'Cy'], 'en')).toBe('Ana, Ben, and Cy');
    expect(joinList(['Ana', ' ', 'Ben'], 'es')).toBe('Ana y Ben');
  });
});
