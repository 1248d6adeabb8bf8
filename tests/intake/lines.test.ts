import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { lineProblem, plainlyFit, LINE_LIMITS } from '../../src/intake/line-guard.js';
import { readNdjson } from '../../src/io/ndjson.js';
import { checkApplication, checkDistrict, checkKindergarten, checkPlace, FIELD_LIMITS, type ApplicationContext } from '../../src/intake/lines.js';

const ctx: ApplicationContext = {
  districts: new Set(['D1', 'D2']),
  kindergartens: new Map([
    ['KG-1', 'D1'],
    ['KG-2', 'D1'],
    ['KG-9', 'D2'],
  ]),
  maxPreferences: 3,
  knownRights: new Set(['large_family', 'military']),
};

function application(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'APP-1',
    child: { iin: makeIin('2022-03-15', 'female', 12), birthDate: '2022-03-15', name: 'Айару' },
    applicant: { iin: makeIin('1990-01-01', 'female', 45), name: 'Гүлнар', relation: 'mother' },
    district: 'D1',
    registeredAt: '2023-04-01T09:15:00+05:00',
    channel: 'portal',
    preferences: ['KG-1', 'KG-2'],
    acceptAnyInDistrict: false,
    language: 'kk',
    groupType: 'general',
    desiredFrom: '2025-09-01',
    rights: [{ category: 'large_family', document: 'ANP-77812', validUntil: '2027-01-01' }],
    ...extra,
  };
}

const reject = (checked: { ok: boolean; reject?: { reason: string; field?: string } }) => (checked.ok ? null : [checked.reject!.reason, checked.reject!.field]);

describe('an application line', () => {
  it('a valid one becomes the record allocation reads, with who it is apart', () => {
    const c = checkApplication(application(), ctx);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.value).toMatchObject({
      id: 'APP-1',
      district: 'D1',
      birthDate: '2022-03-15',
      childName: 'Айару',
      relation: 'mother',
      registeredAtUs: Date.parse('2023-04-01T04:15:00Z') * 1000,
      preferences: ['KG-1', 'KG-2'],
      rights: [{ category: 'large_family', document: 'ANP-77812', validUntil: '2027-01-01' }],
      status: 'queued',
      statusGiven: false,
      stopListUntil: null,
    });
  });

  it.each([
    ['a field missing', { district: undefined }, 'missing_field', 'district'],
    ['a nested field missing', { child: { birthDate: '2022-03-15' } }, 'missing_field', 'child.iin'],
    ['a wrong type', { channel: 7 }, 'wrong_type', 'channel'],
    ['an unknown channel', { channel: 'fax' }, 'invalid_value', 'channel'],
    ['an impossible date', { desiredFrom: '2025-02-30' }, 'invalid_date', 'desiredFrom'],
    ['an instant without an offset', { registeredAt: '2023-04-01T09:15:00' }, 'invalid_instant', 'registeredAt'],
    ['an IIN with a wrong check digit', { child: { iin: '220315600120', birthDate: '2022-03-15' } }, 'iin_check_digit', 'child.iin'],
    ['a child IIN of another birth date', { child: { iin: makeIin('2022-03-16', 'female', 12), birthDate: '2022-03-15' } }, 'iin_birth_date', 'child.iin'],
    ['an applicant IIN of 11 digits', { applicant: { iin: '90010140045' } }, 'iin_format', 'applicant.iin'],
    ['an unknown district', { district: 'D7', preferences: ['KG-1'] }, 'unknown_district', 'district'],
    ['no preference', { preferences: [] }, 'invalid_value', 'preferences'],
    ['four preferences (the parameter is 3)', { preferences: ['KG-1', 'KG-2', 'KG-1', 'KG-2'] }, 'invalid_value', 'preferences'],
    ['a kindergarten listed twice', { preferences: ['KG-1', 'KG-1'] }, 'repeated_preference', 'preferences'],
    ['an unknown kindergarten', { preferences: ['KG-1', 'KG-404'] }, 'unknown_kindergarten', 'preferences[1]'],
    ['a kindergarten of another district', { preferences: ['KG-9'] }, 'preference_outside_district', 'preferences[0]'],
    ['a right the rules do not know', { rights: [{ category: 'larg_family', document: 'X', validUntil: '2027-01-01' }] }, 'unknown_right', 'rights[0].category'],
    ['a right without its document', { rights: [{ category: 'military', validUntil: '2027-01-01' }] }, 'missing_field', 'rights[0].document'],
    ['an id with a control character', { id: 'APP\u00011' }, 'invalid_value', 'id'],
    ['an id longer than the limit', { id: 'A'.repeat(FIELD_LIMITS.id + 1) }, 'too_long', 'id'],
    ['a name longer than the limit', { child: { iin: makeIin('2022-03-15', 'female', 12), birthDate: '2022-03-15', name: 'я'.repeat(FIELD_LIMITS.text + 1) } }, 'too_long', 'child.name'],
    ['an unknown status', { status: 'waiting' }, 'invalid_value', 'status'],
  ])('%s is rejected with its reason and field', (_, extra, reason, field) => {
    expect(reject(checkApplication(application(extra), ctx))).toEqual([reason, field]);
  });

  it('a line that is not an object is not_object', () => {
    for (const v of [[], 'x', 3, null]) expect(reject(checkApplication(v, ctx))).toEqual(['not_object', undefined]);
  });

  it('acceptAnyInDistrict and status default; a given status is kept and marked given', () => {
    const c = checkApplication(application({ acceptAnyInDistrict: undefined, status: 'offered' }), ctx);
    expect(c.ok && [c.value.acceptAnyInDistrict, c.value.status, c.value.statusGiven]).toEqual([false, 'offered', true]);
  });
});

