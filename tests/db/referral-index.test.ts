import { describe, expect, it } from 'vitest';
import { BACKENDS, useDatabase } from '../support/databases.js';

/** The schema itself keeps at most one live referral per application, whatever the code does. */
describe.each(BACKENDS)('referrals of one application (%s)', (backend) => {
  const db = useDatabase(backend);
  const insert = (id: string, status: string) =>
    db().query(
      `insert into referrals (id, run_id, run_date, seq, application_id, district_id, birth_year, kindergarten_id, group_id,
                              category, rights, preference_rank, issued_on, confirm_by, status)
       values ($1, 'run-1', '2026-09-01', 1, 'APP-1', 'D1', 2021, 'KG-1', 'G-1', 'general', '{}', 1, '2026-09-01', '2026-09-04', $2)`,
      [id, status],
    );
  const code = (p: Promise<unknown>) => p.then(() => 'stored', (e: { code?: string }) => e.code);

  it('refuses a second live one (offered or confirmed), takes any number of closed ones', async () => {
    await insert('R-1', 'offered');
    expect(await code(insert('R-2', 'offered'))).toBe('23505');
    expect(await code(insert('R-2', 'confirmed'))).toBe('23505');
    expect(await code(insert('R-3', 'lapsed'))).toBe('stored');
    expect(await code(insert('R-4', 'declined'))).toBe('stored');
    // Closing the live one frees the place for the next offer; confirming keeps it taken.
    await db().query(`update referrals set status = 'lapsed' where id = 'R-1'`);
    expect(await code(insert('R-5', 'offered'))).toBe('stored');
    await db().query(`update referrals set status = 'confirmed' where id = 'R-5'`);
    expect(await code(insert('R-6', 'offered'))).toBe('23505');
    expect(await code(db().query(`update referrals set status = 'offered' where id = 'R-3'`))).toBe('23505');
    const ids = await db().query<{ id: string }>(`select id from referrals where application_id = 'APP-1' order by id`);
    expect(ids.map((r) => r.id)).toEqual(['R-1', 'R-3', 'R-4', 'R-5']);
  });
});
