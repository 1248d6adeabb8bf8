import { describe, expect, it } from 'vitest';
import { revokeKey } from '../../src/db/keys.js';
import { makeIin } from '../../src/domain/iin.js';
import { BACKENDS } from '../support/databases.js';
import { allocate } from '../support/run-helpers.js';
import { applicationJson, DATE, json, useServer, type Keys } from './support.js';

type Role = 'portal' | 'office' | 'operator' | 'policy';
const ROLES: readonly Role[] = ['portal', 'office', 'operator', 'policy'];

interface Case {
  method: string;
  url: string;
  body?: unknown;
  allowed: readonly Role[];
}

/** api.md's routes and who may call them ("see roles": the roles table). */
const CASES: Case[] = [
  { method: 'POST', url: '/v1/applications', body: applicationJson('M-1', { serial: 901 }), allowed: ['portal', 'office'] },
  { method: 'GET', url: '/v1/applications/S1', allowed: ['portal', 'office', 'operator'] },
  { method: 'GET', url: `/v1/applications?childIin=${makeIin('2022-03-10', 'male', 101)}`, allowed: ['office', 'operator'] },
  { method: 'GET', url: '/v1/applications/S1/explanation?lang=ru', allowed: ['portal', 'office', 'operator'] },
  { method: 'GET', url: '/v1/applications/S1/history', allowed: ['portal', 'office', 'operator'] },
  { method: 'POST', url: '/v1/referrals/R-NONE/confirm', allowed: ['portal', 'office', 'operator'] },
  { method: 'POST', url: '/v1/referrals/R-NONE/decline', allowed: ['portal', 'office', 'operator'] },
  { method: 'POST', url: '/v1/referrals/R-NONE/enroll', allowed: ['office', 'operator'] },
  { method: 'POST', url: '/v1/referrals/R-NONE/extend', body: { days: 5 }, allowed: ['office', 'operator'] },
  { method: 'POST', url: '/v1/referrals/R-NONE/confirm-right', allowed: ['office', 'operator'] },
  { method: 'POST', url: '/v1/applications/S2/withdraw', allowed: ['portal', 'office', 'operator'] },
  { method: 'POST', url: '/v1/applications/S2/restore', allowed: ['portal', 'office', 'operator'] },
  { method: 'POST', url: '/v1/complaints', body: { number: '№ 17', level: 'provider', subject: 'queue number' }, allowed: ['office', 'operator'] },
  { method: 'POST', url: '/v1/complaints/NONE/answer', allowed: ['operator'] },
  { method: 'GET', url: '/v1/complaints?overdue=true', allowed: ['office', 'operator'] },
  { method: 'GET', url: '/v1/runs', allowed: ['operator', 'policy'] },
  { method: 'GET', url: `/v1/runs/${DATE}`, allowed: ['operator', 'policy'] },
  { method: 'GET', url: `/v1/runs/${DATE}/audit`, allowed: ['operator', 'policy'] },
  { method: 'GET', url: '/v1/applications/S1/positions', allowed: ['portal', 'office', 'operator'] },
  { method: 'GET', url: '/v1/applications/S1/notice', allowed: ['portal', 'office', 'operator'] },
  { method: 'GET', url: '/v1/due', allowed: ['operator'] },
];

const keyOf = (keys: Keys, role: Role): string => keys[role];

