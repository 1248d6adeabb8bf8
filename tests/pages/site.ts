import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { SERVE_DEFAULTS, serverState } from '../../src/server/serve.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase, type Backend } from '../support/databases.js';
import { allocate, importData, tempDir, type RunFiles } from '../support/run-helpers.js';
import { applicationJson, context } from '../server/support.js';

/** The two nights of the site fixture, and the business date the site is served at (the day after the second). */
export const NIGHT1 = '2026-09-01';
export const NIGHT2 = '2026-09-02';
export const TODAY = '2026-09-02';

const nd = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/**
 * The fixture of the page tests: two regions, three districts; in D1 a
 * Kazakh group of 2022 (2 seats) and another kindergarten with a Russian
 * group of 2023 and a special group of 2021 nobody waits for; five children
 * of 2022 in D1 (S5 with a large family's right). Night 1 refers S5 and S1;
 * then KG-1 reports a third seat and night 2 refers S2, so S3 moves from 2nd
 * to 1st and S4 from 3rd to 2nd.
 */
export async function siteFixture(db: Database): Promise<{ night1: RunFiles; night2: RunFiles }> {
  const dir = tempDir('kezek-site-');
  writeFileSync(
    join(dir, 'districts.ndjson'),
    nd([
      { id: 'D1', name: 'Медеу ауданы', region: 'Алматы' },
      { id: 'D2', name: 'Бостандық ауданы', region: 'Алматы' },
      { id: 'D3', name: 'Есіл ауданы', region: 'Астана' },
    ]),
  );
  writeFileSync(
    join(dir, 'kindergartens.ndjson'),
    nd([
      { id: 'KG-1', district: 'D1', name: '№1 «Балапан» балабақшасы', languages: ['kk'] },
      { id: 'KG-3', district: 'D1', name: 'Детский сад № 3 «Солнышко»', languages: ['ru', 'kk'] },
      { id: 'KG-2', district: 'D2', name: '№2 «Айгөлек»', languages: ['kk'] },
      { id: 'KG-4', district: 'D3', name: '№4 «Ақбота»', languages: ['kk'] },
    ]),
  );
  const places = (kg1: number) =>
    nd([
      { kindergarten: 'KG-1', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: kg1 },
      { kindergarten: 'KG-3', group: 'G2023-ru-1', birthYear: 2023, language: 'ru', groupType: 'general', seats: 4 },
      { kindergarten: 'KG-3', group: 'G2021-kk-s', birthYear: 2021, language: 'kk', groupType: 'special', seats: 1 },
      { kindergarten: 'KG-2', group: 'G2022-kk-1', birthYear: 2022, language: 'kk', groupType: 'general', seats: 2 },
    ]);
  writeFileSync(join(dir, 'places.ndjson'), places(2));
  const apps = [1, 2, 3, 4, 5].map((i) => applicationJson(`S${i}`, { serial: 100 + i, registeredAt: `2024-01-0${i}T09:00:00+05:00` }));
  apps.push(applicationJson('S6', { serial: 106, district: 'D2', registeredAt: '2024-01-06T09:00:00+05:00' }));
  (apps[4]!.rights as unknown[]).push({ category: 'large_family', document: 'ANP-5', validUntil: '2027-12-31' });
  writeFileSync(join(dir, 'applications.ndjson'), nd(apps));
  await importData(db, dir);
  const night1 = await allocate(db, NIGHT1);
  const again = tempDir('kezek-site-');
  writeFileSync(join(again, 'places.ndjson'), places(3));
  await importData(db, again);
  const night2 = await allocate(db, NIGHT2);
  // A district added after the nights: no night has been run in it.
  const later = tempDir('kezek-site-');
  writeFileSync(join(later, 'districts.ndjson'), nd([{ id: 'D4', name: 'Сарыарқа ауданы', region: 'Астана' }]));
  await importData(db, later);
  return { night1, night2 };
}

export interface Site {
  url: string;
  app: FastifyInstance;
  db: Database;
  night2: RunFiles;
  close(): Promise<void>;
}

/** The fixture served at TODAY on a listening port (one per test file). */
export async function openSite(backend: Backend = 'embedded'): Promise<Site> {
  const { db } = await openTestDatabase(backend);
  const { night2 } = await siteFixture(db);
  const state = serverState(context(), db, { ...SERVE_DEFAULTS, date: TODAY });
  const app = await buildServer(state, { rateLimitPerMinute: 10_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    night2,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
