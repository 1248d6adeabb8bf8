import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet, ruleLibrary } from '../../src/io/rules-folder.js';
import { coverageOf } from '../../src/rules/coverage.js';
import { disagreeingRules, runTracedRuleTests } from '../../src/rules/rule-tests.js';
import { traceEvaluation } from '../../src/rules/rule-trace.js';
import { app, D } from '../support/builders.js';
import { kezekHere } from '../support/cli.js';
import { copyRules, readJson, RULES_DIR, withScheduledVersion, writeJson } from './helpers.js';

const rules = loadRuleSet(RULES_DIR);
const ownTests = (dir: string) => {
  const library = ruleLibrary(dir);
  return library.tests(library.headers().find((h) => h.label === '')!, true);
};
const right = (category: string, validUntil = '2030-01-01') => ({ category, document: 'D', validUntil });

/** A copy of rules/ whose tests never give a teacher's child a valid right. */
function withoutTeacherTests(): string {
  const dir = copyRules();
  for (const file of ['tests/categories.json', 'tests/proofs.json']) {
    const doc = readJson(dir, file);
    doc.tests = doc.tests.filter((t: { application: { rights?: { category: string }[] } }) => !(t.application.rights ?? []).some((r) => r.category === 'teacher'));
    writeJson(dir, file, doc);
  }
  return dir;
}

