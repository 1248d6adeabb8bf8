import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateDistrict } from '../../src/allocation/allocate.js';
import { copyText } from '../../src/codec/copy.js';
import { writeDataset } from '../../src/demo/write.js';
import { isKezekError } from '../../src/errors.js';
import { computeDistrict } from '../../src/nightly/compute.js';
import { RuleEngines } from '../../src/rules/engine.js';
import { BACKENDS, useDatabase } from '../support/databases.js';
import { importData, shippedRules, tempDir } from '../support/run-helpers.js';

const DATE = '2026-09-01';
let dataDir: string;
beforeAll(async () => {
  dataDir = tempDir('kezek-audit-');
  await writeDataset(dataDir, { seed: 44, date: DATE, districts: 3, kindergartensPerDistrict: 5, applications: 900, seats: 160, badLines: false });
});

describe.each(BACKENDS)('the fairness audit in every run on %s', (backend) => {
  const db = useDatabase(backend);

  it('writes audit.json: every district and the night hold every invariant, with what each checked; the numbers in summary.json and audit.json; a re-run reads it back', async () => {
    await importData(db(), dataDir);
    const out = tempDir('kezek-audit-run-');
    const { runNightly } = await import('../../src/nightly/run.js');
    const { loadCalendar } = await import('../../src/io/calendar.js');
    const { silent } = await import('../support/run-helpers.js');
    const run = () => runNightly(db(), { date: DATE, outDir: out, districts: [], workers: 1, dryRun: false, rules: shippedRules(), engine: 'compiled', calendar: loadCalendar('rules') }, silent);
    const summary = await run();
    const audit = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8'));
    expect(audit.held).toBe(true);
    expect(audit.notAudited).toEqual([]);
    expect(audit.districts.map((d: { district: string }) => d.district)).toEqual(summary.districts.map((d) => d.district));
    for (const name of ['capacity', 'oneReferral', 'noEnvy', 'noWaste', 'quota', 'nothingLost']) {
      expect(audit.invariants[name].held).toBe(true);
      expect(audit.invariants[name].checked).toBe(audit.districts.reduce((n: number, d: Record<string, { checked: number }>) => n + d[name]!.checked, 0));
    }
    expect(audit.invariants.nothingLost.checked).toBe(summary.totals.queued);
    expect(audit.invariants.oneReferral.checked).toBe(summary.totals.referrals);
    // The numbers agree with the counts.
    expect(summary.numbers.referrals).toBe(summary.totals.referrals);
    expect(summary.numbers.byPreferenceRank).toEqual(summary.totals.referralsByPreferenceRank);
    const referred = Object.values(summary.numbers.waitingDays).reduce((n, w) => n + w.referred, 0);
    expect(referred).toBe(summary.totals.referrals);
    expect(Object.values(summary.numbers.seatsLeft).reduce((a, b) => a + b, 0)).toBe(summary.totals.seatsLeft);
    expect(summary.districts[0]!.numbers).not.toBeNull();
    // A re-run of the date reads every district back, audits included.
    await run();
    const again = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8'));
    expect({ ...again, run: null }).toEqual({ ...audit, run: null });
  });
});

describe('an allocation that breaks an invariant', () => {
  it('stops its district with AUDIT_FAILED and the counterexample, before anything is stored', async () => {
    const rules = shippedRules();
    const queue = new TextEncoder().encode(
      copyText([
        ['A1', '2022-03-15', 1_680_000_000_000_000, 'portal', 'KG-1', 'f', 'kk', 'general', '2024-09-01', null, '[]'],
        ['A2', '2022-05-15', 1_690_000_000_000_000, 'portal', 'KG-1', 'f', 'kk', 'general', '2024-09-01', null, '[]'],
      ]),
    );
    const places = [{ kindergarten: 'KG-1', group: 'G', birthYear: 2022, language: 'kk' as const, groupType: 'general' as const, seats: 1 }];
    const req = { district: 'D1', date: DATE, runId: 'run-x', places, queue, rules, engine: 'compiled' as const };
    await expect(computeDistrict(req, new RuleEngines())).resolves.toMatchObject({ audit: { capacity: { held: true } } });
    // An allocator that gives the one seat to both children.
    const broken: typeof allocateDistrict = (input, settings) => {
      const o = allocateDistrict(input, settings);
      const second = { ...o.referrals[0]!, application: 'A2' };
      return { ...o, referrals: [...o.referrals, second], queue: o.queue.filter((q) => q.application !== 'A2') };
    };
    try {
      await computeDistrict(req, new RuleEngines(), broken);
      expect.unreachable();
    } catch (e) {
      expect(isKezekError(e) && e.code).toBe('AUDIT_FAILED');
      expect((e as Error).message).toMatch(/district D1 broke invariant 1 of allocation\.md \(capacity\): group G of KG-1 had 1 free seats and got 2 referrals; nothing of it was stored/);
      expect((e as { details: { ids: string[] } }).details.ids).toEqual(['A2']);
    }
  });
});
