import { describe, expect, it } from 'vitest';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { writeFixture } from '../server/support.js';
import { importData, tempDir } from '../support/run-helpers.js';

/**
 * After an import the planner knows the children's IINs (settleAfterLoad): a registration's
 * duplicate check and the lookup by IIN read one index entry, not a parallel scan planned
 * for a thousand rows an IIN, also where autovacuum is off or has not come yet.
 */
describe.each(BACKENDS)('statistics after an import (%s)', (backend) => {
  const db = useDatabase(backend);

  it("has statistics of the children's IINs", async () => {
    const dir = tempDir('kezek-settle-');
    writeFixture(dir);
    await importData(db(), dir);
    const rows = await db().query<{ n_distinct: number }>(
      `select n_distinct from pg_stats where schemaname = current_schema() and tablename = 'application_details' and attname = 'child_iin'`,
    );
    // Every child's IIN differs: PostgreSQL writes that as -1 (all rows distinct).
    expect(rows.map((r) => Number(r.n_distinct))).toEqual([-1]);
  });
});
