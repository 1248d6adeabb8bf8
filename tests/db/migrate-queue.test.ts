import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { dropSchema, newSchemaName, POSTGRES_URL } from '../support/databases.js';

/** Migration 003 turns the per-child queue numbers of a database made before it into cohort rows. */
describe('migration 003 (queue numbers per cohort)', () => {
  it('keeps every stored queue number, readable through the queue_numbers view', async () => {
    const schema = newSchemaName();
    const db = await openPostgres(POSTGRES_URL, schema);
    try {
      await migrate(db, readMigrations().filter((m) => m.version <= 2));
      const rows = [
        ['ALA', '2026-09-01', 'A-3', 2021, 'general', 2, 'run-1'],
        ['ALA', '2026-09-01', 'A-1', 2021, 'extraordinary', 1, 'run-1'],
        ['ALA', '2026-09-01', 'A-2', 2022, 'primary', 1, 'run-1'],
        ['ALA', '2026-09-02', 'A-3', 2021, 'general', 1, 'run-2'],
        ['AST', '2026-09-01', 'B-1', 2021, 'primary', 1, 'run-3'],
      ] as const;
      for (const r of rows) {
        await db.query(
          `insert into queue_numbers (district_id, run_date, application_id, birth_year, category, queue_number, run_id) values ($1, $2, $3, $4, $5, $6, $7)`,
          [...r],
        );
      }
      expect(await migrate(db)).toEqual(readMigrations().filter((m) => m.version > 2).map((m) => m.version));
      const back = await db.query<{ r: string }>(
        `select concat_ws('|', district_id, run_date::text, application_id, birth_year, category, queue_number, run_id) as r from queue_numbers`,
      );
      expect(back.map((x) => x.r).sort()).toEqual(rows.map((r) => r.join('|')).sort());
      const [{ n }] = (await db.query<{ n: number }>(`select count(*)::int as n from queue_cohorts`)) as [{ n: number }];
      expect(n).toBe(4);
    } finally {
      await db.close();
      await dropSchema(schema);
    }
  });
});
