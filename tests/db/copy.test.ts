import { describe, expect, it } from 'vitest';
import { arrayLiteral, copyField, copyText } from '../../src/db/copy.js';
import { BACKENDS, useDatabase } from '../support/databases.js';

describe('COPY text format', () => {
  it('escapes the characters COPY gives meaning to', () => {
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(true)).toBe('t');
    expect(copyField(12)).toBe('12');
    expect(() => copyField(Number.NaN)).toThrow();
  });
  it('quotes every array element', () => {
    expect(arrayLiteral(['a', 'b c', 'q"x', 'b\\s', ''])).toBe('{"a","b c","q\\"x","b\\\\s",""}');
    // the array literal's backslashes are doubled again by COPY's own escaping
    expect(copyText([['x', ['a"b', 'c\\d']]])).toBe('x\t{"a\\\\"b","c\\\\\\\\d"}\n');
  });
});

describe.each(BACKENDS)('copyIn on %s', (backend) => {
  const db = useDatabase(backend);
  it('round-trips awkward text, arrays and nulls', async () => {
    await db().query('create table copy_probe (t text, a text[], n int, d date)');
    const rows = [
      ['tab\there', ['x', 'y z', 'q"', 'back\\slash', 'NULL', ''], 1, '2026-01-01'],
      ['new\nline\r', [], null, null],
      ['Қазақ тілі ✓', ['\\N'], -5, '2024-02-29'],
    ] as const;
    await db().copyIn('copy_probe', ['t', 'a', 'n', 'd'], copyText(rows));
    const back = await db().query<{ t: string; a: string[]; n: number | null; d: string | null }>('select t, a, n, d::text as d from copy_probe order by n nulls last');
    expect(back).toEqual([
      { t: 'Қазақ тілі ✓', a: ['\\N'], n: -5, d: '2024-02-29' },
      { t: 'tab\there', a: ['x', 'y z', 'q"', 'back\\slash', 'NULL', ''], n: 1, d: '2026-01-01' },
      { t: 'new\nline\r', a: [], n: null, d: null },
    ]);
  });
});
