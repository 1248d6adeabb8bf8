import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, dropSchema, openTestDatabase } from '../support/databases.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database.js';
import { buildServer } from '../../src/server/app.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import { context } from '../server/support.js';
import { siteFixture, TODAY } from './site.js';

const form = (fields: Record<string, string>) => ({
  method: 'POST' as const,
  url: '/lookup',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});

describe.each(BACKENDS)('the public pages over HTTP on %s', (backend) => {
  let app: FastifyInstance;
  let db: Database;
  let schema: string;

  beforeAll(async () => {
    ({ db, schema } = await openTestDatabase(backend));
    await siteFixture(db);
    app = await buildServer(serverState(context(), db, { ...SERVE_DEFAULTS, date: TODAY }), { rateLimitPerMinute: 10_000 });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (backend === 'postgres') await dropSchema(schema);
  });

  it('a lookup with the number and the birth date shows the place; a wrong date and an unknown number get the same page', async () => {
    const ok = await app.inject(form({ application: 'S4', birthDate: '2022-03-10' }));
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(ok.headers['cache-control']).toBe('no-store');
    // S4: third after night 1, second after night 2 (S2 referred).
    expect(ok.body).toContain('№ 2 (барлығы 2)');
    expect(ok.body).not.toMatch(/\b\d{12}\b|Бала S4|Ата-ана/);

    const wrongDate = await app.inject(form({ application: 'S4', birthDate: '2022-03-11' }));
    const unknown = await app.inject(form({ application: 'S404', birthDate: '2022-03-10' }));
    const badDate = await app.inject(form({ application: 'S4', birthDate: '2022-02-31' }));
    for (const r of [wrongDate, unknown, badDate]) {
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Осы нөмірмен және осы туған күнмен өтініш табылмады.');
      expect(r.body).not.toContain('№ 2');
    }
    // Byte for byte the same but for the number typed back.
    expect(wrongDate.body.replace('value="S4"', 'value="S404"')).toBe(unknown.body);
    const empty = await app.inject(form({ application: 'S4' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Өтініш нөмірін де, туған күнді де енгізіңіз.');
  });

  it('the language: ?lang= answers in it and remembers it in a cookie (SameSite=Lax); the cookie alone chooses it after; Kazakh without either', async () => {
    const first = await app.inject({ method: 'GET', url: '/?lang=en' });
    expect(first.body).toContain('<html lang="en">');
    const cookie = first.cookies.find((c) => c.name === 'kezek_lang');
    expect(cookie).toMatchObject({ value: 'en', sameSite: 'Lax', path: '/', httpOnly: true });
    const later = await app.inject({ method: 'GET', url: '/lookup', cookies: { kezek_lang: 'en' } });
    expect(later.body).toContain('<html lang="en">');
    expect(later.body).toContain('<h1>My place in the queue</h1>');
    expect((await app.inject({ method: 'GET', url: '/lookup' })).body).toContain('<html lang="kk">');
    expect((await app.inject({ method: 'GET', url: '/lookup?lang=xx', cookies: { kezek_lang: '<b>' } })).body).toContain('<html lang="kk">');
    // The lookup answers in the language of the cookie too.
    const ru = await app.inject({ ...form({ application: 'S3', birthDate: '2022-03-10' }), cookies: { kezek_lang: 'ru' } });
    expect(ru.body).toContain('№ 1 из 2');
  });

  it('served over plain HTTP, the pages keep their forms on HTTP (no upgrade-insecure-requests); behind a TLS proxy they ask for it', async () => {
    const csp = String((await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const behind = await buildServer(serverState(context(), db, { ...SERVE_DEFAULTS, date: TODAY }), { rateLimitPerMinute: 10_000, trustProxy: true });
    try {
      expect(String((await behind.inject({ method: 'GET', url: '/' })).headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await behind.close();
    }
  });

  it('the bulletin page and its CSV agree with GET /v1/bulletin; an unknown or missing district is a 404 page, not JSON', async () => {
    const api = await app.inject({ method: 'GET', url: '/v1/bulletin?district=D1', headers: { accept: 'text/csv' } });
    const page = await app.inject({ method: 'GET', url: '/bulletin.csv?district=D1' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(page.headers['content-disposition']).toBe(`attachment; filename="bulletin-D1-${TODAY}.csv"`);
    expect(page.body).toBe(api.body);
    const filtered = await app.inject({ method: 'GET', url: '/bulletin.csv?district=D1&year=2021&type=special' });
    expect(filtered.body.trim().split('\r\n')).toEqual([page.body.trim().split('\r\n')[0], 'D1,KG-3,Детский сад № 3 «Солнышко»,G2021-kk-s,2021,kk,special,1']);

    for (const url of ['/bulletin?district=NOPE', '/stats?district=NOPE', '/bulletin', '/bulletin.csv?district=NOPE']) {
      const r = await app.inject({ method: 'GET', url, cookies: { kezek_lang: 'ru' } });
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(r.body).toContain('<html lang="ru">');
    }
  });

  it('the statistics page draws the queue and the referrals of the latest night as inline SVG', async () => {
    const r = await app.inject({ method: 'GET', url: '/stats?district=D1&lang=en' });
    expect(r.statusCode).toBe(200);
    expect(r.body.match(/<svg[^>]*role="img"/g)).toHaveLength(3);
    expect(r.body).toContain('After the night allocation of September 2, 2026.');
  });
});
