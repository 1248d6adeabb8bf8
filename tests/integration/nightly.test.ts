import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/demo/write.js';
import { BACKENDS, POSTGRES_URL, openTestDatabase, dropSchema, useDatabase } from '../support/databases.js';
import { allocate, importData, lines, tempDir } from '../support/run-helpers.js';

const DATE = '2026-09-01';
let dataDir: string;
let badLines: number;

beforeAll(async () => {
  dataDir = tempDir('kezek-data-');
  const counts = await writeDataset(dataDir, {
    seed: 7,
    date: DATE,
    districts: 3,
    kindergartensPerDistrict: 6,
    applications: 1500,
    seats: 300,
    badLines: true,
  });
  badLines = counts.badLines;
});

interface ReferralLine {
  referral: string;
  application: string;
  district: string;
  kindergarten: string;
  group: string;
  preferenceRank: number;
  confirmBy: string;
}

describe.each(BACKENDS)('import → allocate on %s', (backend) => {
  const db = useDatabase(backend);

  it('rejects exactly the bad lines, with line numbers, and keeps every good line', async () => {
    const rejectsPath = join(tempDir(), 'rejects.ndjson');
    const { importFolder } = await import('../../src/importing/import-folder.js');
    const { silent, shippedRules } = await import('../support/run-helpers.js');
    const report = await importFolder(db(), dataDir, { rejectsPath, actor: 'test', rules: shippedRules(), log: silent, date: '2026-09-01' });
    expect(report.rejected).toBe(badLines);
    const rejects = lines(readFileSync(rejectsPath, 'utf8')) as { file: string; line: number; reason: string }[];
    expect(rejects).toHaveLength(badLines);
    for (const r of rejects) {
      expect(r.line).toBeGreaterThan(0);
      expect(r.reason).toMatch(/^[a-z_0-9]+$/);
    }
    const apps = report.files.find((f) => f.file === 'applications.ndjson')!;
    const [{ n }] = await db().query<{ n: number }>('select count(*)::int as n from applications');
    expect(n).toBe(apps.imported);
    expect(apps.imported + apps.rejected).toBe(apps.lines);
  });

  it('issues referrals within the seats, stores them with their events, and takes the seats', async () => {
    await importData(db(), dataDir);
    const [{ seats: before }] = await db().query<{ seats: number }>('select coalesce(sum(free_seats), 0)::int as seats from places_free');
    const groupSeats = new Map(
      (await db().query<{ k: string; seats: number }>(`select kindergarten_id || '/' || group_id as k, free_seats as seats from places_free`)).map((r) => [r.k, r.seats]),
    );
    const out = await allocate(db(), DATE);
    const referrals = lines(out.referrals) as ReferralLine[];
    expect(referrals.length).toBeGreaterThan(0);
    expect(out.summary.totals.referrals).toBe(referrals.length);

    // Invariant 1: no group over its seats, no application twice.
    const perGroup = new Map<string, number>();
    for (const r of referrals) perGroup.set(`${r.kindergarten}/${r.group}`, (perGroup.get(`${r.kindergarten}/${r.group}`) ?? 0) + 1);
    for (const [k, n] of perGroup) expect(n).toBeLessThanOrEqual(groupSeats.get(k) ?? 0);
    expect(new Set(referrals.map((r) => r.application)).size).toBe(referrals.length);

    // 2026-09-01 is a Tuesday: two working days later is Thursday.
    expect(new Set(referrals.map((r) => r.confirmBy))).toEqual(new Set(['2026-09-03']));

    const stored = await db().query<{ id: string; status: string }>(
      `select r.id, a.status from referrals r join applications a on a.id = r.application_id order by r.id`,
    );
    expect(stored.map((r) => r.id)).toEqual(referrals.map((r) => r.referral).sort());
    expect(new Set(stored.map((r) => r.status))).toEqual(new Set(['offered']));
    const [{ seats: after }] = await db().query<{ seats: number }>('select coalesce(sum(free_seats), 0)::int as seats from places_free');
    expect(after).toBe(before - referrals.length);
    const [{ n: events }] = await db().query<{ n: number }>(
      `select count(*)::int as n from events where entity = 'referral' and to_status = 'offered'`,
    );
    expect(events).toBe(referrals.length);
    const queue = lines(out.queue) as { application: string }[];
    const [{ n: numbers }] = await db().query<{ n: number }>('select count(*)::int as n from queue_numbers');
    expect(numbers).toBe(queue.length);
  });

  it('a second run for the same date issues nothing new and writes the same files', async () => {
    await importData(db(), dataDir);
    const first = await allocate(db(), DATE);
    const [{ n: before }] = await db().query<{ n: number }>('select count(*)::int as n from referrals');
    const second = await allocate(db(), DATE);
    const [{ n: after }] = await db().query<{ n: number }>('select count(*)::int as n from referrals');
    expect(after).toBe(before);
    expect(second.referrals).toBe(first.referrals);
    expect(second.queue).toBe(first.queue);
    expect(second.refusals).toBe(first.refusals);
    expect(second.summary.districts.every((d) => d.resumed)).toBe(true);
    expect(second.summary.totals).toEqual(first.summary.totals);
  });

  it('a dry run writes the same files as the real run and stores nothing', async () => {
    await importData(db(), dataDir);
    const dry = await allocate(db(), DATE, { dryRun: true });
    for (const table of ['runs', 'referrals', 'queue_numbers', 'run_districts']) {
      const [{ n }] = await db().query<{ n: number }>(`select count(*)::int as n from ${table}`);
      expect(n, table).toBe(0);
    }
    const real = await allocate(db(), DATE);
    expect(dry.referrals).toBe(real.referrals);
    expect(dry.queue).toBe(real.queue);
    expect(dry.refusals).toBe(real.refusals);
  });

  it('gives byte-identical outputs with one worker and with two', async () => {
    await importData(db(), dataDir);
    const one = await allocate(db(), DATE, { dryRun: true, workers: 1 });
    const two = await allocate(db(), DATE, { dryRun: true, workers: 2 });
    expect(two.referrals).toBe(one.referrals);
    expect(two.queue).toBe(one.queue);
    expect(two.refusals).toBe(one.refusals);
  });

  it('gives byte-identical outputs with either rules engine', async () => {
    await importData(db(), dataDir);
    const compiled = await allocate(db(), DATE, { dryRun: true, engine: 'compiled' });
    const reference = await allocate(db(), DATE, { dryRun: true, engine: 'reference' });
    expect(compiled.summary.engine).toBe('compiled');
    expect(reference.summary.engine).toBe('reference');
    expect(reference.referrals).toBe(compiled.referrals);
    expect(reference.queue).toBe(compiled.queue);
    expect(reference.refusals).toBe(compiled.refusals);
  });

  it('allocates only the districts asked for', async () => {
    await importData(db(), dataDir);
    const all = await allocate(db(), DATE, { dryRun: true });
    const district = all.summary.districts[1]!.district;
    const one = await allocate(db(), DATE, { districts: [district] });
    expect(one.summary.districts.map((d) => d.district)).toEqual([district]);
    const expected = (lines(all.referrals) as ReferralLine[]).filter((r) => r.district === district);
    expect(lines(one.referrals)).toEqual(expected);
  });
});

