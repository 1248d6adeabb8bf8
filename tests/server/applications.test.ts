import { describe, expect, it } from 'vitest';
import { upsertKindergartens } from '../../src/db/imports.js';
import { APPLICATION_ROW_SQL, APPLICATION_ROW_WITH_TOKEN_SQL } from '../../src/db/queue.js';
import { makeIin } from '../../src/domain/iin.js';
import { BACKENDS } from '../support/databases.js';
import { applicationJson, DATE, json, useServer } from './support.js';

interface Notice {
  application: string;
  outcome: string;
  reasons: string[];
  position: { state: string; queueNumber?: number; cohortSize?: number; ahead?: Record<string, number> } | null;
  date: string;
}

describe.each(BACKENDS)('applications over HTTP on %s', (backend) => {
  const server = useServer(backend);

  it('registers: 201 with the notice; the same again 200 and the same notice; other content 409 ID_CONFLICT; nothing stored twice', async () => {
    const s = server();
    const body = applicationJson('NEW-1', { serial: 501 });
    const first = await s.call('POST', '/v1/applications', { key: s.keys.portal, body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers.location).toBe('/v1/applications/NEW-1');
    const notice = json<Notice>(first);
    // Registered now (no registeredAt): last in the queue of five general and one primary.
    expect(notice).toMatchObject({ application: 'NEW-1', outcome: 'registered', reasons: [], date: DATE, position: { state: 'queued', queueNumber: 6, cohortSize: 6 } });

    const again = await s.call('POST', '/v1/applications', { key: s.keys.office, body });
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual(notice);

    const other = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: { ...body, language: 'ru' } });
    expect(other.statusCode).toBe(409);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json(other)).toMatchObject({ status: 409, code: 'ID_CONFLICT' });

    const stored = await s.db().query<{ n: number }>(`select count(*)::int as n from events where entity_id = 'NEW-1'`);
    expect(stored[0]!.n).toBe(1);
    // The actor of the event is the key that made the request.
    const history = json<{ events: { actor: string; to: string }[] }>(await s.call('GET', '/v1/applications/NEW-1/history', { key: s.keys.portal }));
    expect(history.events).toEqual([expect.objectContaining({ actor: 'key:portal', to: 'queued' })]);
  });

  it('a second live application of a child is 409 DUPLICATE_CHILD naming the first', async () => {
    const s = server();
    const s1 = (await s.db().query<{ raw: string }>(`select raw from application_details where id = 'S1'`))[0]!;
    const child = (JSON.parse(s1.raw) as { child: unknown }).child;
    const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: { ...applicationJson('DUP-1', { serial: 777 }), child } });
    expect(r.statusCode).toBe(409);
    expect(json(r)).toMatchObject({ code: 'DUPLICATE_CHILD', existing: 'S1', errors: [{ path: '/child/iin', reason: 'duplicate_child' }] });
    expect(await s.db().query(`select 1 from applications where id = 'DUP-1'`)).toHaveLength(0);
  });

  it('a child the rules refuse gets the refusal notice (201), and the lookup says why', async () => {
    const s = server();
    // Born 2019-08-01: seven before 1 September 2026.
    const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('OLD-1', { serial: 9, birthDate: '2019-08-01' }) });
    expect(r.statusCode).toBe(201);
    expect(json(r)).toMatchObject({ outcome: 'refused', reasons: ['age_limit'], position: null });
    const view = json(await s.call('GET', '/v1/applications/OLD-1', { key: s.keys.portal }));
    expect(view).toMatchObject({ status: 'refused', refusal: { reasons: ['age_limit'] }, queue: null });
  });

  it('looks an application up: status, category, queue number and who is ahead by category, personal data', async () => {
    const s = server();
    const r = await s.call('GET', '/v1/applications/S3', { key: s.keys.office });
    expect(r.statusCode).toBe(200);
    // S5 (primary) comes first, then S1, S2, S3: S3 is 4th with 1 primary and 2 general ahead.
    expect(json(r)).toMatchObject({
      id: 'S3',
      district: 'D1',
      status: 'queued',
      date: DATE,
      category: 'general',
      queue: { number: 4, of: 5, ahead: { extraordinary: 0, primary: 1, general: 2 } },
      referral: null,
      child: { iin: makeIin('2022-03-10', 'male', 103), birthDate: '2022-03-10' },
      applicant: { relation: 'mother' },
    });
    const s5 = json(await s.call('GET', '/v1/applications/S5', { key: s.keys.portal }));
    expect(s5).toMatchObject({ category: 'primary', rights: ['large_family'], queue: { number: 1 } });
    const missing = await s.call('GET', '/v1/applications/NOPE-1', { key: s.keys.portal });
    expect(missing.statusCode).toBe(404);
    expect(json(missing)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a registration moves the queue numbers of the cohort at once (the server keeps no stale copy)', async () => {
    const s = server();
    const before = json<{ queue: { number: number; of: number } }>(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal }));
    expect(before.queue).toMatchObject({ number: 5, of: 5 });
    // Registered before everyone else: first among the general ones.
    await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('EARLY-1', { serial: 601, registeredAt: '2023-01-01T09:00:00+05:00' }) });
    const after = json<{ queue: { number: number; of: number } }>(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal }));
    expect(after.queue).toMatchObject({ number: 6, of: 6 });
    // The server followed its own change by reading the one application again, not the cohort.
    expect(s.state.cohorts.patched).toBeGreaterThanOrEqual(1);
    await s.call('POST', '/v1/applications/S1/withdraw', { key: s.keys.portal });
    expect(json(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal }))).toMatchObject({ queue: { number: 5, of: 5 } });
    // The same answers as a server that has no copy yet.
    s.state.cohorts.clear();
    expect(json(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal }))).toMatchObject({ queue: { number: 5, of: 5 } });
  });

  it("a registration's notice reads its cohort's token with the application, and follows its own change in the server's copy without reading it again", async () => {
    const s = server();
    // The server holds the cohort's copy once a member is looked up.
    expect(json(await s.call('GET', '/v1/applications/S4', { key: s.keys.portal }))).toMatchObject({ queue: { number: 5, of: 5 } });
    const patched = s.state.cohorts.patched;
    s.sent.length = 0;
    const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('EARLY-2', { serial: 602, registeredAt: '2023-01-01T09:00:00+05:00' }) });
    expect(r.statusCode, r.body).toBe(201);
    const notice = json<Notice>(r);
    expect(notice.position).toMatchObject({ state: 'queued', queueNumber: 2, cohortSize: 6 });
    // The copy was patched with the row read with the token: no read of the token alone, nor of the row again.
    expect(s.state.cohorts.patched).toBe(patched + 1);
    expect(s.sent.filter((sql) => /^select coalesce\(\(select version from cohort_versions/.test(sql))).toEqual([]);
    expect(s.sent.filter((sql) => sql === APPLICATION_ROW_SQL)).toEqual([]);
    expect(s.sent.filter((sql) => sql === APPLICATION_ROW_WITH_TOKEN_SQL)).toHaveLength(1);
    // The same number as a server without a copy reads.
    s.state.cohorts.clear();
    expect(json(await s.call('GET', '/v1/applications/EARLY-2', { key: s.keys.portal }))).toMatchObject({ queue: { number: 2, of: 6 } });
  });

  it('a kindergarten imported a moment ago is known to registrations at once', async () => {
    const s = server();
    expect((await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('KG-A', { serial: 611 }) })).statusCode).toBe(201);
    await upsertKindergartens(s.db(), [{ id: 'KG-NEW', district: 'D1', name: 'Жаңа', languages: ['kk'], raw: {} }]);
    const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('KG-B', { serial: 612, kindergarten: 'KG-NEW' }) });
    expect(r.statusCode, r.body).toBe(201);
    const bad = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: applicationJson('KG-C', { serial: 613, kindergarten: 'KG-NONE' }) });
    expect(json(bad)).toMatchObject({ status: 400, errors: [{ path: '/preferences/0', reason: 'unknown_kindergarten' }] });
  });

  it("finds a child's applications by IIN (office, operator), limited to the key's districts", async () => {
    const s = server();
    const iin = makeIin('2022-03-10', 'female', 106);
    const all = json<{ applications: { id: string }[] }>(await s.call('GET', `/v1/applications?childIin=${iin}`, { key: s.keys.operator }));
    expect(all.applications.map((a) => a.id)).toEqual(['S6']);
    const d1 = makeIin('2022-03-10', 'male', 101);
    expect(json<{ applications: unknown[] }>(await s.call('GET', `/v1/applications?childIin=${d1}`, { key: s.keys.officeD2 })).applications).toEqual([]);
    expect(json<{ applications: { id: string }[] }>(await s.call('GET', `/v1/applications?childIin=${d1}`, { key: s.keys.office })).applications.map((a) => a.id)).toEqual(['S1']);
    const bad = await s.call('GET', `/v1/applications?childIin=${d1.slice(0, 11)}${(Number(d1[11]) + 1) % 10}`, { key: s.keys.office });
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ errors: [{ path: 'childIin', in: 'query', reason: 'iin_check_digit' }] });
  });

  it('explains an application in kk, ru and en, as data and text, without IINs or names', async () => {
    const s = server();
    const texts: string[] = [];
    for (const lang of ['kk', 'ru', 'en']) {
      const r = await s.call('GET', `/v1/applications/S3/explanation?lang=${lang}`, { key: s.keys.portal });
      expect(r.statusCode, r.body).toBe(200);
      const x = json<{ lang: string; text: string; explanation: { application: string; position: { queueNumber: number } } }>(r);
      expect(x.lang).toBe(lang);
      expect(x.explanation).toMatchObject({ application: 'S3', position: { queueNumber: 4 } });
      expect(r.body).not.toContain(makeIin('2022-03-10', 'male', 103));
      expect(r.body).not.toContain('Бала S3');
      texts.push(x.text);
    }
    expect(new Set(texts).size).toBe(3);
    const bad = await s.call('GET', '/v1/applications/S3/explanation?lang=de', { key: s.keys.portal });
    expect(json(bad)).toMatchObject({ status: 400, errors: [{ path: 'lang', in: 'query', reason: 'invalid_value' }] });
  });
});
