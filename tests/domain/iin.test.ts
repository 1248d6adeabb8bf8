import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childIinProblem, iinCheckDigit, iinProblem, makeIin } from '../../src/domain/iin.js';

/*
 * Check digits computed by hand with the algorithm (formats.md, Kazakh IIN):
 *   round 1: sum(d[i] * (i+1)) mod 11; if 10, round 2 with weights
 *   3,4,5,6,7,8,9,10,11,1,2; if 10 again the prefix is never issued.
 *
 * 22031560000: 2·1+2·2+0·3+3·4+1·5+5·6+6·7+0+0+0+0 = 95, 95 mod 11 = 7  → 220315600007
 * 19070450001: 1+18+0+28+0+24+35+0+0+0+11 = 117, 117 mod 11 = 7         → 190704500017
 * 22031560080: round 1 = 95 + 8·10 = 175, 175 mod 11 = 10;
 *              round 2 = 2·3+2·4+0·5+3·6+1·7+5·8+6·9+0·10+0·11+8·1+0·2 = 141, 141 mod 11 = 9 → 220315600809
 * 22031560081: round 1 = 175 + 1·11 = 186 mod 11 = 10; round 2 = 141 + 1·2 = 143 mod 11 = 0 → 220315600810
 * 22031560086: round 1 = 175 + 6·11 = 241 mod 11 = 10; round 2 = 141 + 6·2 = 153 mod 11 = 10 → null
 * 85051230001: 8·1+5·2+0·3+5·4+1·5+2·6+3·7+0+0+0+1·11 = 87, 87 mod 11 = 10;
 *              round 2 = 8·3+5·4+0+5·6+1·7+2·8+3·9+0+0+0+1·2 = 126, 126 mod 11 = 5 → 850512300015
 */

/** Independent implementation of the published algorithm, for the property tests. */
function specCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const w1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
  const r1 = d.reduce((s, x, i) => s + x * w1[i]!, 0) % 11;
  if (r1 !== 10) return r1;
  const r2 = d.reduce((s, x, i) => s + x * w2[i]!, 0) % 11;
  return r2 === 10 ? null : r2;
}

describe('iinCheckDigit', () => {
  it('uses the first weight round when it does not give 10', () => {
    expect(iinCheckDigit('22031560000')).toBe(7);
    expect(iinCheckDigit('19070450001')).toBe(7);
  });

  it('falls back to the second weight round when round one gives 10', () => {
    expect(iinCheckDigit('22031560080')).toBe(9);
    expect(iinCheckDigit('22031560081')).toBe(0);
    expect(iinCheckDigit('85051230001')).toBe(5);
  });

  it('is null when both rounds give 10', () => {
    expect(iinCheckDigit('22031560086')).toBeNull();
  });

  it('agrees with the published algorithm on random prefixes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (first11) => {
        expect(iinCheckDigit(first11)).toBe(specCheckDigit(first11));
      }),
      { numRuns: 500 },
    );
  });
});

