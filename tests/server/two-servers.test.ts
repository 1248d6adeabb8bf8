import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';
import { loadGenerated } from '../../src/demo/load.js';
import { dropSchema, newSchemaName, POSTGRES_URL } from '../support/databases.js';
import { allocate } from '../support/run-helpers.js';
import { request, startServe, type Serving } from './serve-support.js';
import { applicationJson, DATE, makeKey } from './support.js';

/** Two `kezek serve` processes on one PostgreSQL schema, as behind a load balancer. */
describe('two servers on one PostgreSQL database', () => {
  const schema = newSchemaName();
  let db: Database;
  let servers: Serving[] = [];
  let portal = '';
  let office = '';

  beforeAll(async () => {
    db = await openDatabase({ databaseUrl: POSTGRES_URL, schema, dataDir: '' });
    await loadGenerated(db, { seed: 3, date: DATE, districts: 2, kindergartensPerDistrict: 3, applications: 1200, seats: 120, badLines: false });
    await allocate(db, DATE);
    portal = await makeKey(db, 'portal', 'portal');
    office = await makeKey(db, 'office', 'office');
    const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
    servers = await Promise.all([startServe(['--date', DATE], env), startServe(['--date', DATE], env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.close();
    await dropSchema(schema);
  });

  it('registrations and confirmations through both at once: every 2xx stored, each decided once, no seat twice, the same answers', async () => {
    const [a, b] = servers.map((s) => s.url) as [string, string];
    const [kg] = await db.query<{ id: string; district_id: string }>(`select id, district_id from kindergartens order by id limit 1`);
    const taken = new Set((await db.query<{ child_iin: string }>(`select child_iin from application_details`)).map((r) => r.child_iin));
    let serial = 6000;
    const body = (id: string) => {
      let x: Record<string, unknown>;
      do x = applicationJson(id, { serial: serial++, district: kg!.district_id, kindergarten: kg!.id, birthDate: '2023-04-04' });
      while (taken.has((x.child as { iin: string }).iin));
      return x;
    };
    const offered = (await db.query<{ id: string }>(`select id from referrals where status = 'offered' order by id limit 40`)).map((r) => r.id);
    expect(offered.length).toBeGreaterThan(20);

    const registrations = Array.from({ length: 30 }, (_, i) => body(`TWO-${i}`));
    const sameChild = { ...body('TWIN-A') };
    const work: Promise<{ what: string; status: number; code?: unknown }>[] = [];
    for (const r of registrations) {
      // The same registration through both servers at once: one 201, one 200 with the same notice.
      work.push(...[a, b].map((url) => request(`${url}/v1/applications`, { key: portal, body: r }).then((x) => ({ what: `register ${r.id}`, status: x.status, code: x.json.code }))));
    }
    // One child under two ids through the two servers: one stored, one DUPLICATE_CHILD.
    work.push(request(`${a}/v1/applications`, { key: portal, body: sameChild }).then((x) => ({ what: 'twin A', status: x.status, code: x.json.code })));
    work.push(request(`${b}/v1/applications`, { key: portal, body: { ...sameChild, id: 'TWIN-B' } }).then((x) => ({ what: 'twin B', status: x.status, code: x.json.code })));
    // Each offered referral confirmed through both, and every fourth declined through one while confirmed through the other.
    for (const [i, id] of offered.entries()) {
      const second = i % 4 === 0 ? 'decline' : 'confirm';
      work.push(request(`${a}/v1/referrals/${id}/confirm`, { key: portal, method: 'POST' }).then((x) => ({ what: `confirm ${id}`, status: x.status, code: x.json.code })));
      work.push(request(`${b}/v1/referrals/${id}/${second}`, { key: office, method: 'POST' }).then((x) => ({ what: `${second} ${id}`, status: x.status, code: x.json.code })));
    }
    const answers = await Promise.all(work);

    for (const x of answers) expect([200, 201, 409], JSON.stringify(x)).toContain(x.status);
    for (const r of registrations) {
      const mine = answers.filter((x) => x.what === `register ${r.id}`).map((x) => x.status).sort();
      expect(mine, r.id as string).toEqual([200, 201]);
    }
    const twins = answers.filter((x) => x.what.startsWith('twin'));
    expect(twins.map((x) => x.status).sort()).toEqual([201, 409]);
    expect(twins.find((x) => x.status === 409)!.code).toBe('DUPLICATE_CHILD');
    for (const [i, id] of offered.entries()) {
      const mine = answers.filter((x) => x.what.endsWith(` ${id}`));
      if (i % 4 === 0) {
        // Confirmed, then declined (both allowed), or declined first and the confirmation refused.
        expect([[200, 200], [200, 409]], id).toContainEqual(mine.map((x) => x.status).sort());
      } else {
        expect(mine.map((x) => x.status).sort(), id).toEqual([200, 409]);
        expect(mine.find((x) => x.status === 409)!.code).toBe('TRANSITION_REFUSED');
      }
    }

    // Every 2xx is stored, once.
    const stored = await db.query<{ id: string; n: number }>(
      `select a.id, (select count(*)::int from events e where e.entity_id = a.id) as n from applications a where a.id like 'TWO-%' or a.id like 'TWIN-%'`,
    );
    expect(stored.map((r) => r.id).sort()).toEqual([...registrations.map((r) => r.id as string), twins[0]!.status === 201 ? 'TWIN-A' : 'TWIN-B'].sort());
    for (const r of stored) expect(r.n).toBe(1);
    const decided = await db.query<{ id: string; status: string; changes: number }>(
      `select r.id, r.status, (select count(*)::int from events e where e.entity_id = r.id and e.actor like 'key:%') as changes from referrals r where r.id = any($1::text[])`,
      [offered],
    );
    for (const r of decided) {
      const i = offered.indexOf(r.id);
      // One change per 2xx answer, none for a 409.
      expect(r.changes, r.id).toBe(answers.filter((x) => x.what.endsWith(` ${r.id}`) && x.status === 200).length);
      expect(r.status, r.id).toBe(i % 4 === 0 ? 'declined' : 'confirmed');
    }
    expect(await db.query(`select application_id from referrals where status in ('offered', 'confirmed') group by 1 having count(*) > 1`)).toHaveLength(0);
    expect(await db.query(`select 1 from places_free where free_seats < 0`)).toHaveLength(0);

    // Both give the same answers, about the cohort that changed and about the decided referrals.
    const ids = [...registrations.slice(0, 5).map((r) => r.id as string), ...(await db.query<{ application_id: string }>(`select application_id from referrals where id = any($1::text[]) limit 5`, [offered])).map((r) => r.application_id)];
    for (const id of ids) {
      const [x, y] = await Promise.all([a, b].map((url) => request(`${url}/v1/applications/${id}`, { key: office })));
      expect(x!.json, id).toEqual(y!.json);
    }

    // The next night offers the declined seats again, still never one seat twice.
    await allocate(db, '2026-09-02');
    expect(await db.query(`select 1 from places_free where free_seats < 0`)).toHaveLength(0);
    expect(await db.query(`select application_id from referrals where status in ('offered', 'confirmed') group by 1 having count(*) > 1`)).toHaveLength(0);
    const after = await Promise.all([a, b].map((url) => request(`${url}/v1/applications/${ids[0]}`, { key: office })));
    expect(after[0]!.json).toEqual(after[1]!.json);
  }, 180_000);
});
