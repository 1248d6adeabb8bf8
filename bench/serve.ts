import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import type { Database } from '../src/db/database.js';
import { insertKey } from '../src/db/keys.js';
import { openDatabase } from '../src/db/open.js';
import { undoRuns } from '../src/db/reset.js';
import { loadGenerated } from '../src/demo/load.js';
import { makeIin } from '../src/domain/iin.js';
import { hashApiKey, newApiKey } from '../src/server/api-key.js';
import { fmt, machine } from './support.js';

/**
 * `npm run bench:serve`: the online service (`kezek serve`, as installed) on
 * PostgreSQL with 200,000 generated applications in 20 districts, measured
 * with autocannon from this process: lookups (GET /v1/applications/{id}) at
 * 500 requests/s, registrations at 100/s, and both while a nightly run of
 * those applications is in progress. Prints p50/p99 and every answer that was
 * not 2xx (during the night only RUN_IN_PROGRESS may be).
 *   --applications N  --duration S  --lookup-rate R  --register-rate R  --only lookups|registrations|night  --night-workers N
 *   --no-bursts     only the steady streams (see steadyLoad), not autocannon's per-second bursts too
 *   --night-nice N  the night's process under `nice -n N` (default 10, as the README advises where
 *                   the service and the night share a machine; 0: at the service's priority)
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const APPLICATIONS = Number(arg('--applications', '200000'));
const DURATION_S = Number(arg('--duration', '30'));
const LOOKUP_RATE = Number(arg('--lookup-rate', '500'));
const REGISTER_RATE = Number(arg('--register-rate', '100'));
const ONLY = arg('--only', '');
const NIGHT_WORKERS = Number(arg('--night-workers', '2'));
const NIGHT_NICE = Number(arg('--night-nice', '10'));
const BURSTS = !args.includes('--no-bursts');
const DB_URL = process.env.KEZEK_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `kezek_bench_serve_${APPLICATIONS}`;
const DATE = '2026-09-01';
const BIN = resolve('bin/kezek.js');

interface Setup {
  key: string;
  ids: string[];
  /** A kindergarten of each district: registrations go to every district in turn, as the portal's do. */
  kindergartens: { id: string; district: string }[];
  takenIins: Set<string>;
}

