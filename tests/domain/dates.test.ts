import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInMonths, ageInYears, isValidDate, parseInstant } from '../../src/domain/dates.js';

describe('isValidDate', () => {
  it('accepts real calendar dates', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-02-28', '2025-12-31', '2025-01-01', '2025-04-30'])
      expect(isValidDate(d), d).toBe(true);
  });

  it('says what the YYYY-MM-DD pattern and the calendar say, for any text near a date', () => {
    const reference = (s: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const days = mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
      return y >= 1800 && mo >= 1 && mo <= 12 && d >= 1 && days !== undefined && d <= days;
    };
    const digitish = fc.constantFrom('0', '1', '2', '3', '9', '-', '/', ' ', '٣', 'a', '\n');
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 1700, max: 2400 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
        ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ),
      fc.array(digitish, { maxLength: 12 }).map((cs) => cs.join('')),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(isValidDate(s), s).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
    expect(isValidDate(20250101)).toBe(false);
  });

  it('rejects impossible dates', () => {
    for (const d of ['2021-02-30', '2023-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-01-32'])
      expect(isValidDate(d), d).toBe(false);
  });

  it('rejects anything not written YYYY-MM-DD', () => {
    for (const d of ['2025-1-01', '2025-01-1', '25-01-01', '2025/01/01', '2025-01-01T00:00:00Z', ' 2025-01-01', '']) expect(isValidDate(d), d).toBe(false);
    for (const v of [20250101, null, undefined, new Date(0)]) expect(isValidDate(v)).toBe(false);
  });

  it('agrees with the JavaScript calendar on random dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === s;
        expect(isValidDate(s)).toBe(real);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ageInYears / ageInMonths', () => {
  it('turns 7 on the 7th birthday, not the day before', () => {
    expect(ageInYears('2018-09-01', '2025-08-31')).toBe(6);
    expect(ageInYears('2018-09-01', '2025-09-01')).toBe(7);
    expect(ageInMonths('2018-09-01', '2025-08-31')).toBe(83);
    expect(ageInMonths('2018-09-01', '2025-09-01')).toBe(84);
  });

  it('counts exactly 12 months on the first birthday', () => {
    expect(ageInMonths('2024-05-15', '2025-05-14')).toBe(11);
    expect(ageInMonths('2024-05-15', '2025-05-15')).toBe(12);
    expect(ageInMonths('2024-12-31', '2025-12-31')).toBe(12);
    expect(ageInMonths('2024-12-31', '2025-12-30')).toBe(11);
  });

  it('counts full months across year ends', () => {
    expect(ageInMonths('2024-11-20', '2025-01-19')).toBe(1);
    expect(ageInMonths('2024-11-20', '2025-01-20')).toBe(2);
    expect(ageInMonths('2025-01-01', '2025-01-01')).toBe(0);
  });

  it('29 February birthdays: the birthday itself in leap years, 1 March in common years', () => {
    // Leap year: the birthday exists.
    expect(ageInYears('2020-02-29', '2024-02-28')).toBe(3);
    expect(ageInYears('2020-02-29', '2024-02-29')).toBe(4);
    // Common year: no 29 February; the documented convention is 1 March.
    expect(ageInYears('2020-02-29', '2027-02-28')).toBe(6);
    expect(ageInYears('2020-02-29', '2027-03-01')).toBe(7);
    expect(ageInMonths('2020-02-29', '2021-02-28')).toBe(11);
    expect(ageInMonths('2020-02-29', '2021-03-01')).toBe(12);
  });

  it('is monotone in the date and agrees with ageInMonths', () => {
    const day = fc.integer({ min: 0, max: 365 * 15 }).map((n) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (birth, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        fc.pre(birth <= x);
        expect(ageInMonths(birth, x)).toBeLessThanOrEqual(ageInMonths(birth, y));
        expect(ageInYears(birth, x)).toBe(Math.floor(ageInMonths(birth, x) / 12));
        // The n-th birthday (same month and day, n years later) gives exactly n years.
        const n = Number(x.slice(0, 4)) - Number(birth.slice(0, 4));
        if (birth.slice(5) !== '02-29') expect(ageInYears(birth, `${x.slice(0, 4)}${birth.slice(4)}`)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseInstant', () => {
  it('reads the same instant in different offsets as equal (compared in UTC)', () => {
    const z = parseInstant('2024-03-05T05:22:13Z');
    expect(z).not.toBeNull();
    expect(parseInstant('2024-03-05T10:22:13+05:00')).toBe(z);
    expect(parseInstant('2024-03-05T11:22:13+06:00')).toBe(z);
    expect(parseInstant('2024-03-05T01:22:13-04:00')).toBe(z);
    expect(z).toBe(Date.UTC(2024, 2, 5, 5, 22, 13) * 1000);
  });

  it('orders by the UTC instant, not by the local clock', () => {
    // 10:30 in +06:00 is 04:30Z, earlier than 10:00 in +05:00 (05:00Z).
    expect(parseInstant('2024-01-01T10:30:00+06:00')!).toBeLessThan(parseInstant('2024-01-01T10:00:00+05:00')!);
  });

  it('crosses the date line correctly', () => {
    expect(parseInstant('2024-01-01T03:00:00+05:00')).toBe(parseInstant('2023-12-31T22:00:00Z'));
  });

  it('returns null without an offset', () => {
    expect(parseInstant('2024-03-05T10:22:13')).toBeNull();
    expect(parseInstant('2024-03-05')).toBeNull();
    expect(parseInstant('2024-03-05 10:22:13+05:00')).toBeNull();
  });

  it('returns null for impossible dates and times', () => {
    for (const s of [
      '2023-02-29T10:00:00+05:00',
      '2021-02-30T10:00:00Z',
      '2024-13-01T10:00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T10:60:00Z',
      '2024-01-01T10:00:60Z',
    ])
      expect(parseInstant(s), s).toBeNull();
    expect(parseInstant(1709616133000)).toBeNull();
    expect(parseInstant(null)).toBeNull();
  });

  it('keeps fractional seconds to the microsecond', () => {
    const base = parseInstant('2024-03-05T10:22:13+05:00')!;
    expect(parseInstant('2024-03-05T10:22:13.5+05:00')).toBe(base + 500_000);
    expect(parseInstant('2024-03-05T10:22:13.123+05:00')).toBe(base + 123_000);
    expect(parseInstant('2024-03-05T10:22:13.123456+05:00')).toBe(base + 123_456);
    expect(parseInstant('2024-03-05T05:22:13.000001Z')).toBe(base + 1);
    // Two registrations one microsecond apart are not a tie.
    expect(parseInstant('2024-03-05T10:22:13.000001+05:00')!).toBeGreaterThan(parseInstant('2024-03-05T11:22:13+06:00')!);
  });

  it('agrees with Date.parse on random millisecond instants in random offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, offsetMin) => {
          const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseInstant(local + off)).toBe(ms * 1000);
        },
      ),
      { numRuns: 300 },
    );
  });
});
