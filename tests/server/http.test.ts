import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { kezek } from '../support/cli.js';
import { BACKENDS, dropSchema, newSchemaName, POSTGRES_URL, type Backend } from '../support/databases.js';
import { tempDir } from '../support/run-helpers.js';
import { request, startServe } from './serve-support.js';
import { applicationJson, DATE, writeFixture } from './support.js';

/** A kezek home (embedded folder, or a schema of the server) with the fixture imported and a portal key. */
function setUp(backend: Backend): { env: Record<string, string | undefined>; args: string[]; schema: string; key: string; home: string } {
  const home = tempDir('kezek-serve-');
  const data = join(home, 'data');
  mkdirSync(data);
  writeFixture(data);
  const schema = newSchemaName();
  const env = backend === 'postgres' ? { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema } : {};
  const args = backend === 'postgres' ? [] : ['--data-dir', home];
  const imported = kezek(['import', data, ...args], env);
  expect(imported.code, imported.stderr).toBe(0);
  const made = kezek(['keys', 'create', 'egov-portal', '--role', 'portal', '--json', ...args], env);
  expect(made.code, made.stderr).toBe(0);
  return { env, args, schema, home, key: (JSON.parse(made.stdout) as { key: string }).key };
}

describe.each(BACKENDS)('kezek serve as a process, on a listening port, on %s', (backend) => {
  let home: ReturnType<typeof setUp>;
  beforeAll(() => {
    home = setUp(backend);
  });
  afterAll(async () => {
    if (backend === 'postgres') await dropSchema(home.schema);
  });

  it('serves the main paths; the key is stored hashed; SIGTERM finishes the requests in flight, commits them and closes', async () => {
    const keys = kezek(['keys', 'list', '--json', ...home.args], home.env);
    expect(keys.stdout).not.toContain(home.key);
    const serving = await startServe([...home.args, '--date', DATE], home.env);
    const { url } = serving;
    try {
      expect((await request(`${url}/healthz`)).json).toEqual({ status: 'ok' });
      expect((await request(`${url}/readyz`)).json).toMatchObject({ status: 'ready', database: backend });
      const openapi = await request(`${url}/openapi.json`);
      expect(openapi.json).toMatchObject({ openapi: expect.stringMatching(/^3\./) });
      expect(Object.keys(openapi.json.paths as object)).toEqual(expect.arrayContaining(['/v1/applications', '/v1/applications/{id}', '/v1/referrals/{id}/{action}', '/v1/runs/{date}']));
      const docs = await fetch(`${url}/docs`);
      expect(docs.status).toBeLessThan(400);
      expect(await docs.text()).toMatch(/swagger/i);

      const created = await request(`${url}/v1/applications`, { key: home.key, body: applicationJson('P-1', { serial: 401 }) });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      expect(created.headers.get('x-request-id')).toMatch(/\S/);
      expect(created.headers.get('x-content-type-options')).toBe('nosniff');
      const view = await request(`${url}/v1/applications/P-1`, { key: home.key });
      expect(view.json).toMatchObject({ id: 'P-1', status: 'queued', queue: { number: 6, of: 6 } });
      expect((await request(`${url}/v1/applications/P-1`)).status).toBe(401);

      if (backend === 'embedded') {
        // The folder is the server's: another kezek command is told where the server is.
        const busy = kezek(['keys', 'list', '--wait', '0', ...home.args], home.env);
        expect(busy.code).toBe(1);
        expect(busy.stderr).toContain('held by kezek serve');
      }

      // Twenty registrations at once; SIGTERM as the first is answered: every one is answered and stored.
      const bodies = Array.from({ length: 20 }, (_, i) => applicationJson(`T-${i}`, { serial: 420 + i }));
      const answers = bodies.map((b) => request(`${url}/v1/applications`, { key: home.key, body: b }));
      await Promise.race(answers);
      serving.cli.child.kill('SIGTERM');
      const statuses = (await Promise.all(answers)).map((a) => a.status);
      expect(statuses).toEqual(bodies.map(() => 201));
    } finally {
      const end = await serving.stop();
      expect(end.code, end.stderr).toBe(0);
      expect(end.stdout).toContain('stopped');
    }
    // The folder (or the pool's connections) let go: a command opens it at once.
    const listed = kezek(['history', 'T-19', '--json', '--wait', '0', ...home.args], home.env);
    expect(listed.code, listed.stderr).toBe(0);
    const db = await openDatabase(backend === 'postgres' ? { databaseUrl: POSTGRES_URL, schema: home.schema, dataDir: '' } : { dataDir: join(home.home, 'pgdata') });
    try {
      const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from applications where id like 'T-%'`)) as [{ n: number }];
      expect(n).toBe(20);
    } finally {
      await db.close();
    }
  }, 120_000);

  it('what was answered 2xx is there after the process is killed at once (kill -9)', async () => {
    const serving = await startServe([...home.args, '--date', DATE], home.env);
    const created = await request(`${serving.url}/v1/applications`, { key: home.key, body: applicationJson('K-1', { serial: 471 }) });
    expect(created.status).toBe(201);
    serving.cli.child.kill('SIGKILL');
    await serving.cli.done;
    const history = kezek(['history', 'K-1', '--json', '--wait', '5', ...home.args], home.env);
    expect(history.code, history.stderr).toBe(0);
    expect(history.stdout).toContain('"to":"queued"');
  }, 120_000);
});
