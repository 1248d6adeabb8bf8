import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../src/db/open.js';
import { undoRuns } from '../src/db/reset.js';
import { loadGenerated } from '../src/demo/load.js';
import { fmt } from './support.js';

const DATE = '2026-09-01';
const URL = process.env.KEZEK_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = resolve('bin/kezek.js');

export interface EndToEnd {
  backend: 'postgres' | 'embedded';
  applications: number;
  workers: number;
  wallS: number;
  perSec: number;
  peakRssMb: number;
  referrals: number;
  loadS: number | null;
}

/** The database for a data set size: loaded once (timed), then reused with its runs undone. */
async function prepare(backend: 'postgres' | 'embedded', applications: number): Promise<{ env: Record<string, string>; args: string[]; loadS: number | null }> {
  const districts = Math.max(4, Math.round(applications / 10_000));
  const name = `kezek_bench_${applications}`;
  const dataDir = resolve('.kezek', name);
  const config = backend === 'postgres' ? { databaseUrl: URL, schema: name, dataDir: '' } : { dataDir: join(dataDir, 'pgdata') };
  const db = await openDatabase(config);
  let loadS: number | null = null;
  try {
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from applications')) as [{ n: number }];
    if (n === 0) {
      const t = performance.now();
      await loadGenerated(db, { seed: 42, date: DATE, districts, kindergartensPerDistrict: 50, applications, seats: Math.round(applications / 10), badLines: false });
      loadS = (performance.now() - t) / 1000;
      console.log(`loaded ${fmt(applications)} applications in ${districts} districts into ${backend} in ${loadS.toFixed(1)} s`);
    }
    await undoRuns(db);
  } finally {
    await db.close();
  }
  return backend === 'postgres'
    ? { env: { DATABASE_URL: URL, KEZEK_SCHEMA: name }, args: [], loadS }
    : { env: { DATABASE_URL: '' }, args: ['--data-dir', dataDir], loadS };
}

/** One full nightly run as a separate process: wall time and peak RSS (GNU time). */
export async function benchEndToEnd(backend: 'postgres' | 'embedded', applications: number, workers: number): Promise<EndToEnd> {
  const { env, args, loadS } = await prepare(backend, applications);
  const out = mkdtempSync(join(tmpdir(), 'kezek-bench-'));
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  // Run as installed (`npx kezek`): through the launcher's own line, with its V8 flag.
  const cmd = [BIN, 'allocate', '--date', DATE, '--out', out, '--workers', String(workers), ...args];
  const started = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'KEZEK_RSS_KB=%M', ...cmd], { env: { ...process.env, ...env }, encoding: 'utf8' })
    : spawnSync(cmd[0]!, cmd.slice(1), { env: { ...process.env, ...env }, encoding: 'utf8' });
  const wallS = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`allocate failed: ${r.stderr}`);
  const rss = /KEZEK_RSS_KB=(\d+)/.exec(r.stderr ?? '');
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { totals: { queued: number; referrals: number } };
  const result: EndToEnd = {
    backend,
    applications,
    workers,
    wallS,
    perSec: summary.totals.queued / wallS,
    peakRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    referrals: summary.totals.referrals,
    loadS,
  };
  console.log(
    `end to end, ${backend}, ${fmt(applications)} applications, --workers ${workers}: ${wallS.toFixed(1)} s, ${fmt(result.perSec)} applications/s, peak RSS ${result.peakRssMb.toFixed(0)} MB, ${fmt(result.referrals)} referrals`,
  );
  return result;
}
