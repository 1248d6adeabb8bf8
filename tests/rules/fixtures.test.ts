import { describe, expect, it } from 'vitest';
import { loadRuleSet, ruleLibrary } from '../../src/io/rules-folder.js';
import { referenceEvaluator } from '../../src/rules/reference-engine.js';
import { runRuleTests } from '../../src/rules/rule-tests.js';

/** The rule tests of a folder's own set. */
const loadRuleTests = (dir: string) => {
  const library = ruleLibrary(dir);
  return library.tests(library.headers().find((h) => h.label === '')!, true);
};
import { kezekHere } from '../support/cli.js';
import { copyRules, readJson, RULES_DIR, syncVocabulary, writeJson } from './helpers.js';

const rules = loadRuleSet(RULES_DIR);
const cases = loadRuleTests(RULES_DIR);

describe('the shipped rule tests (rules/tests/*.json) pass against the shipped rules', () => {
  it('cover every category, every refusal reason, expired proofs and the age boundaries', () => {
    const expected = (k: 'category' | 'reasons') => new Set(cases.flatMap((c) => (k === 'category' ? (c.expect.category ? [c.expect.category] : []) : (c.expect.reasons ?? []))));
    expect([...expected('category')].sort()).toEqual(['extraordinary', 'general', 'primary']);
    expect([...expected('reasons')].sort()).toEqual(rules.eligibility.map((r) => String(r.event.params?.reason)).sort());
    for (const right of rules.knownRights) expect(cases.some((c) => c.expect.rights?.includes(right)), right).toBe(true);
    const birthdays = cases.filter((c) => c.application.birthDate === '2019-09-01').map((c) => c.date);
    expect(birthdays.sort()).toEqual(['2026-08-31', '2026-09-01']);
    const firstYear = cases.filter((c) => c.application.birthDate === '2025-09-01').map((c) => c.date);
    expect(firstYear.sort()).toEqual(['2026-08-31', '2026-09-01']);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', async (_, c) => {
    const [result] = await runRuleTests(referenceEvaluator(rules), [c]);
    expect(result!.differences).toEqual([]);
  });
});

describe('a rule changed wrongly makes a fixture fail', () => {
  it('age_limit with greaterThan instead of greaterThanInclusive fails the 7th-birthday fixture, and only those at exactly 7', async () => {
    const dir = copyRules();
    const doc = readJson(dir, 'eligibility.json');
    doc.rules[0].conditions.all[0].operator = 'greaterThan';
    writeJson(dir, 'eligibility.json', doc);
    const results = await runRuleTests(referenceEvaluator(loadRuleSet(dir)), loadRuleTests(dir));
    const failed = results.filter((r) => !r.passed);
    expect(failed.map((r) => r.case.name)).toEqual([
      'age_limit: refused on the day of the 7th birthday',
      'age_limit: born 29 February turns 7 on 1 March in a common year',
      'a priority right does not lift the age limit', // exactly 7 at the date
    ]);
    expect(failed[0]!.differences).toEqual(['eligible: expected false, got true', 'reasons: expected ["age_limit"], got []']);
  });

  it('`kezek rules test` prints the table and exits 1 on a failure, 0 when all pass, 2 on invalid fixtures', async () => {
    const dir = copyRules();
    const ok = await kezekHere(['rules', 'test', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/pass\s+tests\/eligibility\.json\s+age_limit: refused on the day of the 7th birthday/);
    expect(ok.stdout).toContain(`All ${cases.length} passed.`);

    const cats = readJson(dir, 'categories.json');
    cats.rules[1].conditions.any = cats.rules[1].conditions.any.filter((c: { value: string }) => c.value !== 'teacher');
    writeJson(dir, 'categories.json', cats);
    syncVocabulary(dir);
    const bad = await kezekHere(['rules', 'test', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL\s+tests\/categories\.json\s+teacher gives primary/);
    expect(bad.stdout).toContain('category: expected "primary", got "general"');
    expect(bad.stderr.trim()).toMatch(/^kezek: \d+ of \d+ rule tests failed$/);

    const fixture = readJson(dir, 'tests/proofs.json');
    fixture.tests[0].expect.category = 'vip';
    writeJson(dir, 'tests/proofs.json', fixture);
    const invalid = await kezekHere(['rules', 'test', dir]);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toContain('tests/proofs.json $.tests[0].expect.category');
  });
});
