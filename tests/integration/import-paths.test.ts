import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { makeIin } from '../../src/domain/iin.js';
import { writeDataset } from '../../src/demo/write.js';
import { importFolder, type ImportReport } from '../../src/importing/import-folder.js';
import { BACKENDS, dropSchema, openTestDatabase, type Backend } from '../support/databases.js';
import { shippedRules, silent, tempDir } from '../support/run-helpers.js';

/**
 * The fast import (COPY bytes, a first load with its indexes made again, only
 * changed rows written) and the line-by-line reference (each line staged on
 * its own, every row upserted) give the same tables and the same rejects: a
 * first import with bad lines, then a second file with random edits (changed
 * fields, a child given another's IIN, statuses the lifecycle owns, repeated
 * ids, garbage, new and missing lines) after the lifecycle moved some
 * applications on.
 */
const DATE = '2026-09-01';
const base = tempDir('kezek-paths-');
const rules = shippedRules();

type Edit =
  | { kind: 'keep' }
  | { kind: 'drop' }
  | { kind: 'preferences' }
  | { kind: 'language' }
  | { kind: 'name'; name: string }
  | { kind: 'status'; status: 'queued' | 'offered' | 'declined' | 'withdrawn' }
  | { kind: 'no_status' }
  | { kind: 'child_of'; other: number }
  | { kind: 'repeat' }
  | { kind: 'garbage' }
  | { kind: 'new'; serial: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Edit>({ kind: 'keep' }) },
  fc.constant<Edit>({ kind: 'drop' }),
  fc.constant<Edit>({ kind: 'preferences' }),
  fc.constant<Edit>({ kind: 'language' }),
  fc.string({ minLength: 1, maxLength: 12 }).map((name): Edit => ({ kind: 'name', name: `${name}\t\\ Ә` })),
  fc.constantFrom('queued', 'offered', 'declined', 'withdrawn').map((status): Edit => ({ kind: 'status', status })),
  fc.constant<Edit>({ kind: 'no_status' }),
  fc.nat(10_000).map((other): Edit => ({ kind: 'child_of', other })),
  fc.constant<Edit>({ kind: 'repeat' }),
  fc.constant<Edit>({ kind: 'garbage' }),
  fc.integer({ min: 1, max: 999 }).map((serial): Edit => ({ kind: 'new', serial })),
);

/** The second file: the first one's lines edited one by one. */
function editedLines(first: readonly string[], edits: readonly Edit[]): string[] {
  const parsed = first.map((l) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      return null;
    }
  });
  const out: string[] = [];
  first.forEach((line, i) => {
    const edit = edits[i % edits.length]!;
    const app = parsed[i];
    if (!app || typeof app.id !== 'string' || edit.kind === 'keep') return void out.push(line);
    const child = app.child as Record<string, unknown>;
    switch (edit.kind) {
      case 'drop':
        return;
      case 'preferences':
        return void out.push(JSON.stringify({ ...app, preferences: [...(app.preferences as string[])].reverse() }));
      case 'language':
        return void out.push(JSON.stringify({ ...app, language: app.language === 'kk' ? 'ru' : 'kk' }));
      case 'name':
        return void out.push(JSON.stringify({ ...app, child: { ...child, name: edit.name } }));
      case 'status':
        return void out.push(JSON.stringify({ ...app, status: edit.status }));
      case 'no_status': {
        const { status: _, ...rest } = app;
        return void out.push(JSON.stringify(rest));
      }
      case 'child_of': {
        const other = parsed[edit.other % parsed.length];
        return void out.push(other ? JSON.stringify({ ...app, child: other.child }) : line);
      }
      case 'repeat':
        return void out.push(line, line);
      case 'garbage':
        return void out.push(line.slice(0, line.length >> 1));
      case 'new': {
        const birthDate = child.birthDate as string;
        out.push(line);
        return void out.push(JSON.stringify({ ...app, id: `NEW-${edit.serial}-${i}`, child: { ...child, iin: makeIin(birthDate, 'female', 9000 + edit.serial) } }));
      }
    }
  });
  return out;
}

