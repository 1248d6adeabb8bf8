import { IntlMessageFormat } from 'intl-messageformat';
import { en, type MessageKey } from './messages/en.js';
import { kk } from './messages/kk.js';
import { ru } from './messages/ru.js';

/**
 * Every text a person reads, in Kazakh, Russian and English, as ICU
 * MessageFormat with its real parameters (plural forms, dates). The
 * catalogues are in src/i18n/messages/; a test holds them to the same keys
 * and the same parameters.
 */
export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];
export type { MessageKey };

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { kk, ru, en };

/** Dates are `YYYY-MM-DD` strings, shown as calendar days (no time zone may shift them). */
const FORMATS = {
  date: {
    short: { day: 'numeric', month: 'long', timeZone: 'UTC' },
    long: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  },
} as const;

export type MessageValue = string | number | Date;

const compiled = new Map<string, IntlMessageFormat>();

/** The message `key` in `lang` with its values; a date value may be given as `YYYY-MM-DD`. */
export function t(lang: Lang, key: MessageKey, values: Record<string, MessageValue> = {}): string {
  const id = `${lang}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) compiled.set(id, (f = new IntlMessageFormat(CATALOGUES[lang][key], lang, FORMATS)));
  const args: Record<string, string | number | Date> = {};
  for (const [k, v] of Object.entries(values)) args[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? asDate(v) : v;
  const text = String(f.format(args));
  // A Russian long date ends in "г." ("1 сентября 2026 г."): at the end of a sentence it takes no second full stop.
  return lang === 'ru' ? text.replace(/ г\.\./g, ' г.') : text;
}

/** True when the catalogues have the key (for keys made at run time: a fact's name, a verdict). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUES.en, key);
}

/** A `YYYY-MM-DD` calendar day as the instant of its UTC midnight (formatted in UTC). */
export function asDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A month's standalone name ("март", "Наурыз", "March"), capitalised. */
export function monthName(lang: Lang, month: number): string {
  const name = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** A weekday's short name ("пн", "дс", "Mon"). */
export function weekdayName(lang: Lang, day: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(asDate(day));
}
