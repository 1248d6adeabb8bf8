import { beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/demo/write.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { allocate, importData, lines, tempDir } from '../support/run-helpers.js';

// The last night of 2026: its offers' deadline runs into 2027, whose decree on days off is not
// published yet. The run completes, and says its deadlines are provisional.
const DATE = '2026-12-31';
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('kezek-newyear-');
  await writeDataset(dataDir, { seed: 31, date: DATE, districts: 2, kindergartensPerDistrict: 4, applications: 400, seats: 60, badLines: false });
});

describe.each(BACKENDS)('a nightly run on 31 December 2026 on %s', (backend) => {
  const db = useDatabase(backend);

  it('completes; every referral is to be confirmed by the second working day of 2027, and the summary says that is provisional', async () => {
    await importData(db(), dataDir);
    const run = await allocate(db(), DATE);
    const referrals = lines(run.referrals) as { issuedOn: string; confirmBy: string }[];
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals) expect(r).toMatchObject({ issuedOn: DATE, confirmBy: '2027-01-06' });
    expect(run.summary.calendar).toEqual({ provisional: true, provisionalYears: [2027], missingNextYear: null });
  });

  it('a night in September 2026 has final deadlines', async () => {
    await importData(db(), dataDir);
    const run = await allocate(db(), '2026-09-01');
    expect(run.summary.calendar).toEqual({ provisional: false, provisionalYears: [], missingNextYear: null });
  });
});
