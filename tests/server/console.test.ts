import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { revokeKey } from '../../src/db/keys.js';
import { buildServer } from '../../src/server/app.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import { BACKENDS } from '../support/databases.js';
import { allocate } from '../support/run-helpers.js';
import { context, DATE, useServer } from './support.js';

/** The cookies a response sets, as name → the whole Set-Cookie line. */
function setCookies(r: LightMyRequestResponse): Map<string, string> {
  const raw = r.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return new Map(lines.map((l) => [l.split('=')[0]!, l]));
}

const valueOf = (line: string | undefined) => (line ? line.split(';')[0]!.split('=').slice(1).join('=') : '');
const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

/** A browser of one: keeps the cookies it is given, sends them back. */
class Visitor {
  cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  async go(method: 'GET' | 'POST', url: string, body?: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const r = await this.app.inject({
      method,
      url,
      headers: {
        ...headers,
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { payload: form(body) } : {}),
    });
    for (const [name, line] of setCookies(r)) {
      const v = valueOf(line);
      if (!v || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, v);
    }
    return r;
  }

  /** Signs in with a key through the sign-in form; returns the answer to the form. */
  async signIn(key: string, next = '/console'): Promise<LightMyRequestResponse> {
    const page = await this.go('GET', `/console/login?next=${encodeURIComponent(next)}`);
    return this.go('POST', '/console/login', { _csrf: csrfIn(page.body), next, key });
  }

  /** The CSRF token of the signed-in session, as a console page carries it. */
  async csrf(): Promise<string> {
    return csrfIn((await this.go('GET', '/console')).body);
  }
}

