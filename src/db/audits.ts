import type { DistrictAudit } from '../audit/invariants.js';
import type { DistrictNumbers } from '../audit/numbers.js';
import type { Queryable } from './database.js';

/** A district's audit and numbers, stored with its night (migration 012). */
export async function storeDistrictAudit(q: Queryable, date: string, district: string, audit: DistrictAudit, numbers: DistrictNumbers): Promise<void> {
  await q.query(`insert into district_audits (run_date, district_id, audit, numbers) values ($1, $2, $3, $4)`, [date, district, JSON.stringify(audit), JSON.stringify(numbers)]);
}

/** What the district's night stored (read back on a re-run), or null for a night before audits were kept. */
export async function readDistrictAudit(q: Queryable, date: string, district: string): Promise<{ audit: DistrictAudit; numbers: DistrictNumbers } | null> {
  const [r] = await q.query<{ audit: DistrictAudit; numbers: DistrictNumbers }>(`select audit, numbers from district_audits where run_date = $1 and district_id = $2`, [date, district]);
  return r ? { audit: reorder(r.audit), numbers: r.numbers } : null;
}

/** jsonb keeps no key order: the audit's keys in the order the run writes them, so a re-run writes the same audit.json. */
function reorder(a: DistrictAudit): DistrictAudit {
  const inv = (x: DistrictAudit['capacity']) => ({ invariant: x.invariant, held: x.held, checked: x.checked, counterexample: x.counterexample });
  return { district: a.district, capacity: inv(a.capacity), oneReferral: inv(a.oneReferral), noEnvy: inv(a.noEnvy), noWaste: inv(a.noWaste), quota: inv(a.quota), nothingLost: inv(a.nothingLost) };
}

/** Every district's audit of a stored night, in district order (for GET /v1/runs/{date}/audit). */
export async function nightAudits(q: Queryable, date: string): Promise<{ audit: DistrictAudit; numbers: DistrictNumbers }[]> {
  const rows = await q.query<{ audit: DistrictAudit; numbers: DistrictNumbers }>(
    `select audit, numbers from district_audits where run_date = $1 order by district_id collate "C"`,
    [date],
  );
  return rows.map((r) => ({ audit: reorder(r.audit), numbers: r.numbers }));
}

/** The referrals a night issued, per district and kindergarten (the run report's places given), for the districts asked (all when none). */
export async function nightReferralsByKindergarten(q: Queryable, date: string, districts: readonly string[] = []): Promise<{ district: string; kindergarten: string; referrals: number }[]> {
  return q.query<{ district: string; kindergarten: string; referrals: number }>(
    `select district_id as district, kindergarten_id as kindergarten, count(*)::int as referrals
       from referrals
      where run_date = $1 and (cardinality($2::text[]) = 0 or district_id = any($2::text[]))
      group by district_id, kindergarten_id`,
    [date, districts],
  );
}
