import { describe, expect, it } from 'vitest';
import { enterDistrictGate, holdDistrictFromRun } from '../../src/db/district-gate.js';
import { tryLockDistrict } from '../../src/db/ledger.js';
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

  /** D1's places in three kindergartens (one without places), D2's in one. */
  async function twoDistricts(): Promise<void> {
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
  }

  /** The places rows of D1 and D2 another connection cannot take `for share` now (what a night would meet). */
  async function rowsHeldAgainstNight(): Promise<string[]> {
    const held: string[] = [];
    for (const [kg, group] of [['KG-B', 'G9'], ['KG-B', 'g2'], ['kg-a', 'g1'], ['KG-0', 'G0']] as const) {
      const taken = await db()
        .query(`select 1 from places where kindergarten_id = $1 and group_id = $2 for share nowait`, [kg, group])
        .then(() => false, (e: { code?: string }) => e.code === '55P03');
      if (taken) held.push(`${kg}/${group}`);
    }
    return held;
  }

  it("holds exactly the district's first row in the night's order", async () => {
    await twoDistricts();
    const order = (await freePlaces(db(), 'D1')).map((p) => `${p.kindergarten}/${p.group}`);
    expect(order).toEqual(['KG-B/G9', 'KG-B/g2', 'kg-a/g1']);

    let heldRows: string[] = [];
    await db().transaction(async (tx) => {
      await holdDistrictFromRun(tx, 'D1');
      heldRows = await rowsHeldAgainstNight();
    });
    expect(heldRows).toEqual([order[0]]);
  });

  it('a write\'s first statement holds the gate and bounds lock waits when no night does the district', async () => {
    await twoDistricts();
    let seen: { heldByRun: boolean; rows: string[]; timeout: string } | undefined;
    await db().transaction(async (tx) => {
      const { heldByRun } = await enterDistrictGate(tx, 1234, 'D1');
      const [t] = await tx.query<{ lock_timeout: string }>('show lock_timeout');
      seen = { heldByRun, rows: await rowsHeldAgainstNight(), timeout: t!.lock_timeout };
    });
    expect(seen).toEqual({ heldByRun: false, rows: ['KG-B/G9'], timeout: '1234ms' });
    // Without a district it holds nothing and still bounds the waits.
    await db().transaction(async (tx) => {
      const { heldByRun } = await enterDistrictGate(tx, 50, null);
      const [t] = await tx.query<{ lock_timeout: string }>('show lock_timeout');
      seen = { heldByRun, rows: await rowsHeldAgainstNight(), timeout: t!.lock_timeout };
    });
    expect(seen).toEqual({ heldByRun: false, rows: [], timeout: '50ms' });
  });

  it('while a night does the district, the first statement tells so and takes nothing', async () => {
    await twoDistricts();
    await db().query(`insert into runs (id, run_date, rules_version, rules_hash, engine, options) values ('R1', '2026-09-01', 'v', 'h', 'e', '{}')`);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const nightLocked = new Promise<void>((r) => (locked = r));
    // The night's transaction: its district run lock, held until released.
    const night = db().transaction(async (tx) => {
      expect(await tryLockDistrict(tx, '2026-09-01', 'D1')).toBe(true);
      locked();
      await released;
    });
    await nightLocked;
    try {
      let seen: { d1: boolean; d2: boolean; rows: string[] } | undefined;
      await db().transaction(async (tx) => {
        const d1 = (await enterDistrictGate(tx, 1000, 'D1')).heldByRun;
        seen = { d1, d2: false, rows: await rowsHeldAgainstNight() };
      });
      await db().transaction(async (tx) => {
        seen!.d2 = (await enterDistrictGate(tx, 1000, 'D2')).heldByRun;
      });
      expect(seen).toEqual({ d1: true, d2: false, rows: [] });
    } finally {
      release();
      await night;
    }
  });
});
