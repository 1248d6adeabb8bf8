import { describe, expect, it } from 'vitest';
import { makeIin } from '../../src/domain/iin.js';
import { checkApplication } from '../../src/intake/lines.js';
import { lineProblem } from '../../src/intake/line-guard.js';
import { BACKENDS } from '../support/databases.js';
import { shippedRules } from '../support/run-helpers.js';
import { applicationJson, json, useServer } from './support.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors: { path: string; in: string; reason: string }[];
}

const good = () => applicationJson('BAD-1', { serial: 301, registeredAt: '2026-08-01T10:00:00+05:00' });
type Body = Record<string, unknown> & { child: Record<string, unknown>; applicant: Record<string, unknown> };
const edit = (f: (b: Body) => void): Body => {
  const b = structuredClone(good()) as Body;
  f(b);
  return b;
};
const wrongCheckDigit = (iin: string) => iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);

/** Bad applications, one fault each, and where the fault is (as a JSON pointer). */
const FAULTS: [string, Body | unknown[], string][] = [
  ['child IIN with a wrong check digit', edit((b) => (b.child.iin = wrongCheckDigit(b.child.iin as string))), '/child/iin'],
  ['child IIN of another birth date', edit((b) => (b.child.iin = makeIin('2021-03-10', 'male', 301))), '/child/iin'],
  ['applicant IIN of 11 digits', edit((b) => (b.applicant.iin = '90010140045')), '/applicant/iin'],
  ['an unknown district', edit((b) => (b.district = 'NOWHERE')), '/district'],
  ['an unknown kindergarten', edit((b) => (b.preferences = ['KG-404'])), '/preferences/0'],
  ["another district's kindergarten", edit((b) => (b.preferences = ['KG-2'])), '/preferences/0'],
  ['an impossible birth date', edit((b) => (b.child.birthDate = '2022-02-30')), '/child/birthDate'],
  ['a month 13', edit((b) => (b.desiredFrom = '2026-13-01')), '/desiredFrom'],
  ['no language', edit((b) => delete b.language), '/language'],
  ['a null language', edit((b) => (b.language = null)), '/language'],
  ['language en', edit((b) => (b.language = 'en')), '/language'],
  ['a channel that is a number', edit((b) => (b.channel = 3)), '/channel'],
  ['a kindergarten listed twice', edit((b) => (b.preferences = ['KG-1', 'KG-1'])), '/preferences'],
  ['no preference', edit((b) => (b.preferences = [])), '/preferences'],
  ['an unknown right', edit((b) => (b.rights = [{ category: 'astronaut', document: 'X', validUntil: '2030-01-01' }])), '/rights/0/category'],
  ['registeredAt that is not an instant', edit((b) => (b.registeredAt = 'yesterday')), '/registeredAt'],
  ['an id with a control character', edit((b) => (b.id = 'BAD\u0007')), '/id'],
  ['an id of 101 characters', edit((b) => (b.id = 'X'.repeat(101))), '/id'],
  ["a child's name of 600 characters", edit((b) => (b.child.name = 'А'.repeat(600))), '/child/name'],
  ['a NUL in a name', edit((b) => (b.child.name = 'Ай\u0000ару')), '/child/name'],
  ['nesting 40 levels deep', edit((b) => (b.note = JSON.parse('['.repeat(40) + ']'.repeat(40)))), '/note' + '/0'.repeat(31)],
  ['a list, not an object', [], '/'],
];

/** The reason the import gives a line (src/intake: the guard, then the line check). */
function importReason(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not_object';
  const guard = lineProblem(body);
  if (guard) return guard.reason;
  const rules = shippedRules();
  const r = checkApplication(body, {
    districts: new Set(['D1', 'D2']),
    kindergartens: new Map([['KG-1', 'D1'], ['KG-2', 'D2']]),
    maxPreferences: rules.parameters.maxPreferences,
    knownRights: rules.knownRights,
  });
  return r.ok ? 'ok' : r.reject.reason;
}