describe('district, kindergarten and places lines', () => {
  it('districts: id and name required; region optional', () => {
    expect(checkDistrict({ id: 'D1', name: 'Медеу ауданы' })).toMatchObject({ ok: true, value: { id: 'D1', region: null } });
    expect(reject(checkDistrict({ id: 'D1' }))).toEqual(['missing_field', 'name']);
    expect(reject(checkDistrict({ id: '', name: 'x' }))).toEqual(['wrong_type', 'id']);
  });

  it('kindergartens: a known district and kk/ru languages', () => {
    expect(checkKindergarten({ id: 'KG-3', district: 'D1', name: '№3', languages: ['ru', 'kk', 'ru'] }, ctx.districts)).toMatchObject({
      ok: true,
      value: { languages: ['ru', 'kk'] },
    });
    expect(reject(checkKindergarten({ id: 'KG-3', district: 'D5', name: '№3', languages: ['kk'] }, ctx.districts))).toEqual(['unknown_district', 'district']);
    expect(reject(checkKindergarten({ id: 'KG-3', district: 'D1', name: '№3', languages: ['en'] }, ctx.districts))).toEqual(['invalid_value', 'languages']);
  });

  it('places: a known kindergarten, a year, a positive whole number of seats', () => {
    const row = { kindergarten: 'KG-1', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: 2 };
    expect(checkPlace(row, ctx.kindergartens)).toEqual({ ok: true, value: row });
    expect(reject(checkPlace({ ...row, seats: 0 }, ctx.kindergartens))).toEqual(['invalid_seats', 'seats']);
    expect(reject(checkPlace({ ...row, seats: 1.5 }, ctx.kindergartens))).toEqual(['invalid_seats', 'seats']);
    expect(reject(checkPlace({ ...row, seats: 2 ** 31 }, ctx.kindergartens))).toEqual(['invalid_seats', 'seats']);
    expect(reject(checkPlace({ ...row, birthYear: '2022' }, ctx.kindergartens))).toEqual(['wrong_type', 'birthYear']);
    expect(reject(checkPlace({ ...row, kindergarten: 'KG-404' }, ctx.kindergartens))).toEqual(['unknown_kindergarten', 'kindergarten']);
    expect(reject(checkPlace({ ...row, groupType: 'nursery' }, ctx.kindergartens))).toEqual(['invalid_value', 'groupType']);
  });
});

