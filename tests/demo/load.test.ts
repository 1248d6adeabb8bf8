import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { GenerateOptions } from '../../src/demo/generate.js';
import { loadGenerated } from '../../src/demo/load.js';
import { writeDataset } from '../../src/demo/write.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { importData, tempDir } from '../support/run-helpers.js';

const OPTIONS: GenerateOptions = { seed: 11, date: '2026-09-01', districts: 3, kindergartensPerDistrict: 4, applications: 2500, seats: 300, badLines: false };

/** What a load leaves in the tables it writes, in a fixed order, without timestamps. */
async function contents(db: Database) {
  const q = async (sql: string) => (await db.query<{ t: string }>(sql)).map((r) => r.t);
  return {
    districts: await q(`select row(id, name, region)::text as t from districts order by id collate "C"`),
    kindergartens: await q(`select row(id, district_id, name, languages)::text as t from kindergartens order by id collate "C"`),
    places: await q(`select row(kindergarten_id, group_id, birth_year, language, group_type, seats)::text as t from places order by kindergarten_id collate "C", group_id collate "C"`),
    applications: await q(
      `select row(id, district_id, child_birth_date, registered_at, registered_at_us, channel, preferences, accept_any, language, group_type,
                  desired_from, stop_list_until, rights, status)::text as t from applications order by id collate "C"`,
    ),
    details: await q(`select row(d.*)::text as t from application_details d order by id collate "C"`),
    events: await q(`select row(entity, entity_id, from_status, to_status, reason)::text as t from events order by entity_id collate "C", id`),
  };
}

describe.each(BACKENDS)('loadGenerated on %s', (backend) => {
  const imported = useDatabase(backend);
  const loaded = useDatabase(backend);
  it('leaves what importing the same generated files leaves (batches smaller than the data, made in a thread)', async () => {
    const dir = tempDir('kezek-load-');
    await writeDataset(dir, OPTIONS);
    const report = await importData(imported(), dir);
    expect(report.rejected).toBe(0);
    const counts = await loadGenerated(loaded(), OPTIONS, 700);
    expect(counts.applications).toBe(OPTIONS.applications);
    const [a, b] = [await contents(imported()), await contents(loaded())];
    expect(b.applications.length).toBe(OPTIONS.applications);
    expect(b).toEqual(a);
  });
  it('refuses a database that already has applications', async () => {
    await loadGenerated(loaded(), { ...OPTIONS, applications: 10 });
    await expect(loadGenerated(loaded(), { ...OPTIONS, applications: 10 })).rejects.toThrow(/already has applications/);
  });
});
