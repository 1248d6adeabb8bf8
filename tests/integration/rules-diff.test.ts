import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/demo/write.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import type { RuleSet } from '../../src/rules/ruleset.js';
import { diffRuleSets } from '../../src/online/rules-diff.js';
import { kezek } from '../support/cli.js';
import { BACKENDS, dropSchema, openTestDatabase, POSTGRES_URL, useDatabase } from '../support/databases.js';
import { allocate, importData, lines, shippedRules, tempDir } from '../support/run-helpers.js';
import { copyRules, readJson, writeJson } from '../rules/helpers.js';

const DATE = '2026-09-01';
let dataDir: string;
let newRulesDir: string;
let oldRules: RuleSet;
let newRules: RuleSet;

beforeAll(async () => {
  dataDir = tempDir('kezek-diff-');
  await writeDataset(dataDir, { seed: 21, date: DATE, districts: 2, kindergartensPerDistrict: 4, applications: 600, seats: 120, badLines: false });
  // The change under study: large families become extraordinary, 1 primary per 1 general, and children from 6 are refused.
  newRulesDir = copyRules();
  const cats = readJson(newRulesDir, 'categories.json');
  const lf = cats.rules[1].conditions.any.find((c: { value: string }) => c.value === 'large_family');
  cats.rules[1].conditions.any = cats.rules[1].conditions.any.filter((c: unknown) => c !== lf);
  cats.rules[0].conditions.any.push(lf);
  writeJson(newRulesDir, 'categories.json', cats);
  const words = readJson(newRulesDir, 'vocabulary.json');
  words.rights.large_family.tier = 'extraordinary'; // as policy staff declare it
  writeJson(newRulesDir, 'vocabulary.json', words);
  writeJson(newRulesDir, 'parameters.json', { ...readJson(newRulesDir, 'parameters.json'), primaryQuota: [1, 1], maxAgeYears: 6 });
  writeJson(newRulesDir, 'ruleset.json', { ...readJson(newRulesDir, 'ruleset.json'), version: '2026.2' });
  oldRules = shippedRules();
  newRules = loadRuleSet(newRulesDir);
});

interface Ref {
  application: string;
  kindergarten: string;
  group: string;
  category: string;
}
// The same child in the same group is the same referral, even when its category changed.
const key = (r: Ref) => `${r.application}|${r.kindergarten}|${r.group}`;

describe.each(BACKENDS)('rules diff on %s', (backend) => {
  const db = useDatabase(backend);

  it('gained and lost referrals equal the difference of two real allocations, and nothing is stored', async () => {
    await importData(db(), dataDir);
    const seatsBefore = await db().query(`select kindergarten_id, group_id, seats from places order by 1, 2`);
    const diff = await diffRuleSets(db(), oldRules, newRules, DATE);
    expect(await db().query(`select kindergarten_id, group_id, seats from places order by 1, 2`)).toEqual(seatsBefore);
    expect(await db().query(`select count(*)::int as n from runs`)).toEqual([{ n: 0 }]);

    const a = (lines((await allocate(db(), DATE, { rules: oldRules, dryRun: true })).referrals) as Ref[]).map(key);
    const b = (lines((await allocate(db(), DATE, { rules: newRules, dryRun: true })).referrals) as Ref[]).map(key);
    const changes = diff.districts.flatMap((d) => d.referrals);
    const gained = changes.filter((r) => r.change === 'gained').map(key);
    const lost = changes.filter((r) => r.change === 'lost').map(key);
    expect(gained.sort()).toEqual(b.filter((k) => !a.includes(k)).sort());
    expect(lost.sort()).toEqual(a.filter((k) => !b.includes(k)).sort());
    expect(gained.length + lost.length).toBeGreaterThan(0);

    // Verdict counts: large families moved up, six-year-olds refused.
    const moves = diff.districts.flatMap((d) => d.changes);
    expect(moves.some((c) => c.from === 'primary' && c.to === 'extraordinary' && c.count > 0)).toBe(true);
    expect(moves.some((c) => c.to === 'refused' && c.count > 0)).toBe(true);
    expect(moves.every((c) => c.from !== c.to)).toBe(true);
    const total = diff.districts.reduce((n, d) => n + d.eligibilityChanged + d.categoryChanged, 0);
    expect(total).toBeLessThanOrEqual(moves.reduce((n, c) => n + c.count, 0));
  });
});

describe('kezek rules diff', () => {
  it('prints the table and writes the referral changes as NDJSON with --out', async () => {
    const { db, schema } = await openTestDatabase('postgres');
    try {
      await importData(db, dataDir);
      const expected = await diffRuleSets(db, oldRules, newRules, DATE);
      await db.close();
      const out = join(tempDir(), 'changes.ndjson');
      const r = kezek(['rules', 'diff', '--to', newRulesDir, '--date', DATE, '--out', out], { DATABASE_URL: POSTGRES_URL, KEZEK_SCHEMA: schema });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Rule change 2026.1 → 2026.2');
      expect(r.stdout).toMatch(/primary\s+extraordinary\s+\d+/);
      const written = lines(readFileSync(out, 'utf8'));
      expect(written).toEqual(JSON.parse(JSON.stringify(expected.districts.flatMap((d) => d.referrals))));
      const gained = written.filter((w) => (w as { change: string }).change === 'gained').length;
      expect(r.stdout).toContain(`referrals +${gained} -${written.length - gained}`);
    } finally {
      await dropSchema(schema);
    }
  });
});