describe('the line guard (before any check looks at a line)', () => {
  it('refuses nesting past the limit, wherever it is, iteratively (no stack overflow at 100,000 levels)', () => {
    const deep = (n: number) => JSON.parse('['.repeat(n) + ']'.repeat(n));
    expect(lineProblem({ a: deep(LINE_LIMITS.maxDepth - 1) })).toBeNull();
    expect(lineProblem({ a: deep(LINE_LIMITS.maxDepth) })).toMatchObject({ reason: 'too_deep' });
    expect(lineProblem({ a: deep(100_000) })).toMatchObject({ reason: 'too_deep' });
  });

  it('refuses lone surrogates in values and keys, and NUL, naming the field; a well-formed pair is fine', () => {
    expect(lineProblem({ id: 'A\ud800' })).toEqual({ reason: 'invalid_unicode', field: 'id', message: expect.stringContaining('lone surrogate') });
    expect(lineProblem({ child: { name: 'x\udfff' } })).toMatchObject({ reason: 'invalid_unicode', field: 'child.name' });
    expect(lineProblem({ ['\ud83d']: 1 })).toMatchObject({ reason: 'invalid_unicode' });
    expect(lineProblem({ list: ['ok', 'a\u0000b'] })).toMatchObject({ reason: 'nul_character', field: 'list[1]' });
    expect(lineProblem({ name: 'Айару 😀' })).toBeNull();
  });

  it('refuses more values than the limit', () => {
    expect(lineProblem({ a: new Array(LINE_LIMITS.maxValues).fill(1) })).toMatchObject({ reason: 'too_many_values' });
    expect(lineProblem({ a: new Array(LINE_LIMITS.maxValues - 10).fill(1) })).toBeNull();
  });
});

describe('the line guard told from the text', () => {
  it('says "plainly fit" only of values the full guard finds nothing wrong with', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('a\u0000b', '\ud800', 'x\udfffy', '😀', 'Айару'));
    const nested = (depth: number): fc.Arbitrary<unknown> => {
      let v: fc.Arbitrary<unknown> = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null));
      for (let i = 0; i < depth; i++) v = fc.oneof(v, fc.array(v, { maxLength: 3 }), fc.dictionary(text, v, { maxKeys: 3 }));
      return v;
    };
    const chain = fc.integer({ min: 25, max: 40 }).map((n) => JSON.parse('['.repeat(n) + '1' + ']'.repeat(n)) as unknown);
    const wide = fc.integer({ min: 9_990, max: 10_010 }).map((n) => new Array<number>(n).fill(1));
    fc.assert(
      fc.property(fc.oneof(nested(4), chain, wide, fc.tuple(chain, nested(3))), (value) => {
        const line = JSON.stringify(value);
        const parsed = JSON.parse(line) as unknown;
        if (plainlyFit(parsed, line)) expect(lineProblem(parsed)).toBeNull();
        // and it does say so of the ordinary line
        if (lineProblem(parsed) === null && line.length <= LINE_LIMITS.maxValues && !line.includes('\\u')) expect(plainlyFit(parsed, line)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('reading NDJSON', () => {
  it("gives each line's bytes, exactly its text (no BOM, no CR), with its number", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kezek-ndjson-'));
    const path = join(dir, 'x.ndjson');
    const lines = ['\ufeff{"id":"Әлия"}\r', '', '   ', '{"id":"b\\tc"}\r', '\ufeff[1,2]', '{"id":"😀"}'];
    writeFileSync(path, lines.join('\n'));
    const got: { line: number; text: string; bytes: string }[] = [];
    for await (const e of readNdjson(path, 1 << 20)) if ('value' in e) got.push({ line: e.line, text: e.text, bytes: Buffer.from(e.bytes).toString('utf8') });
    expect(got).toEqual([
      { line: 1, text: '{"id":"Әлия"}', bytes: '{"id":"Әлия"}' },
      { line: 4, text: '{"id":"b\\tc"}', bytes: '{"id":"b\\tc"}' },
      { line: 5, text: '[1,2]', bytes: '[1,2]' },
      { line: 6, text: '{"id":"😀"}', bytes: '{"id":"😀"}' },
    ]);
  });

  it('reads lines that go on across its 1 MB reads (multi-byte characters cut anywhere) and past the limit as they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kezek-ndjson-'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 700_000 }), fc.constantFrom('a', 'Ә', '😀')), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (shapes, endsWithNewline) => {
          const path = join(dir, 'long.ndjson');
          const texts = shapes.map(([n, ch]) => JSON.stringify({ id: ch.repeat(Math.ceil(n / Buffer.byteLength(ch))) }));
          writeFileSync(path, texts.join('\n') + (endsWithNewline ? '\n' : ''));
          const limit = 1_500_000;
          const got: unknown[] = [];
          for await (const e of readNdjson(path, limit)) got.push('value' in e ? { line: e.line, text: e.text, bytes: Buffer.from(e.bytes).toString('utf8') } : { line: e.line, problem: e.problem });
          expect(got).toEqual(
            texts.map((t, i) => (Buffer.byteLength(t) > limit ? { line: i + 1, problem: 'line_too_long' } : { line: i + 1, text: t, bytes: t })),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