/** Every stored table an import writes, in a stable order, without the instants of writing. */
async function tables(db: Database): Promise<unknown> {
  return {
    districts: await db.query('select id, name, region, raw from districts order by id collate "C"'),
    kindergartens: await db.query('select id, district_id, name, languages, raw from kindergartens order by id collate "C"'),
    places: await db.query('select kindergarten_id, group_id, birth_year, language, group_type, seats from places order by 1, 2'),
    applications: await db.query(
      `select id, district_id, child_birth_date::text, registered_at::text, registered_at_us, channel, preferences, accept_any, language,
              group_type, desired_from::text, stop_list_until::text, rights, status from applications order by id collate "C"`,
    ),
    details: await db.query('select * from application_details order by id collate "C"'),
    events: await db.query(
      `select entity, entity_id, from_status, to_status, actor, reason, effective_on::text from events
        order by entity_id collate "C", to_status, reason`,
    ),
    seatEvents: await db.query(
      `select effective_on::text, kindergarten_id, group_id, actor, cause, reason, reported_before, reported_after from seat_events
        order by kindergarten_id collate "C", group_id collate "C", id`,
    ),
    indexes: await db.query(`select indexname, replace(indexdef, current_schema() || '.', '') as def from pg_indexes where schemaname = current_schema() order by 1`),
    constraints: await db.query(
      `select conname, pg_get_constraintdef(oid) as def from pg_constraint where connamespace = current_schema()::regnamespace order by 1`,
    ),
  };
}

async function importBoth(dbs: [Database, Database], dir: string, tag: string): Promise<[ImportReport, string][]> {
  const out: [ImportReport, string][] = [];
  for (const [i, db] of dbs.entries()) {
    const rejectsPath = join(tempDir(), `rejects-${tag}.ndjson`);
    const report = await importFolder(db, dir, { rejectsPath, actor: 'test', rules, log: silent, date: DATE, reference: i === 1 });
    out.push([{ ...report, rejectsPath: '' }, readFileSync(rejectsPath, 'utf8')]);
  }
  return out;
}

/** Moves some applications on as the lifecycle would (offered, enrolled), the same in both databases. */
async function lifecycle(db: Database): Promise<void> {
  await db.query(`update applications set status = 'offered' where right(id, 1) = '3'`);
  await db.query(`update applications set status = 'enrolled' where right(id, 1) = '7'`);
}

describe.each(BACKENDS)('the fast import and the reference on %s', (backend: Backend) => {
  let firstLines: string[] = [];
  beforeAll(async () => {
    await writeDataset(base, { seed: 7, date: DATE, districts: 3, kindergartensPerDistrict: 4, applications: 120, seats: 30, badLines: true });
    firstLines = readFileSync(join(base, 'applications.ndjson'), 'utf8').split('\n').filter(Boolean);
  });
  const opened: { db: Database; schema: string }[] = [];
  afterAll(async () => {
    for (const o of opened) {
      await o.db.close();
      if (backend === 'postgres') await dropSchema(o.schema);
    }
  });

  it('give identical tables and rejects: a first import, then a changed file after the lifecycle moved on', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 40 }), async (edits) => {
        round++;
        const pair = [await openTestDatabase(backend), await openTestDatabase(backend)];
        opened.push(...pair);
        const dbs: [Database, Database] = [pair[0]!.db, pair[1]!.db];

        const first = await importBoth(dbs, base, `1-${round}`);
        expect(first[0]).toEqual(first[1]);
        expect(first[0]![0].rejected).toBeGreaterThan(0);
        expect(await tables(dbs[0])).toEqual(await tables(dbs[1]));

        for (const db of dbs) await lifecycle(db);
        const dir = tempDir('kezek-paths-2-');
        for (const f of ['districts.ndjson', 'kindergartens.ndjson', 'places.ndjson']) writeFileSync(join(dir, f), readFileSync(join(base, f)));
        writeFileSync(join(dir, 'applications.ndjson'), editedLines(firstLines, edits).join('\n') + '\n');
        const second = await importBoth(dbs, dir, `2-${round}`);
        expect(second[0]).toEqual(second[1]);
        expect(await tables(dbs[0])).toEqual(await tables(dbs[1]));

        // And the same file once more: nothing changes, in either.
        const before = await tables(dbs[0]);
        const third = await importBoth(dbs, dir, `3-${round}`);
        expect(third[0]).toEqual(third[1]);
        expect(await tables(dbs[0])).toEqual(before);
        expect(await tables(dbs[1])).toEqual(before);
      }),
      { numRuns: backend === 'embedded' ? 3 : 6, seed: 20261201 },
    );
  }, 300_000);

  it('a re-import of an unchanged file writes no application row (their updated_at stay)', async () => {
    const { db, schema } = await openTestDatabase(backend);
    opened.push({ db, schema });
    const rejectsPath = join(tempDir(), 'rejects.ndjson');
    await importFolder(db, base, { rejectsPath, actor: 'test', rules, log: silent, date: DATE });
    const stamp = async () => db.query<{ id: string; t: string; x: string }>(`select id, updated_at::text as t, xmin::text as x from applications order by id`);
    const before = await stamp();
    await importFolder(db, base, { rejectsPath, actor: 'test', rules, log: silent, date: DATE });
    expect(before.length).toBeGreaterThan(100);
    expect(await stamp()).toEqual(before);
  });
});
