import type { Database } from '../db/database.js';
import { CopyBytes, copyField } from '../codec/copy.js';
import { applicationCount, BULK_TABLES, copyApplicationRows, copyDetailRows, copyEventRows, dropForBulkLoad, finishBulkLoad } from '../db/bulk.js';
import { KezekError, UsageError } from '../errors.js';
import { settleAfterLoad, upsertDistricts, upsertKindergartens, upsertPlaces } from '../db/imports.js';
import { parseInstant } from '../domain/dates.js';
import { compareIds } from '../domain/ids.js';
import type { PlaceRecord } from '../intake/lines.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import { applicationLineRecords, districtLines, kindergartenLines, placeLines, type GenerateOptions, type GeneratedLine } from './generate.js';

export interface LoadCounts {
  districts: number;
  kindergartens: number;
  groups: number;
  seats: number;
  applications: number;
}


/**
 * Generates a data set straight into an empty database with COPY (no NDJSON
 * files, no per-line checks: the generator makes valid lines only when
 * badLines is off). For national-scale benchmarks; `kezek import` is the
 * path for real data.
 */
export async function loadGenerated(db: Database, o: GenerateOptions, batch = 10_000, chunkBytes = 1 << 20): Promise<LoadCounts> {
  if ((await applicationCount(db)) > 0) throw new UsageError('the database already has applications: load generated data into an empty one');
  const options = { ...o, badLines: false };
  const counts: LoadCounts = { districts: 0, kindergartens: 0, groups: 0, seats: 0, applications: 0 };

  await db.transaction(async (tx) => {
    const districts = [...districtLines(options)].map((l) => ({ ...JSON.parse(l), raw: JSON.parse(l) }));
    await upsertDistricts(tx, districts);
    counts.districts = districts.length;
    const kgs = [...kindergartenLines(options)].map((l) => ({ ...JSON.parse(l), raw: JSON.parse(l) }));
    for (let i = 0; i < kgs.length; i += 5000) await upsertKindergartens(tx, kgs.slice(i, i + 5000));
    counts.kindergartens = kgs.length;
    const groups = new Map<string, PlaceRecord>();
    for (const line of placeLines(options)) {
      const p = JSON.parse(line) as PlaceRecord;
      const key = `${p.kindergarten}\u0000${p.group}`;
      const g = groups.get(key);
      if (g) g.seats += p.seats;
      else groups.set(key, { ...p });
      counts.seats += p.seats;
    }
    const list = [...groups.values()];
    for (let i = 0; i < list.length; i += 10_000) await upsertPlaces(tx, list.slice(i, i + 10_000));
    counts.groups = list.length;
  });

  // The generator thread makes the next batches while this one stores the last (one
  // connection: two storing at once only fought over the two cores). One transaction for
  // all of it, as pg_restore does: the three tables' indexes and keys are dropped, the rows
  // copied in, and the indexes made again by sorting (2 M applications: the COPYs took
  // 38 s with the indexes and the district foreign key checked row by row, 20 s without,
  // plus 6.6 s to make them again). A load that fails leaves nothing behind.
  //
  // The queue's rows are stored a district at a time: each district's rows wait here
  // until about a megabyte has gathered, then go in together. A district read then
  // walks a few runs of neighbouring pages in id order, as after CLUSTER (see
  // settleAfterLoad), without the table being written twice and sorted (8.4 s at 2 M).
  const batches = applicationBatches(options, batch);
  const pending = new DistrictRows(chunkBytes);
  try {
    await db.transaction(async (tx) => {
      const deferred = await dropForBulkLoad(tx, BULK_TABLES);
      const store = (rows: Uint8Array) => copyApplicationRows(tx, rows);
      for (let b = await batches.next(); b.n > 0; b = await batches.next()) {
        let start = 0;
        for (const [district, end] of b.applicationsByDistrict) {
          const full = pending.add(district, b.applications.subarray(start, end));
          if (full) await store(full);
          start = end;
        }
        await copyDetailRows(tx, b.details);
        await copyEventRows(tx, b.events);
        counts.applications += b.n;
      }
      for (const rows of pending.rest()) await store(rows);
      await finishBulkLoad(tx, deferred, db.kind);
    });
  } finally {
    await batches.close();
  }
  await settleAfterLoad(db, false);
  return counts;
}

/** A batch of generated applications as COPY text (UTF-8 bytes) for the three tables an application goes to. */
export interface CopyBatch {
  n: number;
  /** The applications' rows, district after district: */
  applications: Uint8Array;
  /** each district and where its rows end in `applications`. */
  applicationsByDistrict: [district: string, end: number][];
  details: Uint8Array;
  events: Uint8Array;
}

