import { asDate, type Lang } from '../i18n/messages.js';

/**
 * Formatters made once per language: making an Intl formatter costs about a
 * hundred times what formatting with it does (a national report formats
 * tens of thousands of numbers).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** A calendar day `YYYY-MM-DD` as the reader's language writes it ("1 қыркүйек 2026 ж.", "1 сентября 2026 г."). */
export function day(lang: Lang, date: string): string {
  return formatter(`day:${lang}`, () => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(asDate(date));
}

/** A whole number with the language's grouping (12 345). */
export function num(lang: Lang, n: number): string {
  return formatter(`num:${lang}`, () => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 })).format(n);
}

/** A share 0..1 as a percentage. */
export function pct(lang: Lang, share: number): string {
  return formatter(`pct:${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })).format(share);
}
