import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { KezekContext } from '../../src/context.js';
import type { Database } from '../../src/db/database.js';
import { makeIin } from '../../src/domain/iin.js';
import { createLogger } from '../../src/log.js';
import { buildServer } from '../../src/server/app.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import { kezekHere } from '../support/cli.js';
import { dropSchema, newSchemaName, POSTGRES_URL } from '../support/databases.js';
import { applicationJson, DATE, json, useServer } from './support.js';

describe('the service: readiness, logs, rate limit, documents', () => {
  const server = useServer('embedded', { rateLimitPerMinute: 40 });

  it('readiness: 200 when the database answers and its schema is current, 503 when behind or not answering; health always', async () => {
    const s = server();
    expect(json(await s.call('GET', '/readyz'))).toEqual({ status: 'ready', database: 'embedded' });
    await s.db().query(`delete from schema_migrations where version = 8`);
    const behind = await s.call('GET', '/readyz');
    expect(behind.statusCode).toBe(503);
    expect(json(behind)).toMatchObject({ code: 'NOT_READY', detail: expect.stringContaining('008_api_keys.sql') });
    const broken: Database = { ...s.db(), query: async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })) };
    const down = await buildServer(serverState(s.state.ctx, broken, { ...SERVE_DEFAULTS, date: DATE }), { rateLimitPerMinute: 100 });
    try {
      expect((await down.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
      expect((await down.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // A request while the database is gone: 503 with Retry-After, no detail of the connection.
      const r = await down.inject({ method: 'GET', url: '/v1/applications/S1', headers: { authorization: `Bearer ${s.keys.portal}` } });
      expect(r.statusCode).toBe(503);
      expect(r.headers['retry-after']).toBe('2');
      expect(json(r)).toMatchObject({ code: 'UNAVAILABLE' });
      expect(r.body).not.toContain('5432');
    } finally {
      await down.close();
    }
  });

  it('request logs: one line per request with its id, the URL without the IIN, never a name or an IIN', async () => {
    const s = server();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const ctx = new KezekContext(resolveConfig({ rulesDir: 'rules', logLevel: 'info' }, {}), createLogger({ level: 'info', destination: sink }));
    const app = await buildServer(serverState(ctx, s.db(), { ...SERVE_DEFAULTS, date: DATE }), { rateLimitPerMinute: 1000 });
    try {
      const body = applicationJson('LOG-1', { serial: 551 });
      const iin = (body.child as { iin: string }).iin;
      const auth = { authorization: `Bearer ${s.keys.office}` };
      const created = await app.inject({ method: 'POST', url: '/v1/applications', headers: { ...auth, 'content-type': 'application/json', 'x-request-id': 'portal-req-17' }, payload: JSON.stringify(body) });
      expect(created.headers['x-request-id']).toBe('portal-req-17');
      await app.inject({ method: 'GET', url: `/v1/applications?childIin=${iin}`, headers: auth });
      await app.inject({ method: 'POST', url: '/v1/applications', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify({ ...body, id: 'LOG-2' }) });
      const text = lines.join('\n');
      expect(text).not.toContain(iin);
      expect(text).not.toContain(makeIin('1990-05-05', 'female', 7551));
      expect(text).not.toContain('Бала LOG-1');
      const requests = lines.map((l) => JSON.parse(l) as { msg: string; requestId?: string; url?: string; status?: number }).filter((l) => l.msg === 'request');
      expect(requests.map((r) => r.status)).toEqual([201, 200, 409]);
      expect(requests[0]).toMatchObject({ requestId: 'portal-req-17', url: '/v1/applications' });
      expect(requests[1]!.url).toBe('/v1/applications?childIin=[iin]');
      for (const l of lines.map((x) => JSON.parse(x) as { requestId?: string })) expect(l.requestId).toBeTruthy();
    } finally {
      await app.close();
    }
  });

  it('rate limit per key: one key over its limit gets 429 problems, another key and the docs do not', async () => {
    const s = server();
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await s.call('GET', '/v1/applications/S1', { key: s.keys.portal })).statusCode);
    expect(statuses.slice(0, 40).every((x) => x === 200)).toBe(true);
    expect(statuses.slice(40)).toEqual([429, 429, 429, 429, 429]);
    const limited = await s.call('GET', '/v1/applications/S1', { key: s.keys.portal });
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(json(limited)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await s.call('GET', '/v1/applications/S1', { key: s.keys.office })).statusCode).toBe(200);
    for (let i = 0; i < 45; i++) expect((await s.call('GET', '/docs/static/index.html')).statusCode).toBeLessThan(400);
  });

  it('the OpenAPI document has every route with its schemas and the security scheme', async () => {
    const s = server();
    const doc = json<{ openapi: string; paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown; responses: Record<string, unknown> }>>; components: { securitySchemes: object } }>(
      await s.call('GET', '/openapi.json'),
    );
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toHaveProperty('apiKey');
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /v1/applications',
        'GET /v1/applications',
        'GET /v1/applications/{id}',
        'GET /v1/applications/{id}/explanation',
        'GET /v1/applications/{id}/history',
        'POST /v1/referrals/{id}/{action}',
        'POST /v1/applications/{id}/{action}',
        'POST /v1/complaints',
        'POST /v1/complaints/{number}/answer',
        'GET /v1/complaints',
        'GET /v1/runs',
        'GET /v1/runs/{date}',
        'GET /healthz',
        'GET /readyz',
      ]),
    );
    const register = doc.paths['/v1/applications']!.post!;
    expect(register.security).toEqual([{ apiKey: [] }]);
    expect(JSON.stringify(register.requestBody)).toContain('iin_format');
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['200', '201', '4XX']));
  });
});

describe('kezek keys (on PostgreSQL: a command starts faster there)', () => {
  it('create prints the key once (kezek keeps its hash), list shows names and roles, revoke refuses it; names are never reused', async () => {
    const schema = newSchemaName();
    const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
    try {
      const made = await kezekHere(['keys', 'create', 'egov', '--role', 'portal'], env);
      expect(made.code, made.stderr).toBe(0);
      const key = /kzk_[A-Za-z0-9_-]{43}/.exec(made.stdout)![0];
      expect(made.stdout).toContain('shown only now');
      const json1 = await kezekHere(['keys', 'create', 'ops', '--role', 'operator', '--json'], env);
      expect(JSON.parse(json1.stdout)).toMatchObject({ name: 'ops', role: 'operator', districts: [], key: expect.stringMatching(/^kzk_/) });
      expect((await kezekHere(['keys', 'create', 'x', '--role', 'office', '--district', 'NOWHERE'], env)).stderr).toContain('unknown district: NOWHERE');
      expect((await kezekHere(['keys', 'create', 'bad name', '--role', 'office'], env)).code).toBe(2);
      const list = await kezekHere(['keys', 'list', '--json'], env);
      expect(list.stdout).not.toContain(key);
      expect(list.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { name: string; role: string }).name)).toEqual(['egov', 'ops']);
      expect(JSON.parse((await kezekHere(['keys', 'revoke', 'egov', '--json'], env)).stdout)).toEqual({ name: 'egov', revoked: 'now' });
      expect((await kezekHere(['keys', 'list'], env)).stdout).toMatch(/egov.*REVOKED/);
      const again = await kezekHere(['keys', 'create', 'egov', '--role', 'portal'], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('never reused');
      expect((await kezekHere(['keys', 'revoke', 'nobody'], env)).code).toBe(2);
    } finally {
      await dropSchema(schema);
    }
  }, 120_000);
});