describe.each(BACKENDS)('the staff console on %s', (backend) => {
  const server = useServer(backend);

  it('asks for a key first; the session cookie is HttpOnly, SameSite, for /console only, Secure behind TLS; signing out ends it', async () => {
    const s = server();
    const v = new Visitor(s.app);
    const first = await v.go('GET', '/console/due');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/console/login?next=%2Fconsole%2Fdue');

    const signed = await v.signIn(s.keys.operator, '/console/due');
    expect(signed.statusCode, signed.body).toBe(303);
    expect(signed.headers.location).toBe('/console/due');
    const cookie = setCookies(signed).get('kezek_console')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/console/);
    expect(cookie).not.toMatch(/Secure/);
    // Only the token's hash is stored.
    const stored = await s.db().query<{ token_hash: string; key_name: string }>(`select token_hash, key_name from console_sessions`);
    expect(stored).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), key_name: 'operator' }]);
    expect(stored[0]!.token_hash).not.toBe(valueOf(cookie));

    // Signing in again replaces the session: the old token no longer works.
    const before = v.cookies.get('kezek_console');
    await v.signIn(s.keys.operator, '/console/due');
    expect(v.cookies.get('kezek_console')).not.toBe(before);
    expect(await s.db().query(`select 1 from console_sessions`)).toHaveLength(1);
    const old = new Visitor(s.app);
    old.cookies.set('kezek_console', before!);
    expect((await old.go('GET', '/console/due')).statusCode).toBe(303);

    const due = await v.go('GET', '/console/due');
    expect(due.statusCode).toBe(200);
    expect(due.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(due.headers['cache-control']).toBe('no-store');
    expect(due.body).toContain('operator (operator)');

    const out = await v.go('POST', '/console/logout', { _csrf: await v.csrf() });
    expect(out.headers.location).toBe('/console/login?out=1');
    expect(await s.db().query(`select 1 from console_sessions`)).toEqual([]);
    expect((await v.go('GET', '/console/due')).statusCode).toBe(303);

    // Behind a TLS-terminating proxy the cookie is Secure.
    const behind = await buildServer(s.state, { rateLimitPerMinute: 1000, trustProxy: true });
    try {
      const t = new Visitor(behind);
      const page = await t.go('GET', '/console/login', undefined, { 'x-forwarded-proto': 'https' });
      const r = await t.go('POST', '/console/login', { _csrf: csrfIn(page.body), next: '/console', key: s.keys.policy }, { 'x-forwarded-proto': 'https' });
      expect(r.statusCode).toBe(303);
      expect(setCookies(r).get('kezek_console')).toMatch(/; Secure/);
    } finally {
      await behind.close();
    }
  });

  it('refuses an unknown key, and a sign-in form without its own CSRF token', async () => {
    const s = server();
    const v = new Visitor(s.app);
    const wrong = await v.signIn('kzk_not-a-key-at-all');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Бұл кілт белгісіз');
    expect(setCookies(wrong).has('kezek_console')).toBe(false);

    const bare = await s.app.inject({ method: 'POST', url: '/console/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ key: s.keys.operator }) });
    expect(bare.statusCode).toBe(403);
    expect(setCookies(bare).has('kezek_console')).toBe(false);
    expect(await s.db().query(`select 1 from console_sessions`)).toEqual([]);
  });

  it('a step: a confirmation page, then a form that needs the session’s CSRF token; the event is the key’s', async () => {
    const s = server();
    await allocate(s.db(), DATE);
    const v = new Visitor(s.app);
    await v.signIn(s.keys.operator);
    const page = await v.go('GET', '/console/applications/S1?lang=ru');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/console/applications/S1/steps/confirm"');
    const confirm = await v.go('GET', '/console/applications/S1/steps/confirm');
    expect(confirm.body).toContain('action="/console/applications/S1/steps/confirm"');
    const token = csrfIn(confirm.body);
    expect(token).toBe(await v.csrf());

    const status = async () => (await s.db().query<{ status: string }>(`select status from referrals where application_id = 'S1'`))[0]!.status;
    const without = await v.go('POST', '/console/applications/S1/steps/confirm', { reason: 'x' });
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain('Форма устарела');
    const other = await v.go('POST', '/console/applications/S1/steps/confirm', { _csrf: `${token.slice(0, -2)}xx` });
    expect(other.statusCode).toBe(403);
    expect(await status()).toBe('offered');

    const done = await v.go('POST', '/console/applications/S1/steps/confirm', { _csrf: token, reason: 'by phone' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/console/applications/S1?done=confirm');
    expect(await status()).toBe('confirmed');
    const events = await s.db().query<{ actor: string }>(`select actor from events where entity = 'referral' and to_status = 'confirmed'`);
    expect(events.map((e) => e.actor)).toEqual(['key:operator']);
    const after = await v.go('GET', done.headers.location as string);
    expect(after.body).toContain('Сделано: Подтвердить направление');

    // Again: refused, in words, nothing changed.
    const again = await v.go('POST', '/console/applications/S1/steps/confirm', { _csrf: token });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Шаг отклонён: сейчас состояние «направление подтверждено».');
    expect(again.body).not.toContain('TRANSITION_REFUSED');
    // An extension beyond the parameter's maximum is refused before anything is tried.
    const tooLong = await v.go('POST', '/console/applications/S1/steps/extend', { _csrf: token, days: '999' });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.body).toMatch(/продление — от 1 до \d+ календарных дней/);
  });

  it('each role sees its pages only: others are a 403 page in words; a district-limited key another district’s application neither', async () => {
    const s = server();
    await allocate(s.db(), DATE);
    const policy = new Visitor(s.app);
    await policy.signIn(s.keys.policy);
    for (const url of ['/console/applications/S1', '/console/due', '/console/complaints', '/console/applications/S1/steps/confirm', '/console/applications/S1/notice']) {
      const r = await policy.go('GET', url);
      expect(r.statusCode, url).toBe(403);
      expect(r.body).toContain('«саясат» рөліндегі кілтпен');
    }
    const night = await policy.go('GET', `/console/runs/${DATE}`);
    expect(night.statusCode).toBe(200);
    // The navigation shows the role's sections only.
    expect(night.body).toContain('href="/console/rules"');
    expect(night.body).not.toContain('href="/console/due"');
    expect(night.body).not.toContain('href="/console/complaints"');
    expect((await policy.go('GET', '/console/rules')).statusCode).toBe(200);

    const portal = new Visitor(s.app);
    await portal.signIn(s.keys.portal);
    const home = await portal.go('GET', '/console');
    expect(home.body).not.toContain(`/console/runs/${DATE}`);
    expect((await portal.go('GET', `/console/runs/${DATE}`)).statusCode).toBe(403);
    const app = await portal.go('GET', '/console/applications/S1');
    expect(app.body).toContain('/steps/confirm');
    expect(app.body).not.toContain('/steps/confirm-right');
    expect((await portal.go('GET', '/console/applications/S5/steps/confirm-right')).statusCode).toBe(403);

    const d2 = new Visitor(s.app);
    await d2.signIn(s.keys.officeD2);
    const other = await d2.go('GET', '/console/applications/S1?lang=en');
    expect(other.statusCode).toBe(403);
    expect(other.body).toContain('Your key is limited to the districts D2; this is district D1.');
    expect((await d2.go('GET', '/console/applications/S6')).statusCode).toBe(200);
    expect((await d2.go('GET', '/console/applications/NOPE')).body).toContain('There is no application NOPE.');
  });

  it('a revoked key’s session ends at once, on every server of the database', async () => {
    const s = server();
    const second = await buildServer(serverState(context(), s.db(), { ...SERVE_DEFAULTS, date: DATE }), { rateLimitPerMinute: 1000 });
    try {
      const v = new Visitor(s.app);
      await v.signIn(s.keys.office);
      const there = new Visitor(second);
      there.cookies = v.cookies;
      expect((await there.go('GET', '/console/complaints')).statusCode).toBe(200);
      expect(await revokeKey(s.db(), 'office')).toBe('revoked');
      const r = await there.go('GET', '/console/complaints');
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/console/login?next=%2Fconsole%2Fcomplaints&ended=1');
      expect((await v.go('GET', '/console/complaints')).statusCode).toBe(303);
    } finally {
      await second.close();
    }
  });

  it('complaints: registered through the form, answered after a confirmation; the language chosen is kept', async () => {
    const s = server();
    const v = new Visitor(s.app);
    await v.signIn(s.keys.operator);
    const ru = await v.go('GET', '/console/complaints?lang=ru');
    expect(ru.body).toContain('<html lang="ru">');
    expect(v.cookies.get('lang')).toBe('ru');
    const token = csrfIn(ru.body);
    const r = await v.go('POST', '/console/complaints', { _csrf: token, number: '№ 17/2', level: 'provider', subject: 'Не ответили', application: 'S2' });
    expect(r.statusCode).toBe(303);
    const list = await v.go('GET', r.headers.location as string);
    expect(list.body).toContain('<html lang="ru">');
    expect(list.body).toContain('Жалоба № 17/2 зарегистрирована; ответить нужно до 2026-09-08.');
    const ask = await v.go('GET', `/console/complaints/${encodeURIComponent('№ 17/2')}/answer`);
    expect(ask.statusCode).toBe(200);
    expect((await s.db().query<{ answered_on: string | null }>(`select answered_on::text from complaints`))[0]!.answered_on).toBeNull();
    const answered = await v.go('POST', `/console/complaints/${encodeURIComponent('№ 17/2')}/answer`, { _csrf: token });
    expect(answered.statusCode).toBe(303);
    expect((await s.db().query<{ answered_on: string | null }>(`select answered_on::text from complaints`))[0]!.answered_on).toBe(DATE);
    const twice = await v.go('POST', `/console/complaints/${encodeURIComponent('№ 17/2')}/answer`, { _csrf: token });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('На жалобу № 17/2 уже ответили.');
  });
});
