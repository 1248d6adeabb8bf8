import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/db/open.js';
import { undoRuns } from '../src/db/reset.js';
import { writeDataset } from '../src/demo/write.js';
import { fmt } from './support.js';

/**
 * `npm run bench:import`: `kezek import` of formats.md's NDJSON as a
 * department gives it (with bad lines), against the floor of COPY of the same
 * file's lines into a one-column table, measured in the same run:
 *   first import into an empty PostgreSQL schema, the night right after it
 *   (`kezek allocate --workers 2`) against pg_dump of the schema, the same
 *   file again (nothing changed), a file with 5 % of its lines changed, and a
 *   first import into the embedded database. Wall time and peak RSS of each
 *   command as a separate process (GNU time), and where the import's time
 *   went (its debug log).
 *
 *   --applications N   size (default 2,000,000)   --only postgres|embedded   --skip-night
 */
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const N = Number(opt('--applications') ?? 2_000_000);
const only = opt('--only');
const skipNight = args.includes('--skip-night');
const DATE = '2026-09-01';
const URL = process.env.KEZEK_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = resolve('bin/kezek.js');
const root = resolve('.kezek', `bench-import-${N}`);
const data = join(root, 'data');
const changed = join(root, 'changed');
const SCHEMA = `kezek_bench_import_${N}`;

interface Measured {
  wallS: number;
  rssMb: number;
  phases: string[];
}

/** The data folder (made once, kept for the next runs), and a copy of it with every 20th application changed. */
async function prepareFiles(): Promise<void> {
  if (!existsSync(join(data, 'applications.ndjson'))) {
    const t = performance.now();
    const districts = Math.max(4, Math.round(N / 10_000));
    await writeDataset(data, { seed: 42, date: DATE, districts, kindergartensPerDistrict: 50, applications: N, seats: Math.round(N / 10), badLines: true });
    console.log(`wrote ${fmt(N)} applications in ${districts} districts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (!existsSync(join(changed, 'applications.ndjson'))) {
    mkdirSync(changed, { recursive: true });
    for (const f of ['districts.ndjson', 'kindergartens.ndjson', 'places.ndjson']) symlinkSync(join(data, f), join(changed, f));
    const out = createWriteStream(join(changed, 'applications.ndjson'));
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(join(data, 'applications.ndjson')) })) {
      // 5 %: a new language and the preferences reversed (what a department's correction looks like).
      let text = line;
      if (++n % 20 === 0) {
        try {
          const app = JSON.parse(line) as { language?: string; preferences?: unknown };
          text = JSON.stringify({ ...app, language: app.language === 'kk' ? 'ru' : 'kk', preferences: Array.isArray(app.preferences) ? [...app.preferences].reverse() : app.preferences });
        } catch {
          // a deliberately bad line stays as it is
        }
      }
      if (!out.write(text + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The floor: the file's lines copied as they are into a one-column table (no parsing, no checks). */
async function copyFloor(): Promise<number> {
  return admin(async (c) => {
    await c.query(`drop schema if exists kezek_bench_copy cascade; create schema kezek_bench_copy; create table kezek_bench_copy.lines (line text)`);
    const t = performance.now();
    // CSV with delimiter and quote bytes that never occur in the file: each line lands whole, backslashes and all.
    await pipeline(createReadStream(join(data, 'applications.ndjson')), c.query(copyFrom(`copy kezek_bench_copy.lines from stdin (format csv, delimiter e'\\x01', quote e'\\x02')`)));
    const s = (performance.now() - t) / 1000;
    await c.query('drop schema kezek_bench_copy cascade');
    return s;
  });
}

function run(cmd: string[], env: Record<string, string>): Measured {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'KEZEK_RSS_KB=%M', ...cmd], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallS = (performance.now() - t) / 1000;
  // exit 3: lines were rejected (the data set has bad lines on purpose)
  if (r.status !== 0 && r.status !== 3) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = /KEZEK_RSS_KB=(\d+)/.exec(r.stderr);
  const phases = r.stderr
    .split('\n')
    .filter((l) => l.includes('"import phase"') && l.includes('applications.ndjson'))
    .map((l) => JSON.parse(l) as { phase: string; ms: number })
    .map((p) => `${p.phase} ${(p.ms / 1000).toFixed(1)} s`);
  return { wallS, rssMb: rss ? Number(rss[1]) / 1024 : NaN, phases };
}

function importCmd(dir: string, extra: string[]): string[] {
  return [BIN, 'import', dir, '--rejects', join(root, 'rejects.ndjson'), '--log-level', 'debug', ...extra];
}

function say(what: string, m: Measured, floor?: number): void {
  const ratio = floor ? `, ${(m.wallS / floor).toFixed(2)}× the COPY floor` : '';
  console.log(`${what}: ${m.wallS.toFixed(1)} s (${fmt(N / m.wallS)} applications/s${ratio}), peak RSS ${m.rssMb.toFixed(0)} MB`);
  if (m.phases.length) console.log(`  applications.ndjson: ${m.phases.join(', ')}`);
}

console.log(`kezek bench:import, ${fmt(N)} applications, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
await prepareFiles();
const bytes = readFileSync(join(data, 'applications.ndjson')).length;
console.log(`applications.ndjson: ${(bytes / 1e6).toFixed(0)} MB`);

if (only !== 'embedded') {
  const floor = await copyFloor();
  console.log(`COPY floor (the file's lines into a one-column table): ${floor.toFixed(1)} s`);
  await admin((c) => c.query(`drop schema if exists ${SCHEMA} cascade`));
  const env = { DATABASE_URL: URL, KEZEK_SCHEMA: SCHEMA };
  const first = run(importCmd(data, []), env);
  say('postgres, first import', first, floor);
  if (!skipNight) {
    const out = mkdtempSync(join(tmpdir(), 'kezek-bench-import-'));
    const night = run([BIN, 'allocate', '--date', DATE, '--out', out, '--workers', '2'], env);
    const t = performance.now();
    const dump = spawnSync('pg_dump', ['--dbname', URL, '--schema', SCHEMA, '--file', '/dev/null'], { encoding: 'utf8' });
    const dumpS = (performance.now() - t) / 1000;
    if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr}`);
    console.log(
      `the night right after the import (allocate --workers 2): ${night.wallS.toFixed(1)} s, peak RSS ${night.rssMb.toFixed(0)} MB; pg_dump of the schema ${dumpS.toFixed(1)} s: ${(night.wallS / dumpS).toFixed(2)}× pg_dump`,
    );
    rmSync(out, { recursive: true, force: true });
    const db = await openDatabase({ databaseUrl: URL, schema: SCHEMA, dataDir: '' });
    try {
      await undoRuns(db);
    } finally {
      await db.close();
    }
  }
  say('postgres, the same file again (nothing changed)', run(importCmd(data, []), env), floor);
  say('postgres, 5 % of the lines changed', run(importCmd(changed, []), env), floor);
  await admin((c) => c.query(`drop schema if exists ${SCHEMA} cascade`));
}

if (only !== 'postgres') {
  const dir = join(root, 'embedded');
  rmSync(dir, { recursive: true, force: true });
  say('embedded, first import', run(importCmd(data, ['--data-dir', dir]), { DATABASE_URL: '' }));
  rmSync(dir, { recursive: true, force: true });
}
