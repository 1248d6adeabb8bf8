import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { KezekContext } from '../../src/context.js';
import type { Database, Queryable } from '../../src/db/database.js';
import { insertKey, type KeyRole } from '../../src/db/keys.js';
import { makeIin } from '../../src/domain/iin.js';
import { createLogger } from '../../src/log.js';
import { hashApiKey, newApiKey } from '../../src/server/api-key.js';
import { buildServer } from '../../src/server/app.js';
import type { ServerState } from '../../src/server/request-context.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import { useDatabase, type Backend } from '../support/databases.js';
import { importData, tempDir } from '../support/run-helpers.js';

/** The business date the fixture is made for (a Tuesday). */
export const DATE = '2026-09-01';

export const context = (): KezekContext => new KezekContext(resolveConfig({ rulesDir: 'rules', logLevel: 'silent' }, {}), createLogger({ level: 'silent' }));

/** A fixture application's JSON (formats.md); the child's IIN made from its birth date and serial. */
export function applicationJson(id: string, o: { serial: number; district?: string; kindergarten?: string; birthDate?: string; registeredAt?: string; extra?: Record<string, unknown> }): Record<string, unknown> {
  const birthDate = o.birthDate ?? '2022-03-10';
  const district = o.district ?? 'D1';
  return {
    id,
    child: { iin: makeIin(birthDate, o.serial % 2 ? 'male' : 'female', o.serial), birthDate, name: `Бала ${id}` },
    applicant: { iin: makeIin('1990-05-05', 'female', 7000 + (o.serial % 1000)), name: `Ата-ана ${id}`, relation: 'mother' },
    district,
    ...(o.registeredAt ? { registeredAt: o.registeredAt } : {}),
    channel: 'portal',
    preferences: [o.kindergarten ?? (district === 'D1' ? 'KG-1' : 'KG-2')],
    acceptAnyInDistrict: false,
    language: 'kk',
    groupType: 'general',
    desiredFrom: '2026-01-01',
    rights: [],
    ...(o.extra ?? {}),
  };
}

/**
 * Two districts: D1 (KG-1, a group of 2 seats for 2022, kk) with five queued
 * applications S1..S5, and D2 (KG-2, 2 seats) with one, S6.
 */
export function writeFixture(dir: string): void {
  const nd = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dir, 'districts.ndjson'), nd([{ id: 'D1', name: 'Бірінші ауданы' }, { id: 'D2', name: 'Екінші ауданы' }]));
  writeFileSync(
    join(dir, 'kindergartens.ndjson'),
    nd([
      { id: 'KG-1', district: 'D1', name: '№1 Балапан', languages: ['kk'] },
      { id: 'KG-2', district: 'D2', name: '№2 Айгөлек', languages: ['kk'] },
    ]),
  );
  writeFileSync(
    join(dir, 'places.ndjson'),
    nd([
      { kindergarten: 'KG-1', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: 2 },
      { kindergarten: 'KG-2', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: 2 },
    ]),
  );
  const apps = [1, 2, 3, 4, 5].map((i) => applicationJson(`S${i}`, { serial: 100 + i, registeredAt: `2024-01-0${i}T09:00:00+05:00` }));
  apps.push(applicationJson('S6', { serial: 106, district: 'D2', registeredAt: '2024-01-06T09:00:00+05:00' }));
  // A priority right: S5 is primary, so it comes before S2..S4 (1 primary per 3 general).
  (apps[4]!.rights as unknown[]).push({ category: 'large_family', document: 'ANP-5', validUntil: '2027-12-31' });
  writeFileSync(join(dir, 'applications.ndjson'), nd(apps));
}

/** Makes a key straight in the database, as `kezek keys create` does; returns it. */
export async function makeKey(db: Database, name: string, role: KeyRole, districts: string[] = []): Promise<string> {
  const key = newApiKey();
  await insertKey(db, { name, role, districts, hash: hashApiKey(key) });
  return key;
}

export interface Keys {
  portal: string;
  office: string;
  operator: string;
  policy: string;
  /** An office limited to D2. */
  officeD2: string;
  /** An operator limited to D2. */
  operatorD2: string;
}

export async function makeKeys(db: Database): Promise<Keys> {
  return {
    portal: await makeKey(db, 'portal', 'portal'),
    office: await makeKey(db, 'office', 'office'),
    operator: await makeKey(db, 'operator', 'operator'),
    policy: await makeKey(db, 'policy', 'policy'),
    officeD2: await makeKey(db, 'office-d2', 'office', ['D2']),
    operatorD2: await makeKey(db, 'operator-d2', 'operator', ['D2']),
  };
}

export interface TestServer {
  app: FastifyInstance;
  state: ServerState;
  db: () => Database;
  keys: Keys;
  /** Every statement the service sent to the database (its text), in order; empty it to count from a moment on. */
  sent: string[];
  /** A request through `app.inject`, with the key (if any) as a bearer token. */
  call(method: string, url: string, o?: { key?: string | undefined; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/** For each test: a fresh database with the fixture, its keys, and the service on it (not listening). */
export function useServer(backend: Backend, o: { date?: string; runWaitMs?: number; runWaiters?: number; rateLimitPerMinute?: number; cohortCheckEveryMs?: number } = {}): () => TestServer {
  const db = useDatabase(backend);
  let current: TestServer | undefined;
  beforeEach(async () => {
    const dir = tempDir('kezek-server-');
    writeFixture(dir);
    await importData(db(), dir);
    const keys = await makeKeys(db());
    const sent: string[] = [];
    const state = serverState(context(), recording(db(), sent), {
      ...SERVE_DEFAULTS,
      date: o.date ?? DATE,
      runWaitMs: o.runWaitMs ?? SERVE_DEFAULTS.runWaitMs,
      runWaiters: o.runWaiters ?? SERVE_DEFAULTS.runWaiters,
      cohortCheckEveryMs: o.cohortCheckEveryMs ?? SERVE_DEFAULTS.cohortCheckEveryMs,
    });
    const app = await buildServer(state, { rateLimitPerMinute: o.rateLimitPerMinute ?? SERVE_DEFAULTS.rateLimitPerMinute });
    await app.ready();
    current = {
      app,
      state,
      db,
      keys,
      sent,
      call: (method, url, c = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { ...(c.key ? { authorization: `Bearer ${c.key}` } : {}), ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(c.headers ?? {}) },
          ...(c.body !== undefined ? { payload: typeof c.body === 'string' ? c.body : JSON.stringify(c.body) } : {}),
        }),
    };
  });
  afterEach(async () => {
    await current?.app.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no test server');
    return current;
  };
}

/** The database with every statement's text noted in `sent` (in transactions and sessions too). */
function recording(db: Database, sent: string[]): Database {
  const on = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      sent.push(sql);
      return q.query(sql, params);
    },
    copyIn: (table, columns, text) => q.copyIn(table, columns, text),
    copyOut: (sql) => q.copyOut(sql),
  });
  return {
    ...on(db),
    kind: db.kind,
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    session: (fn) => db.session((q) => fn(on(q))),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
}

export const json = <T = Record<string, unknown>>(r: LightMyRequestResponse): T => JSON.parse(r.body) as T;
