import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { isKezekError } from '../../src/errors.js';
import { importFolder } from '../../src/importing/import-folder.js';
import { writeScenario } from '../lifecycle/scenario-data.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { importData, shippedRules, silent, tempDir } from '../support/run-helpers.js';

/**
 * Fuzzed import files: valid lines mixed with random bytes, truncated lines,
 * huge lines, wrong types and invalid UTF-8. The import never crashes, every
 * bad line is rejected with its line number, every valid line is stored, and
 * nothing else in the database changes.
 */
type Kind = 'valid' | 'bytes' | 'truncated' | 'huge' | 'wrong_type' | 'bad_utf8' | 'nul' | 'deep' | 'surrogate' | 'long_id';

const base = tempDir('kezek-fuzz-base-');
writeScenario(base);
const template = JSON.parse(readFileSync(join(base, 'applications.ndjson'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
const REQUIRED = ['id', 'child', 'applicant', 'district', 'registeredAt', 'channel', 'preferences', 'language', 'groupType', 'desiredFrom', 'rights'];

const lineArb = fc.oneof(
  fc.constant<[Kind, unknown]>(['valid', null]),
  fc.tuple(fc.constant<Kind>('bytes'), fc.uint8Array({ minLength: 1, maxLength: 200 })),
  fc.tuple(fc.constant<Kind>('truncated'), fc.integer({ min: 1, max: 300 })),
  fc.constant<[Kind, unknown]>(['huge', null]),
  fc.tuple(fc.constant<Kind>('wrong_type'), fc.constantFrom(...REQUIRED), fc.constantFrom<unknown>(42, true, null, {}, -1.5)),
  fc.tuple(fc.constant<Kind>('bad_utf8'), fc.constantFrom(0x80, 0xc3, 0xff, 0xfe)),
  fc.tuple(fc.constant<Kind>('nul'), fc.constantFrom('id', 'name', 'note', 'district')),
  fc.tuple(fc.constant<Kind>('deep'), fc.integer({ min: 33, max: 6000 })),
  fc.tuple(fc.constant<Kind>('surrogate'), fc.constantFrom('id', 'name', 'note', 'key')),
  fc.tuple(fc.constant<Kind>('long_id'), fc.integer({ min: 101, max: 4000 })),
);

function render(kind: Kind, arg: unknown, extra: unknown, id: string, serial: number): Buffer {
  // Every line is another child: one child holds one live application (duplicate_child).
  const child = { ...(template.child as Record<string, unknown>), iin: makeIin((template.child as { birthDate: string }).birthDate, 'female', serial) };
  const good = JSON.stringify({ ...template, id, child });
  switch (kind) {
    case 'valid':
      return Buffer.from(good);
    case 'bytes': {
      const bytes = Buffer.from(arg as Uint8Array).map((b) => (b === 0x0a || b === 0x0d ? 0x20 : b));
      return Buffer.concat([Buffer.from('x'), bytes]);
    }
    case 'truncated':
      return Buffer.from(good.slice(0, Math.min(good.length - 1, arg as number)));
    case 'huge':
      return Buffer.from(JSON.stringify({ ...template, id, note: 'я'.repeat(600_000) }));
    case 'wrong_type':
      return Buffer.from(JSON.stringify({ ...template, id, [arg as string]: extra }));
    case 'nul': {
      // A NUL escaped in JSON is valid JSON, but no PostgreSQL text or jsonb value can hold it.
      const f = arg as string;
      const app: Record<string, unknown> = { ...template, id: f === 'id' ? `${id}\u0000` : id, ...(f === 'note' ? { note: 'a\u0000b' } : {}), ...(f === 'district' ? { district: 'D1\u0000' } : {}) };
      if (f === 'name') app.child = { ...(template.child as object), name: 'Бала\u0000' };
      return Buffer.from(JSON.stringify(app));
    }
    case 'deep':
      // An unknown field nested deeper than any serialiser or jsonb may follow.
      return Buffer.from(good.slice(0, -1) + `,"extra":${'['.repeat(arg as number)}${']'.repeat(arg as number)}}`);
    case 'surrogate': {
      const f = arg as string;
      if (f === 'id') return Buffer.from(good.replace(`"id":"${id}"`, `"id":"${id}\\ud800"`));
      if (f === 'name') return Buffer.from(good.replace('"name":"', '"name":"\\udc00'));
      if (f === 'key') return Buffer.from(good.slice(0, -1) + ',"\\ud83d":1}');
      return Buffer.from(good.slice(0, -1) + ',"note":"a\\ud83db"}');
    }
    case 'long_id':
      return Buffer.from(good.replace(`"id":"${id}"`, `"id":"${id}${'x'.repeat(arg as number)}"`));
    case 'bad_utf8': {
      const b = Buffer.from(good);
      const at = good.indexOf('Бала');
      return Buffer.concat([b.subarray(0, at), Buffer.from([arg as number]), b.subarray(at)]);
    }
  }
}

describe.each(BACKENDS)('fuzzed import files on %s', (backend) => {
  const db = useDatabase(backend);

  it('rejects every bad line with its number, stores every good one, changes nothing else', async () => {
    await importData(db(), base);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 12 }), async (specs) => {
        round++;
        const dir = tempDir('kezek-fuzz-');
        for (const f of ['districts.ndjson', 'kindergartens.ndjson']) copyFileSync(join(base, f), join(dir, f));
        const ids = specs.map((_, i) => `FZ-${round}-${i}`);
        const bufs = specs.map((s, i) => render(s[0] as Kind, s[1], s[2], ids[i]!, 5000 + round * 20 + i));
        writeFileSync(join(dir, 'applications.ndjson'), Buffer.concat(bufs.flatMap((b) => [b, Buffer.from('\n')])));
        const before = await db().query<{ n: number; seats: number; events: number }>(
          `select (select count(*)::int from applications) as n, (select sum(free_seats)::int from places_free) as seats, (select count(*)::int from events) as events`,
        );
        const rejectsPath = join(dir, 'rejects.ndjson');
        let report;
        try {
          report = await importFolder(db(), dir, { rejectsPath, actor: 'fuzz', rules: shippedRules(), log: silent, date: '2026-09-01' });
        } catch (e) {
          expect(isKezekError(e), String(e)).toBe(true);
          throw e;
        }
        const valid = specs.flatMap((s, i) => (s[0] === 'valid' ? [ids[i]!] : []));
        const rejects = readFileSync(rejectsPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { line: number; file: string; reason: string });
        const apps = report.files.find((f) => f.file === 'applications.ndjson')!;
        expect(apps.imported).toBe(valid.length);
        expect(apps.rejected).toBe(specs.length - valid.length);
        const badLines = specs.flatMap((s, i) => (s[0] === 'valid' ? [] : [i + 1]));
        expect(rejects.filter((r) => r.file === 'applications.ndjson').map((r) => r.line)).toEqual(badLines);
        const stored = await db().query<{ id: string }>(`select id from applications where id like $1 order by id`, [`FZ-${round}-%`]);
        expect(stored.map((r) => r.id).sort()).toEqual([...valid].sort());
        const after = await db().query<{ n: number; seats: number; events: number }>(
          `select (select count(*)::int from applications) as n, (select sum(free_seats)::int from places_free) as seats, (select count(*)::int from events) as events`,
        );
        expect(after[0]!.n).toBe(before[0]!.n + valid.length);
        expect(after[0]!.seats).toBe(before[0]!.seats);
      }),
      { numRuns: backend === 'embedded' ? 12 : 25, seed: 20261125 },
    );
  });
});
