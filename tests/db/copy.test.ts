import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CopyBytes, arrayLiteral, copyChunks, copyField, copyText, forEachCopyRow, unescapeCopyField } from '../../src/codec/copy.js';
import { quoteLiteral } from '../../src/db/database.js';
import { appendStageRow, stageRow } from '../../src/db/imports.js';
import type { ApplicationRecord } from '../../src/intake/lines.js';
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

describe('COPY text as bytes', () => {
  it('holds the UTF-8 of the same rows as copyText, however far it had to grow', () => {
    const field = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constant(null), fc.constantFrom('Әлия Нұрланқызы', '\\N', '\t'));
    fc.assert(
      fc.property(fc.array(fc.tuple(field, field), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (rows, initial) => {
        const out = new CopyBytes(initial);
        for (const row of rows) out.push(copyText([row]));
        const expected = Buffer.from(copyText(rows), 'utf8');
        expect(out.length).toBe(expected.length);
        expect(Buffer.from(out.bytes()).equals(expected)).toBe(true);
      }),
    );
  });
});

describe('a staged application as COPY bytes', () => {
  it('is stageRow of the record with its line, byte for byte, whatever the free text holds', () => {
    const free = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('Әлия Нұрланқызы', 'a\tb', 'c\\d', 'e\rf\ng', '\\N'));
    const date = fc.constantFrom('2021-02-03', '2024-12-31');
    const record = fc.record({
      id: free, district: free, childIin: fc.constant('220303522432'), birthDate: date, childName: fc.option(free),
      applicantIin: fc.constant('861209471409'), applicantName: fc.option(free), relation: fc.option(free),
      registeredAt: fc.constant('2024-12-07T08:17:33+05:00'), registeredAtUs: fc.integer(), channel: fc.constantFrom('portal', 'office'),
      preferences: fc.array(free, { minLength: 1, maxLength: 3 }), acceptAnyInDistrict: fc.boolean(), language: fc.constantFrom('kk', 'ru'),
      groupType: fc.constantFrom('general', 'speech'), desiredFrom: date, stopListUntil: fc.option(date),
      rights: fc.array(fc.record({ category: free, document: free, validUntil: date }), { maxLength: 2 }),
      status: fc.constantFrom('queued', 'offered'), statusGiven: fc.boolean(),
    });
    // The line: any text, as JSON writes it (its whitespace may hold tabs and CRs) or not.
    const line = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('{"a":\t"b\\"c"}\r', '{"name":"Әлия"}'));
    fc.assert(
      fc.property(record, line, fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 200 }), (r, text, n, initial) => {
        const rec = { ...r, raw: {} } as unknown as ApplicationRecord;
        const out = new CopyBytes(initial);
        appendStageRow(out, rec, text, Buffer.from(text, 'utf8'), n);
        const expected = Buffer.from(stageRow({ ...rec, rawText: text, line: n }), 'utf8');
        expect(Buffer.from(out.bytes()).toString('hex')).toBe(expected.toString('hex'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('COPY text in pieces', () => {
  it('never cuts a string inside a surrogate pair, and loses nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (text, size) => {
        const pieces = [...copyChunks(text, size)] as string[];
        expect(pieces.join('')).toBe(text);
        expect(Buffer.concat(pieces.map((p) => Buffer.from(p, 'utf8'))).equals(Buffer.from(text, 'utf8'))).toBe(true);
      }),
    );
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    expect([...copyChunks(bytes, 2)].map((p) => [...(p as Uint8Array)])).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('reading COPY text', () => {
  const rowsOf = (text: string, width: number) => {
    const out: (string | null)[][] = [];
    forEachCopyRow(text, width, (f) => out.push([...f]));
    return out;
  };
  it('gives back what copyText wrote, for any text and nulls', () => {
    const field = fc.oneof(fc.string({ unit: 'binary' }), fc.constant(null), fc.constantFrom('\\N', 'a\\b', '\t\n\r', ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(field, field, field), { maxLength: 20 }), (rows) => {
        expect(rowsOf(copyText(rows), 3)).toEqual(rows);
      }),
    );
  });
  it('unescapes what COPY TO escapes, and names a row of the wrong width', () => {
    expect(unescapeCopyField('a\\\\b\\tc\\b\\f\\v\\x41\\101')).toBe('a\\b\tc\b\f\vAA');
    expect(() => rowsOf('a\tb\n', 3)).toThrow(/2 fields instead of 3/);
    expect(() => rowsOf('a\tb\tc\n', 2)).toThrow(/more than 2 fields/);
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

describe.each(BACKENDS)('copyOut on %s', (backend) => {
  const db = useDatabase(backend);
  it('reads back awkward text, arrays, dates and nulls as the rows hold them', async () => {
    await db().query('create table copy_out_probe (k int, t text, a text[], d date)');
    const rows = [
      [1, "it's\ttab\nnew \\ Қазақ", ['x', 'y z', 'q"'], '2024-02-29'],
      [2, '', [], null],
      [3, null, ['\\N'], '2026-01-01'],
    ] as const;
    await db().copyIn('copy_out_probe', ['k', 't', 'a', 'd'], copyText(rows));
    const text = (await db().copyOut(`select k, t, array_to_string(a, '|'), d::text from copy_out_probe where t is distinct from ${quoteLiteral("x'y")} order by k`)).toString('utf8');
    expect(rowsOf(text)).toEqual([
      ['1', "it's\ttab\nnew \\ Қазақ", 'x|y z|q"', '2024-02-29'],
      ['2', '', '', null],
      ['3', null, '\\N', '2026-01-01'],
    ]);
  });
  const rowsOf = (text: string) => {
    const out: (string | null)[][] = [];
    forEachCopyRow(text, 4, (f) => out.push([...f]));
    return out;
  };
});
