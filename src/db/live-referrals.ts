/**
 * The live referrals (offered or confirmed) of the groups in `from` (a CTE with
 * kindergarten_id, group_id), counted per group: found through the groups'
 * districts (the index on referrals by district and status), not a scan.
 */
export const LIVE_BY_GROUP = (from: string) => `select r.kindergarten_id, r.group_id, count(*)::int as n
  from referrals r
 where r.district_id in (select k.district_id from kindergartens k where k.id in (select kindergarten_id from ${from}))
   and r.status in ('offered', 'confirmed')
   and (r.kindergarten_id, r.group_id) in (select kindergarten_id, group_id from ${from})
 group by r.kindergarten_id, r.group_id`;

