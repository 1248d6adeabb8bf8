import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext, sameToken } from '../../src/server/pages/session.js';
import { BACKENDS } from '../support/databases.js';
import { useServer } from './support.js';

describe('console sign-in helpers', () => {
  it('after signing in, only a console path of this site is followed (no open redirect)', () => {
    expect(safeNext('/console/applications/S1?lang=ru')).toBe('/console/applications/S1?lang=ru');
    expect(safeNext('/console/due')).toBe('/console/due');
    for (const bad of ['https://evil.example/console', '//evil.example/console', '/console//evil', '/consolex', '/console/login?next=/x', '/\\evil', '', undefined, 42]) expect(safeNext(bad)).toBe('/console');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const next = safeNext(s);
        expect(next === '/console' || next.startsWith('/console/') || next.startsWith('/console?')).toBe(true);
        expect(next).not.toContain('//');
      }),
    );
  });

  it('tokens compare equal only when equal and not empty', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abd')).toBe(false);
    expect(sameToken('abc', 'abcd')).toBe(false);
    expect(sameToken('', '')).toBe(false);
    expect(sameToken(undefined, 'abc')).toBe(false);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(sameToken(a, b)).toBe(a === b);
      }),
    );
  });
});

describe.each(BACKENDS)('the console beside the API on %s', (backend) => {
  const server = useServer(backend);
  it('its pages are not in the OpenAPI document, and the API still answers JSON', async () => {
    const s = server();
    const doc = JSON.parse((await s.call('GET', '/openapi.json')).body) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/console'))).toEqual([]);
    expect(Object.keys(doc.paths)).toContain('/v1/runs');
    const r = await s.call('GET', '/v1/runs', { key: s.keys.operator });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
  });
});
