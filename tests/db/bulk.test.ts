import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/database.js';
import { dropForBulkLoad, restoreAfterBulkLoad } from '../../src/db/bulk.js';
import { loadGenerated } from '../../src/demo/load.js';
import { BACKENDS, useDatabase } from '../support/databases.js';

const TABLES = ['applications', 'application_details', 'events'];

/** Every index and constraint of the schema, as definitions (schema name left out). */
async function catalog(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ d: string }>(
    `select 'index ' || c.relname || ': ' || replace(pg_get_indexdef(i.indexrelid), n.nspname || '.', '') || case when i.indisclustered then ' (clustered)' else '' end as d
       from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema()
     union all
     select 'constraint ' || t.relname || '.' || k.conname || ': ' || replace(pg_get_constraintdef(k.oid), n.nspname || '.', '') || case when k.convalidated then '' else ' (not valid)' end
       from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = k.connamespace
      where n.nspname = current_schema() and k.contype in ('p', 'u', 'f', 'c', 'x')
     order by 1`,
  );
  return rows.map((r) => r.d);
}

const onTables = (defs: string[]) => defs.filter((d) => TABLES.some((t) => d.includes(` ${t} `) || d.includes(`constraint ${t}.`) || d.includes(`REFERENCES ${t}(`)));

describe.each(BACKENDS)('bulk load into empty tables (%s)', (backend) => {
  const db = useDatabase(backend);

  it('drops the tables’ indexes and keys and every foreign key from or to them, and makes the same ones again', async () => {
    const before = await catalog(db());
    expect(onTables(before).length).toBeGreaterThanOrEqual(7);
    await db().transaction(async (tx) => {
      const deferred = await dropForBulkLoad(tx, TABLES);
      const during = await catalog(tx);
      expect(onTables(during).filter((d) => !d.includes('CHECK'))).toEqual([]);
      // Tables other than those keep theirs.
      expect(during.filter((d) => !onTables(before).includes(d))).toEqual(before.filter((d) => !onTables(before).includes(d)));
      expect(deferred.map((d) => d.kind)).toEqual([...deferred.map((d) => d.kind)].sort((a, b) => ORDER[a] - ORDER[b]));
      await restoreAfterBulkLoad(tx, deferred);
    });
    expect(await catalog(db())).toEqual(before);
  });

  it('leaves the schema as it was when the load fails, or when a row breaks a key made again', async () => {
    const before = await catalog(db());
    await expect(
      db().transaction(async (tx) => {
        await dropForBulkLoad(tx, TABLES);
        throw new Error('the generator stopped');
      }),
    ).rejects.toThrow('the generator stopped');
    expect(await catalog(db())).toEqual(before);
    // A district nobody knows: accepted while the foreign key is gone, refused when it comes back.
    await db().query(`insert into districts (id, name, region, raw) values ('D1', 'One', 'R', '{}')`);
    const row = (id: string, district: string) =>
      `insert into applications (id, district_id, child_birth_date, registered_at, registered_at_us, channel, preferences, accept_any, language, group_type, desired_from, rights, status)
       values ('${id}', '${district}', '2022-01-01', '2026-01-01T00:00:00Z', 0, 'portal', '{K1}', false, 'kk', 'general', '2026-09-01', '[]', 'queued')`;
    await expect(
      db().transaction(async (tx) => {
        const deferred = await dropForBulkLoad(tx, TABLES);
        await tx.query(row('A1', 'D1'));
        await tx.query(row('A2', 'NOWHERE'));
        await restoreAfterBulkLoad(tx, deferred);
      }),
    ).rejects.toThrow(/foreign key/);
    expect(await db().query(`select id from applications`)).toEqual([]);
    expect(await catalog(db())).toEqual(before);
  });

  it('a generated load stores the queue a district at a time (a district read walks a few runs of neighbouring rows)', async () => {
    const options = { seed: 5, date: '2026-09-01', districts: 4, kindergartensPerDistrict: 3, applications: 900, seats: 90, badLines: false };
    const before = await catalog(db());
    // Rows of a district go in together once 20 kB have gathered (about 80 rows), or at the end.
    await loadGenerated(db(), options, 200, 20_000);
    // Every index and key is back, and the district index marked as the one the queue is stored by.
    expect(await catalog(db())).toEqual(before.map((d) => (d.startsWith('index applications_district:') ? `${d} (clustered)` : d)));
    const stored = await db().query<{ district_id: string; id: string }>(`select district_id, id from applications order by ctid`);
    expect(stored.length).toBe(900);
    expect(new Set(stored.map((r) => r.district_id)).size).toBe(4);
    // Generated in registration order the districts come mixed (about 675 changes of district
    // between neighbouring rows); stored, they change once per chunk, give or take a row the
    // database placed on an earlier page with room.
    const changes = stored.filter((r, i) => i > 0 && r.district_id !== stored[i - 1]!.district_id).length;
    expect(changes).toBeLessThanOrEqual(30);
    // Within a district, rows lie in id order, the order a district is read in.
    for (const district of new Set(stored.map((r) => r.district_id))) {
      const ids = stored.filter((r) => r.district_id === district).map((r) => r.id);
      const descents = ids.filter((id, i) => i > 0 && cmp(ids[i - 1]!, id) > 0).length;
      expect(descents).toBeLessThanOrEqual(ids.length / 20);
    }
  });
});

const ORDER = { 'foreign key': 0, key: 1, index: 2 } as const;
const cmp = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
