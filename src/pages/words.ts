import { IntlMessageFormat } from 'intl-messageformat';
import type { Lang } from '../i18n/messages.js';
import { en, type WordKey } from './words/en.js';
import { kk } from './words/kk.js';
import { ru } from './words/ru.js';

/**
 * The pages' words in Kazakh, Russian and English (ICU MessageFormat, the
 * same formats as src/i18n/messages.ts): one catalogue for the public site
 * and, under the `console.` prefix, the staff console. Kept beside the pages
 * while the catalogues are being reworked; the same keys in every language.
 */
export type { WordKey };

/** Every language's words (a test holds them to the same keys and the same values named). */
export const WORDS: Readonly<Record<Lang, Readonly<Record<WordKey, string>>>> = { en, ru, kk };
const compiled = new Map<string, IntlMessageFormat>();

export function w(lang: Lang, key: WordKey, values: Record<string, string | number> = {}): string {
  const id = `${lang}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) compiled.set(id, (f = new IntlMessageFormat(WORDS[lang][key], lang)));
  const text = String(f.format(values));
  // A Russian long date ends in "г." ("1 сентября 2026 г."): at the end of a sentence it takes no second full stop.
  return lang === 'ru' ? text.replace(/ г\.\./g, ' г.') : text;
}

/** A console key without its `console.` prefix, as the console's pages name their words. */
export type ConsoleKey = { [K in WordKey]: K extends `console.${infer Rest}` ? Rest : never }[WordKey];

/** A console text in the language, with its values (`w` with the `console.` prefix). */
export function cw(lang: Lang, key: ConsoleKey, values: Record<string, string | number> = {}): string {
  return w(lang, `console.${key}`, values);
}