/** The next `size` good applications of the generator as one COPY batch (n = 0 when none are left). */
export function nextCopyBatch(records: Iterator<GeneratedLine>, size: number): CopyBatch {
  // Rows go straight into UTF-8 bytes: no long joined strings (two-byte ones, with the
  // Cyrillic names) to build, collect and encode again on the way to the database.
  const apps = new CopyBytes(size * 320);
  const details = new CopyBytes(size * 800);
  const events = new CopyBytes(size * 64);
  // Each application row's district (a number in order of first sight) and where the row ends.
  const districtOf = new Map<string, number>();
  const rowDistrict = new Uint32Array(size);
  const rowEnd = new Uint32Array(size);
  let n = 0;
  for (; n < size; n++) {
    const r = records.next();
    if (r.done) break;
    const x = r.value.application;
    if (!x) throw new KezekError('INVARIANT_BROKEN', 'the loader takes good lines only');
    // Dates, instants and the enumerated fields come from the generator in their plain form:
    // only ids, names and free text go through the COPY escaping.
    const f = copyField;
    apps.push(
      `${f(x.id)}\t${f(x.district)}\t${x.child.birthDate}\t${x.registeredAt}\t${parseInstant(x.registeredAt)}\t${x.channel}\t${f(x.preferences)}\t` +
        `${x.acceptAnyInDistrict ? 't' : 'f'}\t${x.language}\t${x.groupType}\t${x.desiredFrom}\t${x.stopListUntil ?? '\\N'}\t${f(JSON.stringify(x.rights))}\t${x.status}\n`,
    );
    let d = districtOf.get(x.district);
    if (d === undefined) districtOf.set(x.district, (d = districtOf.size));
    rowDistrict[n] = d;
    rowEnd[n] = apps.length;
    details.push(`${f(x.id)}\t${f(x.child.iin)}\t${f(x.child.name)}\t${f(x.applicant.iin)}\t${f(x.applicant.name)}\t${f(x.applicant.relation)}\t${f(r.value.line)}\n`);
    events.push(`application\t${f(x.id)}\t\\N\t${x.status}\tgenerator\tregistered\n`);
  }
  // The rows regrouped district after district, each district's in the order made: bytes
  // moved, no text made again. `ends` is where each district's rows end, `at` where the next goes.
  const madeBytes = apps.bytes();
  const written = Buffer.from(madeBytes.buffer, madeBytes.byteOffset, madeBytes.length);
  const ends = new Uint32Array(districtOf.size);
  for (let i = 0; i < n; i++) ends[rowDistrict[i]!]! += rowEnd[i]! - (i ? rowEnd[i - 1]! : 0);
  for (let d = 1; d < ends.length; d++) ends[d]! += ends[d - 1]!;
  const at = ends.map((_, d) => (d ? ends[d - 1]! : 0));
  const grouped = Buffer.allocUnsafeSlow(apps.length);
  for (let i = 0; i < n; i++) {
    const d = rowDistrict[i]!;
    at[d]! += written.copy(grouped, at[d]!, i ? rowEnd[i - 1]! : 0, rowEnd[i]!);
  }
  const applicationsByDistrict = [...districtOf.keys()].map((district, d): [string, number] => [district, ends[d]!]);
  return { n, applications: grouped, applicationsByDistrict, details: details.bytes(), events: events.bytes() };
}

/**
 * Rows gathered per district: `add` hands a district's rows back, all together,
 * once they reach `chunkBytes`; `rest` hands back what is left, district by
 * district in byte order of district ids. Memory stays under about
 * districts × chunkBytes, whatever the size of the country.
 */
export class DistrictRows {
  private readonly rows = new Map<string, { parts: Uint8Array[]; bytes: number }>();

  constructor(private readonly chunkBytes: number) {}

  add(district: string, bytes: Uint8Array): Buffer | null {
    let r = this.rows.get(district);
    if (!r) this.rows.set(district, (r = { parts: [], bytes: 0 }));
    // A copy: a view would keep the whole batch it came from alive.
    r.parts.push(Buffer.from(bytes));
    r.bytes += bytes.length;
    if (r.bytes < this.chunkBytes) return null;
    this.rows.delete(district);
    return Buffer.concat(r.parts, r.bytes);
  }

  *rest(): Generator<Buffer> {
    for (const district of [...this.rows.keys()].sort(compareIds)) {
      const r = this.rows.get(district)!;
      this.rows.delete(district);
      yield Buffer.concat(r.parts, r.bytes);
    }
  }
}

interface Batches {
  next(): Promise<CopyBatch>;
  close(): Promise<void>;
}

/**
 * Batches made by a worker thread, up to three ahead of the consumer; in this thread
 * when the built worker file is not there (running from the TypeScript sources).
 */
function applicationBatches(options: GenerateOptions, size: number): Batches {
  const file = join(packageRoot(), 'dist', 'src', 'demo', 'load-worker.js');
  if (!existsSync(file)) {
    const records = applicationLineRecords(options)[Symbol.iterator]();
    return { next: async () => nextCopyBatch(records, size), close: async () => {} };
  }
  const worker = new Worker(file, { workerData: { options, size } });
  const waiting: { resolve: (b: CopyBatch) => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown = null;
  worker.on('message', (b: CopyBatch) => waiting.shift()?.resolve(b));
  const fail = (e: unknown) => {
    failure ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new KezekError('RUN_FAILED', `the generator thread stopped (exit code ${code})`)));
  const request = (): Promise<CopyBatch> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.push({ resolve, reject });
      worker.postMessage('next');
    });
  const ahead = [request(), request()];
  // A batch the consumer never takes must not be an unhandled rejection.
  for (const p of ahead) p.catch(() => {});
  return {
    async next() {
      // Always one more asked for: after the last batch the thread answers n = 0 to every ask.
      const p = request();
      p.catch(() => {}); // not an unhandled rejection while it waits its turn (see above)
      ahead.push(p);
      return ahead.shift()!;
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