/** The data set, loaded once per size into its own schema; runs undone and earlier bench registrations removed. */
async function prepare(): Promise<Setup> {
  const db: Database = await openDatabase({ databaseUrl: DB_URL, schema: SCHEMA, dataDir: '' });
  try {
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from applications')) as [{ n: number }];
    if (n === 0) {
      const t = performance.now();
      await loadGenerated(db, { seed: 42, date: DATE, districts: Math.max(2, Math.round(APPLICATIONS / 10_000)), kindergartensPerDistrict: 50, applications: APPLICATIONS, seats: Math.round(APPLICATIONS / 10), badLines: false });
      console.log(`loaded ${fmt(APPLICATIONS)} applications into ${SCHEMA} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    // Registrations of earlier benchmarks out (their events stay: the audit trail is append-only), runs undone.
    await db.query(`delete from application_details where id like 'BENCH-%'`);
    await db.query(`delete from applications where id like 'BENCH-%'`);
    await undoRuns(db);
    const key = newApiKey();
    await insertKey(db, { name: `bench-${Date.now()}`, role: 'portal', districts: [], hash: hashApiKey(key) });
    const ids = (await db.query<{ id: string }>(`select id from applications where status = 'queued'`)).map((r) => r.id);
    const kindergartens = (await db.query<{ id: string; district: string }>(`select distinct on (district_id) id, district_id as district from kindergartens order by district_id, id`));
    const takenIins = new Set((await db.query<{ child_iin: string }>(`select child_iin from application_details`)).map((r) => r.child_iin));
    return { key, ids, kindergartens, takenIins };
  } finally {
    await db.close();
  }
}

const env = { ...process.env, DATABASE_URL: DB_URL, KEZEK_SCHEMA: SCHEMA, KEZEK_LOG_LEVEL: 'warn' };

/** `kezek serve` as installed (the launcher's own command line), on a free port. */
async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(BIN, ['serve', '--port', '0', '--date', DATE], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+?)[ ;(]/.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`kezek serve ended with ${code}`)));
  });
  return { url, child };
}

interface Measured {
  what: string;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  /** Answers that were not 2xx, by status and problem code. */
  refused: Record<string, number>;
}

type Cannon = autocannon.Instance;

type MakeRequest = () => { method: 'GET' | 'POST'; path: string; body?: string };

/** autocannon's request: the next one `request` makes, with the key; answers not 2xx counted by status and problem code. */
function requestOf(request: MakeRequest, key: string, refused: Record<string, number>): autocannon.Request {
  return {
    setupRequest: (req) => {
      const r = request();
      return { ...req, method: r.method, path: r.path, headers: { authorization: `Bearer ${key}`, ...(r.body ? { 'content-type': 'application/json' } : {}) }, ...(r.body ? { body: r.body } : {}) };
    },
    onResponse: (status, body) => {
      if (status < 300) return;
      let code = '';
      try {
        code = (JSON.parse(body) as { code?: string }).code ?? '';
      } catch {
        // Not a problem document.
      }
      refused[`${status} ${code}`.trim()] = (refused[`${status} ${code}`.trim()] ?? 0) + 1;
    },
  };
}

/** A load to offer: `rate` requests a second for `durationS`, each made by `request`, sent with `key` to `url`. */
interface Offer {
  what: string;
  url: string;
  rate: number;
  durationS: number;
  request: MakeRequest;
  key: string;
}

/** One autocannon load; `stop` ends it early (the night's length). */
function load(
  { what, url, rate, durationS, request, key }: Offer,
  /** Connections per request a second: more keep the rate offered when answers slow down (the night). */
  perRate = 1 / 25,
): { done: Promise<Measured>; stop: () => void } {
  const refused: Record<string, number> = {};
  let instance: Cannon | undefined;
  const done = new Promise<Measured>((resolveDone) => {
    instance = autocannon(
      {
        url,
        connections: Math.max(4, Math.round(rate * perRate)),
        overallRate: rate,
        duration: durationS,
        requests: [requestOf(request, key, refused)],
      },
      (err, r) => {
        if (err) throw err;
        resolveDone({
          what,
          requests: r.requests.total,
          rps: r.requests.average,
          p50: r.latency.p50,
          p90: r.latency.p90,
          p99: r.latency.p99,
          max: r.latency.max,
          errors: r.errors + r.timeouts,
          refused,
        });
      },
    );
  });
  return { done, stop: () => instance?.stop() };
}

/**
 * The same rate offered as a steady stream: autocannon's rate limit lets each connection
 * send its share of a second back to back at the start of every second (with the rate spread
 * over 20 connections, 20 requests arrive at once, then none for most of the second). Here
 * `streams` autocannon instances of one connection each take rate/streams a second, started
 * evenly across the first second, so a few requests start every few milliseconds, as a
 * portal's independent families send them. Latencies are every answer's own time (autocannon's
 * histogram under a rate adds answers it assumes were held back, with a 1 ms interval, so a
 * 50 ms answer counts 50 times).
 */
function steadyLoad({ what, url, rate, durationS, request, key }: Offer, streams: number): Promise<Measured> {
  const times: number[] = [];
  const refused: Record<string, number> = {};
  let errors = 0;
  let requests = 0;
  const one = (i: number) =>
    new Promise<void>((resolveOne) => {
      setTimeout(() => {
        const instance = autocannon(
          {
            url,
            connections: 1,
            overallRate: rate / streams,
            duration: durationS,
            requests: [requestOf(request, key, refused)],
          },
          (err, r) => {
            if (err) throw err;
            errors += r.errors + r.timeouts;
            requests += r.requests.total;
            resolveOne();
          },
        );
        (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
      }, (i * 1000) / streams);
    });
  return Promise.all(Array.from({ length: streams }, (_, i) => one(i))).then(() => {
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0);
    return { what, requests, rps: requests / durationS, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1), errors, refused };
  });
}

function report(m: Measured): void {
  const refused = Object.entries(m.refused).map(([k, v]) => `${k}: ${v}`).join(', ') || 'none';
  console.log(
    `${m.what.padEnd(34)} ${fmt(m.requests).padStart(7)} requests ${m.rps.toFixed(0).padStart(4)}/s  p50 ${m.p50} ms  p90 ${m.p90} ms  p99 ${m.p99} ms  max ${m.max} ms  errors ${m.errors}  not 2xx: ${refused}`,
  );
}

console.log(`kezek serve benchmark: ${machine()}, PostgreSQL ${DB_URL.replace(/\/\/[^@]*@/, '//')} schema ${SCHEMA}`);
const setup = await prepare();
let registered = 0;
let serial = 1000;
const registration = () => {
  let body: Record<string, unknown>;
  const kg = setup.kindergartens[registered % setup.kindergartens.length]!;
  do {
    const birthDate = `2025-0${1 + (serial % 9)}-1${serial % 10}`;
    body = {
      id: `BENCH-${Date.now()}-${registered}`,
      child: { iin: makeIin(birthDate, serial % 2 ? 'male' : 'female', serial), birthDate, name: 'Бала' },
      applicant: { iin: makeIin('1990-05-05', 'female', 1234), name: 'Ата-ана', relation: 'mother' },
      district: kg.district,
      channel: 'portal',
      preferences: [kg.id],
      language: 'kk',
      groupType: 'general',
      desiredFrom: DATE,
      rights: [],
    };
    serial++;
  } while (setup.takenIins.has((body.child as { iin: string }).iin));
  setup.takenIins.add((body.child as { iin: string }).iin);
  registered++;
  return { method: 'POST' as const, path: '/v1/applications', body: JSON.stringify(body) };
};
const lookup = () => ({ method: 'GET' as const, path: `/v1/applications/${setup.ids[Math.floor(Math.random() * setup.ids.length)]}` });

const server = await startServer();
const offer = (what: string, rate: number, durationS: number, request: MakeRequest): Offer => ({ what, url: server.url, rate, durationS, request, key: setup.key });
try {
  // The server keeps each cohort's queue in memory once asked: the first seconds read them.
  report(await load(offer(`warm-up: lookups ${LOOKUP_RATE}/s, 10 s`, LOOKUP_RATE, 10, lookup)).done);
  // Each rate as a steady stream (the goals), then as autocannon's per-second bursts (as measured before).
  if (!ONLY || ONLY === 'lookups') {
    report(await steadyLoad(offer(`lookups ${LOOKUP_RATE}/s, steady`, LOOKUP_RATE, DURATION_S, lookup), Math.max(1, Math.round(LOOKUP_RATE / 10))));
    if (BURSTS) report(await load(offer(`lookups ${LOOKUP_RATE}/s, bursts`, LOOKUP_RATE, DURATION_S, lookup)).done);
  }
  if (!ONLY || ONLY === 'registrations') {
    report(await steadyLoad(offer(`registrations ${REGISTER_RATE}/s, steady`, REGISTER_RATE, DURATION_S, registration), Math.max(1, Math.round(REGISTER_RATE / 5))));
    if (BURSTS) report(await load(offer(`registrations ${REGISTER_RATE}/s, bursts`, REGISTER_RATE, DURATION_S, registration), 1 / 5).done);
  }
  if (!ONLY || ONLY === 'night') {
    const out = mkdtempSync(join(tmpdir(), 'kezek-bench-serve-'));
    const started = performance.now();
    const allocate = [BIN, 'allocate', '--date', DATE, '--out', out, '--workers', String(NIGHT_WORKERS)];
    const [cmd, ...cmdArgs] = NIGHT_NICE > 0 ? ['nice', '-n', String(NIGHT_NICE), ...allocate] : allocate;
    const night = spawn(cmd!, cmdArgs, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    // Connections enough to keep offering the rates while answers take seconds.
    const regs = load(offer(`registrations ${REGISTER_RATE}/s, night running`, REGISTER_RATE, 600, registration), 1);
    const looks = load(offer(`lookups ${LOOKUP_RATE}/s, night running`, LOOKUP_RATE, 600, lookup), 1 / 2);
    const code = await new Promise<number | null>((r) => night.on('exit', r));
    const nightS = (performance.now() - started) / 1000;
    regs.stop();
    looks.stop();
    console.log(`nightly run of ${fmt(setup.ids.length)} queued applications (--workers ${NIGHT_WORKERS}${NIGHT_NICE > 0 ? `, nice -n ${NIGHT_NICE}` : ''}): ${nightS.toFixed(1)} s, exit code ${code}`);
    report(await regs.done);
    report(await looks.done);
    rmSync(out, { recursive: true, force: true });
  }
} finally {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.on('exit', r));
}
