import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/db/database.js';
import { freePlaces } from '../../src/db/district-read.js';
import { liveReferrals } from '../../src/db/changes.js';
import { createRun, tryLockDistrict } from '../../src/db/ledger.js';
import { loadGenerated } from '../../src/demo/load.js';
import { buildServer } from '../../src/server/app.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { allocate } from '../support/run-helpers.js';
import { applicationJson, context, DATE, json, makeKey, useServer } from './support.js';

/** Holds `fn`'s transaction open until `release` is called (what a district's night holds, held on purpose). */
function holdTransaction(db: Database, fn: (tx: Queryable) => Promise<void>): { held: Promise<void>; release: () => void; done: Promise<void> } {
  let release!: () => void;
  let held!: () => void;
  const heldP = new Promise<void>((r) => (held = r));
  const releaseP = new Promise<void>((r) => (release = r));
  const done = db.transaction(async (tx) => {
    await fn(tx);
    held();
    await releaseP;
  });
  return { held: heldP, release, done };
}

describe.each(BACKENDS)('registrations racing a nightly run on %s', (backend) => {
  const db = useDatabase(backend);

  it('registrations during the run: each 201 (stored, whole) or 409 RUN_IN_PROGRESS; the run completes; no seat twice', async () => {
    await loadGenerated(db(), { seed: 7, date: DATE, districts: 2, kindergartensPerDistrict: 4, applications: 3000, seats: 300, badLines: false });
    const portal = await makeKey(db(), 'portal', 'portal');
    const app = await buildServer(serverState(context(), db(), { ...SERVE_DEFAULTS, date: DATE }), { rateLimitPerMinute: 100_000 });
    try {
      const [kg] = await db().query<{ id: string; district_id: string }>(`select id, district_id from kindergartens order by id limit 1`);
      const taken = new Set((await db().query<{ child_iin: string }>(`select child_iin from application_details`)).map((r) => r.child_iin));
      let serial = 5000;
      const nextBody = (i: number) => {
        let body: Record<string, unknown>;
        do body = applicationJson(`RACE-${i}`, { serial: serial++, district: kg!.district_id, kindergarten: kg!.id, birthDate: '2023-05-05' });
        while (taken.has((body.child as { iin: string }).iin));
        return body;
      };
      const register = (i: number) =>
        app.inject({ method: 'POST', url: '/v1/applications', headers: { authorization: `Bearer ${portal}`, 'content-type': 'application/json' }, payload: JSON.stringify(nextBody(i)) });

      let finished = false;
      const night = allocate(db(), DATE).finally(() => (finished = true));
      const answers: { id: string; status: number; retryAfter: unknown; code?: string }[] = [];
      let i = 0;
      // Two clients registering until the night is over (and at least a few times).
      await Promise.all(
        [0, 1].map(async () => {
          while (!finished || i < 6) {
            const n = i++;
            const r = await register(n);
            answers.push({ id: `RACE-${n}`, status: r.statusCode, retryAfter: r.headers['retry-after'], ...(r.statusCode >= 400 ? { code: json<{ code: string }>(r).code } : {}) });
          }
        }),
      );
      const summary = (await night).summary;
      expect(summary.totals.referrals).toBeGreaterThan(0);
      expect(answers.length).toBeGreaterThanOrEqual(6);
      for (const a of answers) {
        if (a.status === 409) expect(a, JSON.stringify(a)).toMatchObject({ code: 'RUN_IN_PROGRESS', retryAfter: expect.any(String) });
        else expect(a.status, JSON.stringify(a)).toBe(201);
      }
      const ok = answers.filter((a) => a.status === 201).map((a) => a.id);
      const stored = await db().query<{ id: string; status: string; events: number }>(
        `select a.id, a.status, (select count(*)::int from events e where e.entity_id = a.id and e.to_status = 'queued') as events
           from applications a where a.id = any($1::text[])`,
        [ok],
      );
      expect(stored.map((r) => r.id).sort()).toEqual([...ok].sort());
      for (const r of stored) {
        expect(['queued', 'offered']).toContain(r.status);
        expect(r.events).toBe(1);
      }
      const refused = answers.filter((a) => a.status === 409).map((a) => a.id);
      expect(await db().query(`select 1 from applications where id = any($1::text[])`, [refused])).toHaveLength(0);
      // No seat twice: at most one live referral per application, none over a group's reported seats.
      expect(await db().query(`select application_id from referrals where status in ('offered', 'confirmed') group by 1 having count(*) > 1`)).toHaveLength(0);
      expect(await db().query(`select 1 from places_free where free_seats < 0`)).toHaveLength(0);
      // A registration the night read is whole in it: offered with its referral, or queued with a number.
      expect(
        await db().query(
          `select 1 from applications a where a.id = any($1::text[]) and a.status = 'offered' and not exists (select 1 from referrals r where r.application_id = a.id and r.status = 'offered')`,
          [ok],
        ),
      ).toHaveLength(0);
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe('writes waiting for a night, on postgres: at most runWaiters at once', () => {
  const server = useServer('postgres', { runWaitMs: 1500, runWaiters: 2 });

  it('two wait (then 409), the rest are answered 409 at once; another district is served meanwhile; nothing stored', async () => {
    const s = server();
    // A night as it holds a district: its run recorded, then in the district's transaction the run lock and the places.
    await createRun(s.db(), { id: 'run-held', date: DATE, rulesVersion: 'test', rulesHash: 'test', engine: 'compiled', options: {} });
    const night = holdTransaction(s.db(), async (tx) => {
      expect(await tryLockDistrict(tx, DATE, 'D1')).toBe(true);
      await freePlaces(tx, 'D1', true);
    });
    await night.held;
    try {
      const timed = async (id: string, serial: number, district?: string) => {
        const t = performance.now();
        const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson(id, { serial, ...(district ? { district } : {}) }) });
        return { id, ms: performance.now() - t, status: r.statusCode, code: r.statusCode >= 400 ? json<{ code: string; detail?: string }>(r).code : null, retryAfter: r.headers['retry-after'] };
      };
      const held = [0, 1, 2, 3, 4].map((i) => timed(`HELD-${i}`, 810 + i));
      // While the two waiters hold their connections, a write elsewhere is served.
      await new Promise((r) => setTimeout(r, 300));
      const elsewhere = await timed('FREE-2', 820, 'D2');
      expect(elsewhere.status).toBe(201);
      const answers = await Promise.all(held);
      for (const a of answers) expect(a, JSON.stringify(a)).toMatchObject({ status: 409, code: 'RUN_IN_PROGRESS', retryAfter: '2' });
      const waited = answers.filter((a) => a.ms >= 1400);
      expect(waited, JSON.stringify(answers)).toHaveLength(2);
      expect(answers.filter((a) => a.ms < 1000), JSON.stringify(answers)).toHaveLength(3);
      expect(s.state.runWaits.waiting).toBe(0);
    } finally {
      night.release();
      await night.done;
    }
    expect(await s.db().query(`select id from applications where id like 'HELD-%'`)).toEqual([]);
    // Once the night has committed, the district takes writes again.
    expect((await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('AFTER-1', { serial: 830 }) })).statusCode).toBe(201);
  });
});

describe('a write and a district held by its night, on postgres', () => {
  const server = useServer('postgres', { runWaitMs: 400 });

  it('waits for the district, then 409 RUN_IN_PROGRESS with Retry-After; another district is not held up; nothing stored', async () => {
    const s = server();
    // What a district's night holds from its read until its commit: the places, for share.
    const night = holdTransaction(s.db(), async (tx) => {
      await freePlaces(tx, 'D1', true);
    });
    await night.held;
    try {
      const t = performance.now();
      const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('HELD-1', { serial: 801 }) });
      expect(performance.now() - t).toBeGreaterThanOrEqual(350);
      expect(r.statusCode, r.body).toBe(409);
      expect(r.headers['retry-after']).toBe('2');
      expect(json(r)).toMatchObject({ code: 'RUN_IN_PROGRESS' });
      const withdraw = await s.call('POST', '/v1/applications/S2/withdraw', { key: s.keys.portal });
      expect(json(withdraw)).toMatchObject({ status: 409, code: 'RUN_IN_PROGRESS' });
      const elsewhere = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('FREE-1', { serial: 802, district: 'D2' }) });
      expect(elsewhere.statusCode).toBe(201);
      // Reads never wait.
      expect((await s.call('GET', '/v1/applications/S2', { key: s.keys.portal })).statusCode).toBe(200);
    } finally {
      night.release();
      await night.done;
    }
    expect(await s.db().query(`select id, status from applications where id in ('HELD-1', 'S2')`)).toEqual([{ id: 'S2', status: 'queued' }]);
  });

  it('a write that waits less than it may is served once the district commits', async () => {
    const s = server();
    const night = holdTransaction(s.db(), async (tx) => {
      await freePlaces(tx, 'D1', true);
    });
    await night.held;
    setTimeout(night.release, 150);
    const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('WAITED-1', { serial: 803 }) });
    await night.done;
    expect(r.statusCode, r.body).toBe(201);
  });

  it("a referral step waits for the night's lapse step, which holds the district's live referrals", async () => {
    const s = server();
    await allocate(s.db(), DATE);
    const [ref] = await s.db().query<{ id: string }>(`select id from referrals where application_id = 'S1'`);
    const night = holdTransaction(s.db(), async (tx) => {
      await liveReferrals(tx, 'D1');
    });
    await night.held;
    try {
      const r = await s.call('POST', `/v1/referrals/${ref!.id}/confirm`, { key: s.keys.portal });
      expect(json(r)).toMatchObject({ status: 409, code: 'RUN_IN_PROGRESS' });
      expect(r.headers['retry-after']).toBe('2');
    } finally {
      night.release();
      await night.done;
    }
    expect((await s.call('POST', `/v1/referrals/${ref!.id}/confirm`, { key: s.keys.portal })).statusCode).toBe(200);
  });
});

