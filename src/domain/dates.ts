/**
 * Calendar dates are kept as `YYYY-MM-DD` strings (they sort correctly as
 * text) and converted to day numbers only for arithmetic. Instants are kept
 * as microseconds since the epoch in UTC, so offsets never affect ordering.
 */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : MONTH_DAYS[m - 1]!;
}

/** True for a real calendar date written `YYYY-MM-DD` (read digit by digit: no match array, no substrings). */
export function isValidDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  return y >= 0 && mo >= 0 && d >= 0 && realDate(y, mo, d);
}

/** The number the ASCII digits s[from..to) write, or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function realDate(y: number, mo: number, d: number): boolean {
  return y >= 1800 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 for a valid date string. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function dateFromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * Full months of age at `at`. A month is complete when the day of month is
 * reached; a child born on the 31st completes a month on the 1st of the
 * following month when the month is shorter (simple tuple comparison).
 */
export function ageInMonths(birthDate: string, at: string): number {
  const by = Number(birthDate.slice(0, 4));
  const bm = Number(birthDate.slice(5, 7));
  const bd = Number(birthDate.slice(8, 10));
  const ay = Number(at.slice(0, 4));
  const am = Number(at.slice(5, 7));
  const ad = Number(at.slice(8, 10));
  return (ay - by) * 12 + (am - bm) - (ad < bd ? 1 : 0);
}

/** Full years of age at `at` (a child born on 29 February turns a year older on 1 March in common years). */
export function ageInYears(birthDate: string, at: string): number {
  return Math.floor(ageInMonths(birthDate, at) / 12);
}

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parses an ISO 8601 instant with an offset into microseconds since the
 * epoch (UTC). Returns null for anything else (no offset, impossible date).
 */
export function parseInstant(s: unknown): number | null {
  if (typeof s !== 'string') return null;
  const m = INSTANT_RE.exec(s);
  if (!m) return null;
  if (!realDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || mi > 59 || sec > 59) return null;
  const frac = m[7] === undefined ? 0 : Number((m[7] + '000000').slice(0, 6));
  let offsetMinutes = 0;
  const off = m[8]!;
  if (off !== 'Z') {
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 18 || om > 59) return null;
    offsetMinutes = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const localMs = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, mi, sec);
  return (localMs - offsetMinutes * 60_000) * 1000 + frac;
}

/** ISO instant in UTC with microseconds, for storage (PostgreSQL keeps microseconds). */
export function instantToIso(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const rest = micros - ms * 1000;
  const iso = new Date(ms).toISOString(); // …sss Z
  return `${iso.slice(0, 23)}${String(rest).padStart(3, '0')}Z`;
}
