import { describe, expect, it } from 'vitest';
import { holdDistrictFromRun } from '../../src/db/district-gate.js';
import { freePlaces } from '../../src/db/district-read.js';
import { useDatabase } from '../support/databases.js';

/**
 * The gate a service write takes against its district's night (db/district-gate.ts) is the
 * first places row of the district in the night's own order (freePlaces: kindergarten, then
 * group, in "C" order), found without reading the other districts' places.
 * Row locks are seen from a second connection only: PostgreSQL.
 */
describe('the district gate (postgres)', () => {
  const db = useDatabase('postgres');

  it("holds exactly the district's first row in the night's order", async () => {
    await db().query(`insert into districts (id, name, region, raw) values ('D1', 'One', 'R', '{}'), ('D2', 'Two', 'R', '{}')`);
    // In "C" order upper case comes first: a locale order would put 'kg-a' before 'KG-B'. 'A-EMPTY' has no places.
    await db().query(
      `insert into kindergartens (id, district_id, name, languages, raw) values
         ('A-EMPTY', 'D1', 'e', '{kk}', '{}'), ('kg-a', 'D1', 'a', '{kk}', '{}'), ('KG-B', 'D1', 'b', '{kk}', '{}'), ('KG-0', 'D2', 'z', '{kk}', '{}')`,
    );
    await db().query(
      `insert into places (kindergarten_id, group_id, birth_year, language, group_type, seats) values
         ('kg-a', 'g1', 2021, 'kk', 'general', 3), ('KG-B', 'g2', 2021, 'kk', 'general', 2), ('KG-B', 'G9', 2021, 'kk', 'general', 1),
         ('KG-0', 'G0', 2021, 'kk', 'general', 1)`,
    );
    const order = (await freePlaces(db(), 'D1')).map((p) => `${p.kindergarten}/${p.group}`);
    expect(order).toEqual(['KG-B/G9', 'KG-B/g2', 'kg-a/g1']);

    const heldRows: string[] = [];
    await db().transaction(async (tx) => {
      await holdDistrictFromRun(tx, 'D1');
      // What a night would meet, row by row, from another connection.
      for (const [kg, group] of [['KG-B', 'G9'], ['KG-B', 'g2'], ['kg-a', 'g1'], ['KG-0', 'G0']] as const) {
        const taken = await db()
          .query(`select 1 from places where kindergarten_id = $1 and group_id = $2 for share nowait`, [kg, group])
          .then(() => false, (e: { code?: string }) => e.code === '55P03');
        if (taken) heldRows.push(`${kg}/${group}`);
      }
    });
    expect(heldRows).toEqual([order[0]]);
  });
});