describe('iinProblem', () => {
  it('accepts valid IINs (either weight round)', () => {
    for (const iin of ['220315600007', '190704500017', '220315600809', '220315600810', '850512300015'])
      expect(iinProblem(iin), iin).toBeNull();
  });

  it('reports a wrong check digit', () => {
    expect(iinProblem('220315600008')).toBe('iin_check_digit');
    expect(iinProblem('220315600800')).toBe('iin_check_digit');
    // The example in formats.md is illustrative only: its check digit should be 6.
    expect(iinProblem('220315600123')).toBe('iin_check_digit');
  });

  it('rejects every 12-digit number whose prefix gives 10 twice', () => {
    for (let d = 0; d <= 9; d++) expect(iinProblem(`22031560086${d}`)).toBe('iin_check_digit');
  });

  it('reports format errors', () => {
    for (const bad of ['', '22031560000', '2203156000071', '22031560000a', ' 220315600007', '220315-00007', '２２０３１５６０００07'])
      expect(iinProblem(bad), JSON.stringify(bad)).toBe('iin_format');
    for (const bad of [220315600007, null, undefined, {}, ['220315600007']]) expect(iinProblem(bad)).toBe('iin_format');
  });

  it('accepts exactly the one right check digit for any issuable prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (p) => {
        const check = specCheckDigit(p);
        for (let d = 0; d <= 9; d++) {
          expect(iinProblem(p + String(d))).toBe(d === check ? null : 'iin_check_digit');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('childIinProblem', () => {
  it('accepts a child IIN agreeing with birthDate, 2000s (century digit 5 or 6)', () => {
    expect(childIinProblem('220315600007', '2022-03-15')).toBeNull(); // digit 6: girl, 2000s
    expect(childIinProblem('190704500017', '2019-07-04')).toBeNull(); // digit 5: boy, 2000s
  });

  it('accepts 1900s IINs with century digit 3 or 4', () => {
    expect(childIinProblem('850512300015', '1985-05-12')).toBeNull();
    // 85051240001: 87 + 1·7 = 94 mod 11 = 6 → 850512400016
    expect(childIinProblem('850512400016', '1985-05-12')).toBeNull();
  });

  it('rejects the wrong century for the same YYMMDD', () => {
    expect(childIinProblem('850512300015', '2085-05-12')).toBe('iin_birth_date');
    expect(childIinProblem('190704500017', '1919-07-04')).toBe('iin_birth_date');
  });

  it('rejects a different day, month or year', () => {
    expect(childIinProblem('220315600007', '2022-03-16')).toBe('iin_birth_date');
    expect(childIinProblem('220315600007', '2022-04-15')).toBe('iin_birth_date');
    expect(childIinProblem('220315600007', '2021-03-15')).toBe('iin_birth_date');
  });

  it('rejects a century digit that names no century (0, 7, 8, 9)', () => {
    // 22031500001: 95 - 42 + 0 + 11 = 64 mod 11 = 9 → 220315000019 (valid check digit)
    expect(iinProblem('220315000019')).toBeNull();
    expect(childIinProblem('220315000019', '2022-03-15')).toBe('iin_birth_date');
    expect(childIinProblem('220315000019', '1922-03-15')).toBe('iin_birth_date');
  });

  it('reports format and check digit problems before the birth date', () => {
    expect(childIinProblem('2203156000', '2022-03-15')).toBe('iin_format');
    expect(childIinProblem('220315600008', '2022-03-15')).toBe('iin_check_digit');
    expect(childIinProblem(undefined, '2022-03-15')).toBe('iin_format');
  });
});

describe('makeIin', () => {
  const birthDate = fc
    .record({ y: fc.integer({ min: 1900, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

  it('round-trips: a made IIN is valid and agrees with its birth date', () => {
    fc.assert(
      fc.property(birthDate, fc.constantFrom('male', 'female') as fc.Arbitrary<'male' | 'female'>, fc.nat(9999), (bd, sex, serial) => {
        const iin = makeIin(bd, sex, serial);
        expect(iin).toMatch(/^\d{12}$/);
        expect(iinProblem(iin)).toBeNull();
        expect(childIinProblem(iin, bd)).toBeNull();
        expect(iin.slice(0, 6)).toBe(bd.slice(2, 4) + bd.slice(5, 7) + bd.slice(8, 10));
        const year = Number(bd.slice(0, 4));
        const base = year >= 2000 ? 5 : 3;
        expect(Number(iin[6])).toBe(base + (sex === 'female' ? 1 : 0));
        expect(Number(iin[11])).toBe(specCheckDigit(iin.slice(0, 11)));
      }),
      { numRuns: 300 },
    );
  });

  it('handles 29 February and skips serials whose prefix is never issued', () => {
    expect(childIinProblem(makeIin('2020-02-29', 'male', 1), '2020-02-29')).toBeNull();
    // serial 0086 with 2022-03-15 / female is the "10 twice" prefix: it must not be used.
    const iin = makeIin('2022-03-15', 'female', 86);
    expect(iin.slice(0, 11)).not.toBe('22031560086');
    expect(iinProblem(iin)).toBeNull();
    expect(makeIin('2022-03-15', 'female', 0)).toBe('220315600007');
    expect(makeIin('2022-03-15', 'female', 80)).toBe('220315600809');
  });
});