describe('workers with their own PostgreSQL connections', () => {
  const db = useDatabase('postgres');
  it('store and write exactly what a single-threaded run does', async () => {
    await importData(db(), dataDir);
    const single = await allocate(db(), DATE, { dryRun: true, workers: 1 });
    const parallel = await allocate(db(), DATE, { workers: 2, connection: { url: POSTGRES_URL, schema: db.schema() } });
    expect(parallel.referrals).toBe(single.referrals);
    expect(parallel.queue).toBe(single.queue);
    expect(parallel.refusals).toBe(single.refusals);
    const [{ n }] = await db().query<{ n: number }>('select count(*)::int as n from run_districts');
    expect(n).toBe(parallel.summary.districts.length);
    const [{ r }] = await db().query<{ r: number }>('select count(*)::int as r from referrals');
    expect(r).toBe(lines(parallel.referrals).length);
  });
});

describe('both databases', () => {
  it('give byte-identical run folders for the same data and date', async () => {
    const outputs = [];
    for (const backend of BACKENDS) {
      const { db, schema } = await openTestDatabase(backend);
      try {
        await importData(db, dataDir);
        outputs.push(await allocate(db, DATE));
      } finally {
        await db.close();
        if (backend === 'postgres') await dropSchema(schema);
      }
    }
    const [embedded, postgres] = outputs;
    expect(embedded!.referrals.length).toBeGreaterThan(0);
    expect(postgres!.referrals).toBe(embedded!.referrals);
    expect(postgres!.queue).toBe(embedded!.queue);
    expect(postgres!.refusals).toBe(embedded!.refusals);
    expect(postgres!.summary.inputHash).toBe(embedded!.summary.inputHash);
  });
});
