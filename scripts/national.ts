/**
 * A national-scale data set straight into a database (COPY), for benchmarks:
 *   node dist/scripts/national.js [--applications 2000000] [--districts 200] [--kindergartens-per-district 50]
 *     [--seats 200000] [--seed 42] [--date 2026-09-01]
 * into DATABASE_URL (and KEZEK_SCHEMA) when set, else the embedded database in --data-dir (default .kezek/national).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open.js';
import { loadGenerated } from '../src/demo/load.js';

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: '2000000' },
    districts: { type: 'string', default: '200' },
    'kindergartens-per-district': { type: 'string', default: '50' },
    seats: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '42' },
    date: { type: 'string', default: '2026-09-01' },
    'data-dir': { type: 'string', default: '.kezek/national' },
  },
});
const started = performance.now();
const url = process.env.DATABASE_URL?.trim() || undefined;
const db = await openDatabase({ databaseUrl: url, schema: process.env.KEZEK_SCHEMA || undefined, dataDir: join(resolve(values['data-dir']), 'pgdata') });
try {
  const counts = await loadGenerated(db, {
    seed: Number(values.seed),
    date: values.date,
    districts: Number(values.districts),
    kindergartensPerDistrict: Number(values['kindergartens-per-district']),
    applications: Number(values.applications),
    seats: Number(values.seats),
    badLines: false,
  });
  const s = (performance.now() - started) / 1000;
  console.log(
    `loaded ${counts.applications} applications, ${counts.districts} districts, ${counts.kindergartens} kindergartens, ${counts.groups} groups with ${counts.seats} seats into ${url ? 'PostgreSQL' : 'the embedded database'} in ${s.toFixed(1)} s`,
  );
} finally {
  await db.close();
}
