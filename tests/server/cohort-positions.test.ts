import { describe, expect, it } from 'vitest';
import { queuedCohort } from '../../src/db/queue.js';
import { loadGenerated } from '../../src/demo/load.js';
import { positionOf } from '../../src/online/position.js';
import { fastestEvaluator } from '../../src/rules/engine.js';
import { cohortPositions } from '../../src/server/cohort-positions.js';
import { useDatabase } from '../support/databases.js';
import { shippedRules } from '../support/run-helpers.js';

const rules = shippedRules();
const evaluator = fastestEvaluator(rules);

describe('the cohort table of the online service against positionOf', () => {
  const db = useDatabase('embedded');

  it('gives every queued application of every cohort exactly what positionOf gives it, at several dates', async () => {
    // Generated queues: priority rights (some expired), refusals for age, later start dates, stop lists.
    await loadGenerated(db(), { seed: 11, date: '2026-09-01', districts: 2, kindergartensPerDistrict: 3, applications: 500, seats: 50, badLines: false });
    await db().query(`update applications set stop_list_until = '2026-09-05' where id in (select id from applications where status = 'queued' order by id limit 12)`);
    const cohorts = await db().query<{ district_id: string; y: number }>(
      `select distinct district_id, extract(year from child_birth_date)::int as y from applications where status = 'queued' order by 1, 2`,
    );
    const states = new Map<string, number>();
    for (const date of ['2026-09-01', '2026-09-06', '2027-03-01']) {
      for (const c of cohorts) {
        const apps = await queuedCohort(db(), c.district_id, c.y);
        const table = await cohortPositions(apps, evaluator, rules.parameters.primaryQuota, date);
        expect([...table.keys()].sort()).toEqual(apps.map((a) => a.id).sort());
        for (const a of apps) {
          const expected = await positionOf(db(), rules, evaluator, a.id, date);
          expect(table.get(a.id), `${a.id} at ${date}`).toEqual(expected);
          states.set(expected.state, (states.get(expected.state) ?? 0) + 1);
        }
      }
    }
    // The comparison covered every kind of answer.
    expect([...states.keys()].sort()).toEqual(['queued', 'refused', 'waiting']);
  }, 120_000);
});
