import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/demo/write.js';
import { loadRuleSetAt } from '../../src/io/rules-folder.js';
import { kezekHere } from '../support/cli.js';
import { BACKENDS, dropSchema, openTestDatabase, POSTGRES_URL, useDatabase } from '../support/databases.js';
import { allocate, importData, lines, shippedRules, tempDir } from '../support/run-helpers.js';
import { withScheduledVersion } from '../rules/helpers.js';

const DAY = '2026-10-06';
const NEXT = '2026-10-07';
let dataDir: string;
let rulesDir: string;
beforeAll(async () => {
  dataDir = tempDir('kezek-versions-');
  await writeDataset(dataDir, { seed: 5, date: '2026-09-01', districts: 2, kindergartensPerDistrict: 4, applications: 500, seats: 100, badLines: false });
  // 2026.2 from NEXT: maxAgeYears 5.
  rulesDir = withScheduledVersion(NEXT);
});

describe.each(BACKENDS)('a scheduled rule version on %s', (backend) => {
  const db = useDatabase(backend);

  it('changes the outcome only for runs at or after its date, and each run records the version and hash it used', async () => {
    await importData(db(), dataDir);
    const shipped = shippedRules();
    const before = loadRuleSetAt(rulesDir, DAY);
    expect(before.hash).toBe(shipped.hash);
    const sameDay = await allocate(db(), DAY, { rules: shipped, dryRun: true });
    const first = await allocate(db(), DAY, { rules: before });
    expect(first.referrals).toBe(sameDay.referrals);
    expect(first.refusals).toBe(sameDay.refusals);
    expect(first.summary.rules).toEqual({ version: '2026.1', effectiveFrom: '2015-04-07', hash: shipped.hash });

    const after = loadRuleSetAt(rulesDir, NEXT);
    const oldRulesNextDay = await allocate(db(), NEXT, { rules: shipped, dryRun: true });
    const second = await allocate(db(), NEXT, { rules: after });
    expect(second.summary.rules).toEqual({ version: '2026.2', effectiveFrom: NEXT, hash: after.hash });
    const refused = (text: string) => (lines(text) as { reasons: string[] }[]).filter((r) => r.reasons.includes('age_limit')).length;
    expect(refused(second.refusals)).toBeGreaterThan(refused(oldRulesNextDay.refusals));

    const runs = await db().query<{ run_date: string; rules_version: string; rules_hash: string }>(
      `select run_date::text as run_date, rules_version, rules_hash from runs order by run_date`,
    );
    expect(runs).toEqual([
      { run_date: DAY, rules_version: '2026.1', rules_hash: shipped.hash },
      { run_date: NEXT, rules_version: '2026.2', rules_hash: after.hash },
    ]);
  });
});

describe('kezek allocate', () => {
  it('selects the rule set in force at --date from the --rules folder', async () => {
    const { db, schema } = await openTestDatabase('postgres');
    try {
      await importData(db, dataDir);
      await db.close();
      const env = { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema };
      for (const [date, version] of [[DAY, '2026.1'], [NEXT, '2026.2']] as const) {
        const out = join(tempDir(), 'run');
        const r = await kezekHere(['allocate', '--date', date, '--out', out, '--dry-run', '--rules', rulesDir], env);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toContain(`rules ${version}`);
        expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).rules.version).toBe(version);
      }
    } finally {
      await dropSchema(schema);
    }
  });
});

describe('the operator commands', () => {
  it('take their parameters from the rule set in force at --date (a complaint at the provider due in 5 working days, 10 from the new version)', async () => {
    const dir = withScheduledVersion(NEXT);
    const v = join(dir, 'versions', '2026.2');
    writeFileSync(join(v, 'parameters.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(v, 'parameters.json'), 'utf8')), complaintProviderWorkingDays: 10 }));
    const home = tempDir('kezek-operator-');
    const file = (id: string, date: string) =>
      kezekHere(['complaint', 'file', id, '--level', 'provider', '--subject', 'a late answer', '--date', date, '--actor', 'clerk', '--rules', dir, '--data-dir', home]);
    const before = await file('C-1', DAY); // Tuesday 6 October 2026: 5 working days → Tuesday 13 October
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toContain('due by 2026-10-13');
    const after = await file('C-2', NEXT); // Wednesday 7 October: 10 working days → Wednesday 21 October
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('due by 2026-10-21');
  });
});
