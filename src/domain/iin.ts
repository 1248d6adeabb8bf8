/**
 * Kazakh individual identification number (ЖСН / ИИН): 12 digits,
 * YYMMDD + century/sex digit + 4-digit serial + check digit.
 */
const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/**
 * The check digit for the first 11 digits, or null when both weight rounds
 * give 10 (no valid IIN is issued with such a prefix).
 */
export function iinCheckDigit(first11: string): number | null {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * WEIGHTS_1[i]!;
  let check = sum % 11;
  if (check !== 10) return check;
  sum = 0;
  for (let i = 0; i < 11; i++) sum += (first11.charCodeAt(i) - 48) * WEIGHTS_2[i]!;
  check = sum % 11;
  return check === 10 ? null : check;
}

export type IinProblem = 'iin_format' | 'iin_check_digit' | 'iin_birth_date';

/** Format and check digit only (what is known of any IIN). */
export function iinProblem(iin: unknown): IinProblem | null {
  if (typeof iin !== 'string' || !/^\d{12}$/.test(iin)) return 'iin_format';
  const check = iinCheckDigit(iin.slice(0, 11));
  if (check === null || check !== iin.charCodeAt(11) - 48) return 'iin_check_digit';
  return null;
}

const CENTURY_BY_DIGIT: Record<string, number> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

/** The birth date an IIN encodes (YYYY-MM-DD), or null when the 7th digit names no century. */
export function iinBirthDate(iin: string): string | null {
  const century = CENTURY_BY_DIGIT[iin[6] ?? ''];
  if (century === undefined) return null;
  const year = century + Number(iin.slice(0, 2));
  return `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
}

/** A child's IIN must be valid and agree with the birth date (YYMMDD and century digit). */
export function childIinProblem(iin: unknown, birthDate: string): IinProblem | null {
  const problem = iinProblem(iin);
  if (problem) return problem;
  return iinBirthDate(iin as string) === birthDate ? null : 'iin_birth_date';
}

/**
 * Builds a valid IIN for a birth date, sex and serial (for synthetic data).
 * Serials whose check digit would be 10 twice are skipped to the next one.
 */
export function makeIin(birthDate: string, sex: 'male' | 'female', serial: number): string {
  const year = Number(birthDate.slice(0, 4));
  const centuryBase = year >= 2000 ? 5 : year >= 1900 ? 3 : 1;
  const centuryDigit = centuryBase + (sex === 'female' ? 1 : 0);
  const prefix = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${centuryDigit}`;
  for (let s = serial; ; s++) {
    const first11 = prefix + String(s % 10000).padStart(4, '0');
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
}
