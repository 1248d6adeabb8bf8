import { describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import { BACKENDS } from '../support/databases.js';
import { allocate } from '../support/run-helpers.js';
import { context, DATE, json, useServer } from './support.js';

interface Referral {
  id: string;
  status: string;
  category: string;
  confirmBy: string;
  enrollBy: string | null;
  proofBy: string | null;
  nextDeadline: { step: string; by: string } | null;
}

describe.each(BACKENDS)('lifecycle steps, complaints and runs over HTTP on %s', (backend) => {
  const server = useServer(backend);
  const referralOf = async (app: string): Promise<string> =>
    (await server().db().query<{ id: string }>(`select id from referrals where application_id = $1`, [app]))[0]!.id;

  it('a night, then confirm, enrol, prove a right, extend, decline: 200 with the referral; illegal steps 409 with the reason', async () => {
    const s = server();
    const night = await allocate(s.db(), DATE);
    // 2 seats in D1: S5 (primary) and S1; S6 in D2.
    expect(night.summary.totals.referrals).toBe(3);

    const s1 = json<{ status: string; referral: Referral; category: string }>(await s.call('GET', '/v1/applications/S1', { key: s.keys.portal }));
    // Offered on Tuesday 1 September: confirm by Thursday 3 September (2 working days).
    expect(s1).toMatchObject({ status: 'offered', category: 'general', referral: { status: 'offered', confirmBy: '2026-09-03', nextDeadline: { step: 'confirm', by: '2026-09-03' } } });

    const r1 = await referralOf('S1');
    const confirmed = await s.call('POST', `/v1/referrals/${r1}/confirm`, { key: s.keys.portal });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    // Confirmed on 1 September: enrol by 8 September (5 working days).
    expect(json(confirmed)).toMatchObject({ referral: { id: r1, status: 'confirmed', enrollBy: '2026-09-08', nextDeadline: { step: 'enroll', by: '2026-09-08' } }, application: { id: 'S1', status: 'confirmed' } });
    const twice = await s.call('POST', `/v1/referrals/${r1}/confirm`, { key: s.keys.portal });
    expect(twice.statusCode).toBe(409);
    expect(json(twice)).toMatchObject({ code: 'TRANSITION_REFUSED', reason: expect.stringContaining('it is confirmed') });
    expect((await s.call('POST', `/v1/referrals/${r1}/enroll`, { key: s.keys.portal })).statusCode).toBe(403);
    const enrolled = await s.call('POST', `/v1/referrals/${r1}/enroll`, { key: s.keys.office });
    expect(json(enrolled)).toMatchObject({ referral: { status: 'enrolled', nextDeadline: null }, application: { status: 'enrolled' } });
    const decline = await s.call('POST', `/v1/referrals/${r1}/decline`, { key: s.keys.portal, body: { reason: 'changed our mind' } });
    expect(json(decline)).toMatchObject({ status: 409, code: 'TRANSITION_REFUSED', reason: expect.stringContaining('enrolled') });

    // S5 is primary: its right must be proven in person within 5 working days before it can be enrolled.
    const r5 = await referralOf('S5');
    const s5 = json<{ referral: Referral }>(await s.call('GET', '/v1/applications/S5', { key: s.keys.office }));
    expect(s5.referral).toMatchObject({ category: 'primary', proofBy: '2026-09-08', nextDeadline: { step: 'confirm', by: '2026-09-03' } });
    await s.call('POST', `/v1/referrals/${r5}/confirm`, { key: s.keys.portal });
    const early = await s.call('POST', `/v1/referrals/${r5}/enroll`, { key: s.keys.operator });
    expect(json(early)).toMatchObject({ code: 'TRANSITION_REFUSED', reason: expect.stringContaining('not proven') });
    expect(json(await s.call('POST', `/v1/referrals/${r5}/confirm-right`, { key: s.keys.office }))).toMatchObject({ referral: { proofBy: null } });
    const extended = json<{ referral: Referral }>(await s.call('POST', `/v1/referrals/${r5}/extend`, { key: s.keys.office, body: { days: 10, reason: 'medical certificate' } }));
    expect(extended.referral.enrollBy).toBe('2026-09-18');
    expect(json(await s.call('POST', `/v1/referrals/${r5}/extend`, { key: s.keys.office, body: { days: 5 } }))).toMatchObject({ code: 'TRANSITION_REFUSED' });
    expect(json(await s.call('POST', `/v1/referrals/${r5}/decline`, { key: s.keys.portal }))).toMatchObject({ referral: { status: 'declined' }, application: { status: 'annulled' } });
    expect((await s.call('POST', '/v1/referrals/NO-SUCH/confirm', { key: s.keys.portal })).statusCode).toBe(404);

    const history = json<{ events: { entity: string; to: string; actor: string }[] }>(await s.call('GET', '/v1/applications/S1/history', { key: s.keys.portal }));
    expect(history.events.map((e) => `${e.entity} ${e.to} ${e.actor.replace(/^run-.*/, 'run')}`)).toEqual([
      'application queued test',
      'application offered run',
      'referral offered run',
      'referral confirmed key:portal',
      'application confirmed key:portal',
      'referral enrolled key:office',
      'application enrolled key:office',
    ]);
  });

  it('withdraw and restore: 200 with the application, the cohort renumbered at once; illegal steps 409', async () => {
    const s = server();
    expect(json(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal }))).toMatchObject({ queue: { number: 5, of: 5 } });
    const out = await s.call('POST', '/v1/applications/S2/withdraw', { key: s.keys.portal, body: { reason: 'moved to Astana' } });
    expect(out.statusCode, out.body).toBe(200);
    expect(json(out)).toMatchObject({ id: 'S2', status: 'annulled', queue: null });
    expect(json(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal }))).toMatchObject({ queue: { number: 4, of: 4 } });
    expect(json(await s.call('POST', '/v1/applications/S2/withdraw', { key: s.keys.portal }))).toMatchObject({ status: 409, code: 'TRANSITION_REFUSED' });
    expect(json(await s.call('POST', '/v1/applications/S2/restore', { key: s.keys.office }))).toMatchObject({ code: 'TRANSITION_REFUSED', reason: expect.stringContaining('not inactive') });
    expect((await s.call('POST', '/v1/applications/NONE/withdraw', { key: s.keys.portal })).statusCode).toBe(404);
  });

  it('complaints: registered with their due day, idempotent by number, answered once, listed when overdue', async () => {
    const s = server();
    const body = { number: '№ 1/17', level: 'provider', subject: 'the queue number went down', application: 'S1' };
    const filed = await s.call('POST', '/v1/complaints', { key: s.keys.office, body });
    expect(filed.statusCode, filed.body).toBe(201);
    // Filed Tuesday 1 September at the provider: due in 5 working days.
    expect(json(filed)).toMatchObject({ number: '№ 1/17', dueOn: '2026-09-08', overdue: false, filedBy: 'key:office', answeredOn: null });
    expect((await s.call('POST', '/v1/complaints', { key: s.keys.operator, body })).statusCode).toBe(200);
    expect(json(await s.call('POST', '/v1/complaints', { key: s.keys.office, body: { ...body, subject: 'another' } }))).toMatchObject({ code: 'ID_CONFLICT' });
    expect((await s.call('POST', '/v1/complaints', { key: s.keys.officeD2, body: { ...body, number: '2' } })).statusCode).toBe(403);
    await s.call('POST', '/v1/complaints', { key: s.keys.office, body: { number: '3', level: 'authority', subject: 'no answer' } });

    expect(json(await s.call('GET', '/v1/complaints?overdue=true', { key: s.keys.office }))).toMatchObject({ complaints: [] });
    // Three weeks later the provider's complaint is overdue (the authority's has 15 working days).
    const later = await buildServer(serverState(context(), s.db(), { ...SERVE_DEFAULTS, date: '2026-09-15' }), { rateLimitPerMinute: 1000 });
    try {
      const overdue = json<{ complaints: { number: string; overdue: boolean }[] }>(
        await later.inject({ method: 'GET', url: '/v1/complaints?overdue=true', headers: { authorization: `Bearer ${s.keys.operator}` } }),
      );
      expect(overdue.complaints.map((c) => c.number)).toEqual(['№ 1/17']);
    } finally {
      await later.close();
    }
    const number = encodeURIComponent('№ 1/17');
    const answered = await s.call('POST', `/v1/complaints/${number}/answer`, { key: s.keys.operator });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(json(answered)).toMatchObject({ answeredOn: DATE, answeredBy: 'key:operator' });
    expect(json(await s.call('POST', `/v1/complaints/${number}/answer`, { key: s.keys.operator }))).toMatchObject({ code: 'TRANSITION_REFUSED' });
    expect((await s.call('POST', '/v1/complaints/999/answer', { key: s.keys.operator })).statusCode).toBe(404);
    const list = json<{ complaints: { number: string }[] }>(await s.call('GET', '/v1/complaints', { key: s.keys.officeD2 }));
    // A key limited to D2 sees the complaint about no application, not the one about S1 (D1).
    expect(list.complaints.map((c) => c.number)).toEqual(['3']);
  });

  it("runs: the nights with districts done, a date's summary.json as the run stored it, and its fairness audit", async () => {
    const s = server();
    expect(json(await s.call('GET', '/v1/runs', { key: s.keys.operator }))).toEqual({ runs: [] });
    const night = await allocate(s.db(), DATE);
    const runs = json<{ runs: { date: string; status: string; districts: { done: number }; runs: { run: string; districtsCommitted: number }[] }[] }>(
      await s.call('GET', '/v1/runs', { key: s.keys.policy }),
    );
    expect(runs.runs).toEqual([expect.objectContaining({ date: DATE, status: 'done', districts: expect.objectContaining({ done: 2 }) })]);
    expect(runs.runs[0]!.runs).toEqual([expect.objectContaining({ run: night.summary.run, districtsCommitted: 2 })]);
    // The summary as summary.json holds it (jsonb keeps no key order: compared as data).
    const summary = json(await s.call('GET', `/v1/runs/${DATE}`, { key: s.keys.operator }));
    expect(summary).toEqual(JSON.parse(JSON.stringify(night.summary)));
    const audit = json<{ held: boolean; run: string; districts: { district: string }[]; invariants: Record<string, { held: boolean; checked: number }> }>(
      await s.call('GET', `/v1/runs/${DATE}/audit`, { key: s.keys.policy }),
    );
    expect(audit).toEqual(JSON.parse(JSON.stringify(night.audit)));
    expect(audit.held).toBe(true);
    expect(audit.districts.map((d) => d.district)).toEqual(['D1', 'D2']);
    for (const url of ['/v1/runs/2026-09-02', '/v1/runs/2026-09-02/audit']) expect((await s.call('GET', url, { key: s.keys.operator })).statusCode, url).toBe(404);
  });
});