describe.each(BACKENDS)('keys and roles on %s', (backend) => {
  const server = useServer(backend);

  it('every route: 401 without a key or with an unknown one, 403 for a role it does not serve, served for the others', async () => {
    const s = server();
    const seen: string[] = [];
    for (const c of CASES) {
      const none = await s.call(c.method, c.url, { body: c.body });
      expect(none.statusCode, `${c.method} ${c.url} without a key`).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect(json(none)).toMatchObject({ code: 'UNAUTHORIZED' });
      const unknown = await s.call(c.method, c.url, { key: 'kzk_notakeyatallbutlongenough', body: c.body });
      expect(unknown.statusCode).toBe(401);
      for (const role of ROLES) {
        const r = await s.call(c.method, c.url, { key: keyOf(s.keys, role), body: c.body });
        if (c.allowed.includes(role)) expect([401, 403], `${c.method} ${c.url} as ${role}: ${r.body}`).not.toContain(r.statusCode);
        else {
          expect(r.statusCode, `${c.method} ${c.url} as ${role}`).toBe(403);
          expect(json(r)).toMatchObject({ code: 'FORBIDDEN' });
        }
        seen.push(`${role} ${r.statusCode}`);
      }
    }
    expect(seen.length).toBe(CASES.length * ROLES.length);
  });

  it('public routes need no key', async () => {
    const s = server();
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs', '/v1/bulletin?district=D1', '/v1/districts/D1/stats']) {
      const r = await s.call('GET', url);
      expect(r.statusCode, url).toBeLessThan(400);
    }
  });

  it('a key limited to districts reaches only those districts: lookups, registrations, runs', async () => {
    const s = server();
    expect((await s.call('GET', '/v1/applications/S1', { key: s.keys.officeD2 })).statusCode).toBe(403);
    expect((await s.call('GET', '/v1/applications/S6', { key: s.keys.officeD2 })).statusCode).toBe(200);
    expect((await s.call('GET', '/v1/applications/S1/history', { key: s.keys.operatorD2 })).statusCode).toBe(403);
    expect((await s.call('GET', '/v1/applications/S1/explanation', { key: s.keys.operatorD2 })).statusCode).toBe(403);
    expect((await s.call('POST', '/v1/applications/S1/withdraw', { key: s.keys.operatorD2 })).statusCode).toBe(403);
    const inD1 = await s.call('POST', '/v1/applications', { key: s.keys.officeD2, body: applicationJson('L-1', { serial: 911 }) });
    expect(inD1.statusCode).toBe(403);
    expect(await s.db().query(`select 1 from applications where id = 'L-1'`)).toHaveLength(0);
    const inD2 = await s.call('POST', '/v1/applications', { key: s.keys.officeD2, body: applicationJson('L-2', { serial: 912, district: 'D2' }) });
    expect(inD2.statusCode).toBe(201);

    await allocate(s.db(), DATE);
    type Summary = { districts: { district: string; referrals: number }[]; totals: { referrals: number }; numbers: { referrals: number }; inputHash: string };
    const run = json<Summary>(await s.call('GET', `/v1/runs/${DATE}`, { key: s.keys.operatorD2 }));
    const all = json<Summary>(await s.call('GET', `/v1/runs/${DATE}`, { key: s.keys.policy }));
    expect(all.districts.map((d) => d.district)).toEqual(['D1', 'D2']);
    // Limited to D2: D2 alone, and the totals, numbers and input hash over it.
    expect(run.districts).toEqual([all.districts[1]]);
    expect(run.totals.referrals).toBe(all.districts[1]!.referrals);
    expect(run.numbers.referrals).toBe(all.districts[1]!.referrals);
    expect(run.inputHash).not.toBe(all.inputHash);
    const audit = json<{ districts: { district: string }[] }>(await s.call('GET', `/v1/runs/${DATE}/audit`, { key: s.keys.operatorD2 }));
    expect(audit.districts.map((d) => d.district)).toEqual(['D2']);

    // A referral of D1 is out of reach of a D2 key.
    const [ref] = await s.db().query<{ id: string }>(`select id from referrals where district_id = 'D1' limit 1`);
    const r = await s.call('POST', `/v1/referrals/${ref!.id}/confirm`, { key: s.keys.operatorD2 });
    expect(r.statusCode).toBe(403);
  });

  it('a revoked key is refused from the next request on', async () => {
    const s = server();
    expect((await s.call('GET', '/v1/applications/S1', { key: s.keys.portal })).statusCode).toBe(200);
    expect(await revokeKey(s.db(), 'portal')).toBe('revoked');
    expect(await revokeKey(s.db(), 'portal')).toBe('already');
    expect((await s.call('GET', '/v1/applications/S1', { key: s.keys.portal })).statusCode).toBe(401);
  });

  it('no personal data to a policy key: run summaries hold counts only', async () => {
    const s = server();
    await allocate(s.db(), DATE);
    const runs = await s.call('GET', '/v1/runs', { key: s.keys.policy });
    const run = await s.call('GET', `/v1/runs/${DATE}`, { key: s.keys.policy });
    expect(runs.statusCode).toBe(200);
    expect(run.statusCode).toBe(200);
    for (const body of [runs.body, run.body]) {
      expect(body).not.toMatch(/\d{12}/);
      expect(body).not.toContain('Бала');
    }
  });
});