describe.each(BACKENDS)('bad input over HTTP on %s', (backend) => {
  const server = useServer(backend);

  it('each bad application: 400 problem+json naming the field with the reason the import gives; nothing stored', async () => {
    const s = server();
    const count = async () => (await s.db().query<{ a: number; e: number }>(`select (select count(*)::int from applications) as a, (select count(*)::int from events) as e`))[0]!;
    const before = await count();
    expect(importReason(good())).toBe('ok');
    for (const [what, body, path] of FAULTS) {
      const expected = importReason(body);
      expect(expected, what).not.toBe('ok');
      const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body });
      expect(r.statusCode, `${what}: ${r.body}`).toBe(400);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      const p = json<Problem>(r);
      expect(p.code).toBe('INPUT_INVALID');
      expect(p.errors.map((e) => [e.path, e.reason]), what).toEqual([[path, expected]]);
      expect(r.body, what).not.toMatch(/\.js:\d+|\bat [A-Za-z.]+ \(/);
    }
    expect(await count()).toEqual(before);
  });

  it('malformed JSON, a body over 64 KiB, a wrong media type, an unknown field inside the child: 400, 413, 415, 400', async () => {
    const s = server();
    const broken = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: '{"id": "X",' });
    expect(broken.statusCode).toBe(400);
    expect(json<Problem>(broken).errors).toEqual([expect.objectContaining({ path: '/', reason: 'invalid_json' })]);

    const big = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: { ...good(), note: 'x'.repeat(70_000) } });
    expect(big.statusCode).toBe(413);
    expect(json<Problem>(big)).toMatchObject({ code: 'INPUT_INVALID', errors: [{ reason: 'body_too_large' }] });

    const xml = await s.call('POST', '/v1/applications', { key: s.keys.portal, headers: { 'content-type': 'text/xml' }, body: '<application/>' });
    expect(xml.statusCode).toBe(415);
    expect(json<Problem>(xml)).toMatchObject({ errors: [{ path: 'content-type', in: 'header', reason: 'unsupported_media_type' }] });

    const misplaced = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: edit((b) => (b.child.district = 'D1')) });
    expect(misplaced.statusCode).toBe(400);
    expect(json<Problem>(misplaced).errors).toEqual([expect.objectContaining({ path: '/child/district', reason: 'unknown_field' })]);

    // Unknown top-level fields are kept and ignored, as in a file (formats.md).
    const extra = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: { ...good(), portalReference: 'EGOV-77' } });
    expect(extra.statusCode).toBe(201);

    const prototype = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: '{"__proto__": {"x": 1}}' });
    expect(prototype.statusCode).toBe(400);
    expect(await s.db().query(`select 1 from applications where id = 'BAD-1'`)).toHaveLength(1);
  });

  it('several faults at once are all named', async () => {
    const s = server();
    const r = await s.call('POST', '/v1/applications', { key: s.keys.portal, body: edit((b) => {
      b.language = 'en';
      delete b.groupType;
      b.child.iin = 12;
    }) });
    expect(r.statusCode).toBe(400);
    expect(json<Problem>(r).errors.map((e) => `${e.path} ${e.reason}`).sort()).toEqual(['/child/iin wrong_type', '/groupType missing_field', '/language invalid_value']);
  });

  it('odd path ids and parameters: 400 naming them', async () => {
    const s = server();
    for (const id of ['a%20b', 'a%00b', '%27%3B--', 'x'.repeat(101), '.hidden']) {
      const r = await s.call('GET', `/v1/applications/${id}`, { key: s.keys.portal });
      expect(r.statusCode, id).toBe(400);
      expect(json<Problem>(r).errors[0]).toMatchObject({ path: 'id', in: 'path' });
    }
    const action = await s.call('POST', '/v1/applications/S1/delete', { key: s.keys.portal });
    expect(json<Problem>(action)).toMatchObject({ status: 400, errors: [{ path: 'action', in: 'path', reason: 'invalid_value' }] });
    const days = await s.call('POST', '/v1/referrals/R1/extend', { key: s.keys.office, body: { days: 'many' } });
    expect(json<Problem>(days)).toMatchObject({ status: 400, errors: [{ path: '/days', reason: 'wrong_type' }] });
    const stray = await s.call('POST', '/v1/referrals/R1/confirm', { key: s.keys.portal, body: { day: 3 } });
    expect(json<Problem>(stray)).toMatchObject({ status: 400, errors: [{ path: '/day', reason: 'unknown_field' }] });
    const date = await s.call('GET', '/v1/runs/2026-02-30', { key: s.keys.policy });
    expect(json<Problem>(date)).toMatchObject({ status: 400, errors: [{ path: 'date', in: 'path', reason: 'invalid_date' }] });
    const unknown = await s.call('GET', '/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
