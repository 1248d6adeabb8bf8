import { RulesError, type RuleProblem } from '../errors.js';
import { loadRuleSet } from './load.js';
import { loadRuleTests, TESTS_DIR, type RuleTestCase } from './rule-tests.js';
import type { RuleSet } from './ruleset.js';
import { ruleSetHeaders, type RuleSetHeader } from './versions.js';

/** A whole rules folder: every rule set (the folder and versions/<name>/) and their rule tests. */
export interface CheckedSet {
  header: RuleSetHeader;
  rules: RuleSet;
  tests: RuleTestCase[];
}

const noTestsFolder = (e: RulesError) => e.problems.every((p) => p.file === `${TESTS_DIR}/`);

/**
 * Loads and checks every set and every rule test file of a folder; all
 * problems of all of them in one RulesError. A scheduled or past version may
 * come without tests; the set of the folder itself must have them.
 */
export function checkRulesFolder(dir: string): CheckedSet[] {
  const headers = ruleSetHeaders(dir);
  const problems: RuleProblem[] = [];
  const out: CheckedSet[] = [];
  for (const header of headers) {
    let rules: RuleSet | null = null;
    let tests: RuleTestCase[] = [];
    try {
      rules = loadRuleSet(header.dir, header.label);
    } catch (e) {
      if (!(e instanceof RulesError)) throw e;
      problems.push(...e.problems);
    }
    try {
      tests = loadRuleTests(header.dir);
    } catch (e) {
      if (!(e instanceof RulesError)) throw e;
      if (!(header.label && noTestsFolder(e))) problems.push(...e.problems.map((p) => ({ ...p, file: header.label + p.file })));
    }
    if (rules) out.push({ header, rules, tests });
  }
  if (problems.length) throw new RulesError(problems);
  return out;
}