describe('coverage of the rule tests', () => {
  it('the shipped tests see every rule fire and not fire, and every comparison true and false', async () => {
    const results = await runTracedRuleTests(rules, ownTests(RULES_DIR));
    const c = coverageOf(rules, results.map((r) => r.trace));
    expect(c.gaps).toEqual([]);
    expect(c.seen).toBe(c.total);
    // Two sides per rule and per comparison: 4 rules, 2 + 7 + 1 + 1 comparisons.
    expect(c.total).toBe(2 * 4 + 2 * 11);
    expect(c.rules.map((r) => [r.file, r.index, r.name])).toEqual([
      ['eligibility.json', 0, 'age_limit'],
      ['eligibility.json', 1, 'too_young'],
      ['categories.json', 0, 'extraordinary'],
      ['categories.json', 1, 'primary'],
    ]);
  });

  it('names the side no test saw: the teacher comparison never true; a rule never seen firing', async () => {
    const dir = withoutTeacherTests();
    const set = loadRuleSet(dir);
    const c = coverageOf(set, (await runTracedRuleTests(set, ownTests(dir))).map((r) => r.trace));
    expect(c.gaps).toEqual([
      { rule: 'primary', file: 'categories.json', index: 1, missing: 'true', condition: { path: 'conditions.any[6]', fact: 'validRights', operator: 'contains', value: 'teacher' } },
    ]);
    // No test at all: every rule only ever seen not firing... and nothing seen is nothing.
    const none = coverageOf(set, []);
    expect(none.seen).toBe(0);
    expect(none.gaps).toHaveLength(none.total);
    // Only a child with no rights: no rule fires, every comparison false.
    const general = coverageOf(set, [await traceEvaluation(set, app({ id: 'X' }), D)]);
    expect(general.gaps.filter((g) => g.missing === 'notFired' || g.missing === 'false')).toEqual([]);
  });

  it('`kezek rules test` lists coverage by rule and exits 3 when a side is not covered, naming it with file and path', async () => {
    const r = await kezekHere(['rules', 'test', withoutTeacherTests()]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/All \d+ passed\./);
    expect(r.stdout).toContain('conditions.any[6] validRights contains "teacher": true in 0, false in ');
    expect(r.stdout).toContain('← never seen true');
    expect(r.stdout).toContain('Not covered by any test (change it, and no test would notice):\n  categories.json $.rules[1].conditions.any[6] primary (validRights contains "teacher"): never seen true');
    expect(r.stderr.trim()).toBe('kezek: 1 case of the rules is not covered by any test: a person must look (see above)');

    const full = await kezekHere(['rules', 'test', RULES_DIR, '--lang', 'kk']);
    expect(full.code).toBe(0);
    expect(full.stdout).toContain('2026.1 нұсқасының қамтуы: 30 нәтиженің 30 тексерілді (100%)');
  });

  it('a rule set without tests fails `kezek rules test`, a scheduled version too', async () => {
    const dir = withScheduledVersion();
    const r = await kezekHere(['rules', 'test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Version 2026.2 (versions/2026.2/) has no rule tests: write at least one in versions/2026.2/tests/*.json.');
    expect(r.stderr.trim()).toBe('kezek: a rule set has no tests: 2026.2 (versions/2026.2/)');

    // The folder's own set with an empty tests folder fails the same way.
    const empty = copyRules();
    rmSync(join(empty, 'tests'), { recursive: true });
    mkdirSync(join(empty, 'tests'));
    const e = await kezekHere(['rules', 'test', empty]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('a rule set has no tests: 2026.1');
  });

  it('a failing test prints the trace of the rule that disagreed, and only that rule', async () => {
    const dir = copyRules();
    const doc = readJson(dir, 'eligibility.json');
    doc.rules[0].conditions.all[0].operator = 'greaterThan';
    writeJson(dir, 'eligibility.json', doc);
    const r = await kezekHere(['rules', 'test', dir]);
    expect(r.code).toBe(1);
    const failure = r.stdout.slice(r.stdout.indexOf('FAIL    tests/eligibility.json  age_limit: refused on the day of the 7th birthday'));
    expect(failure.split('\n').slice(1, 6)).toEqual([
      '          eligible: expected false, got true',
      '          reasons: expected ["age_limit"], got []',
      '          The rule that disagreed, comparison by comparison:',
      '            ✗ age limit: 7 years (age_limit) did not fire (it gives refusal: the child is 7 or older at the date)',
      '                conditions.all[0]: age in full years (ageYears) is 7; > 7 (maxAgeYears): false',
    ]);
    expect(r.stdout).not.toContain('✗ minimum age');

    const ru = await kezekHere(['rules', 'test', dir, '--lang', 'ru']);
    expect(ru.stdout).toContain('Правило, которое разошлось с тестом, по сравнениям:');
    expect(ru.stdout).toContain('✗ предельный возраст: 7 лет (age_limit) не сработало');
  });

  it('--json gives each test with its result, the disagreeing rules of failures, and the coverage', async () => {
    const dir = copyRules();
    const cats = readJson(dir, 'categories.json');
    cats.rules[0].event.params.rank = 3; // primary now outranks extraordinary
    writeJson(dir, 'categories.json', cats);
    const r = await kezekHere(['rules', 'test', dir, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { sets: { version: string; tests: { name: string; passed: boolean; disagreeing?: { name: string }[] }[]; coverage: { gaps: unknown[] } }[] };
    const failed = out.sets[0]!.tests.filter((x) => !x.passed);
    expect(failed.map((x) => x.name)).toContain('extraordinary outranks primary; only its rights are listed');
    expect(failed.find((x) => x.name.startsWith('extraordinary outranks'))!.disagreeing!.map((x) => x.name)).toEqual(['primary', 'extraordinary']);
    expect(out.sets[0]!.coverage.gaps).toEqual([]);
  });
});

describe('disagreeingRules', () => {
  it('names the rules whose firing the expectation contradicts', async () => {
    const trace = await traceEvaluation(rules, app({ id: 'X', rights: [right('large_family')] }), D);
    expect(disagreeingRules({ category: 'general' }, trace)).toEqual(['primary']);
    expect(disagreeingRules({ category: 'extraordinary' }, trace)).toEqual(['extraordinary', 'primary']);
    expect(disagreeingRules({ eligible: false, reasons: ['too_young'] }, trace)).toEqual(['too_young']);
    expect(disagreeingRules({ eligible: false }, trace)).toEqual(['age_limit', 'too_young']);
    expect(disagreeingRules({ rights: ['teacher'] }, trace)).toEqual(['primary']);
    const old = await traceEvaluation(rules, app({ id: 'Y', birthDate: '2018-01-01' }), D);
    expect(disagreeingRules({ eligible: true }, old)).toEqual(['age_limit']);
  });
});
