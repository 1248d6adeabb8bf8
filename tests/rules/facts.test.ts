import { describe, expect, it } from 'vitest';
import { FACTS, factsAt } from '../../src/rules/facts.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { OPERATORS } from '../../src/rules/operators.js';
import { app } from '../support/builders.js';
import { kezekHere } from '../support/cli.js';
import { RULES_DIR } from './helpers.js';

const rules = loadRuleSet(RULES_DIR);
const typeOf = (v: unknown): string =>
  Array.isArray(v) ? 'string[]' : Number.isInteger(v) ? 'integer' : typeof v === 'object' ? 'object' : typeof v;

describe('the fact vocabulary', () => {
  it('documents every fact factsAt computes, with its real type, and each example has that type', () => {
    const facts = factsAt(app({ id: 'X', stopListUntil: '2025-08-20', rights: [{ category: 'teacher', document: 'T', validUntil: '2030-01-01' }] }), '2025-08-15', rules.parameters);
    expect(FACTS.map((f) => f.name).sort()).toEqual(Object.keys(facts).sort());
    for (const f of FACTS) {
      expect(typeOf(facts[f.name]), f.name).toBe(f.type);
      expect(typeOf(f.example), f.name).toBe(f.type);
      if (f.values) expect(f.values, f.name).toContain(f.example);
    }
    expect(facts).toMatchObject({ onStopList: true, desiredFromReached: true, preferenceCount: 1, acceptAnyInDistrict: false });
  });

  it('operators are json-rules-engine built-ins only', () => {
    expect(OPERATORS.map((o) => o.name).sort()).toEqual(
      ['contains', 'doesNotContain', 'equal', 'greaterThan', 'greaterThanInclusive', 'in', 'lessThan', 'lessThanInclusive', 'notEqual', 'notIn'].sort(),
    );
  });

  it('`kezek rules facts` prints each fact with its type and example', async () => {
    const r = await kezekHere(['rules', 'facts']);
    expect(r.code).toBe(0);
    for (const f of FACTS) expect(r.stdout).toMatch(new RegExp(`\\n  ${f.name}\\s+${f.values ? 'string' : f.type.replace('[', '\\[').replace(']', '\\]')}\\s+${JSON.stringify(f.example).replace(/[[\]{}]/g, '\\$&')}`));
    expect(r.stdout).toContain('greaterThanInclusive');
  });
});

describe('kezek rules validate', () => {
  it('lists every problem with file and JSON path and exits 2', async () => {
    const { copyRules, readJson, writeJson } = await import('./helpers.js');
    const dir = copyRules();
    const e = readJson(dir, 'eligibility.json');
    e.rules[0].conditions.all[0].fact = 'ageDays';
    writeJson(dir, 'eligibility.json', e);
    writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), primaryQuota: [0, 0] });
    const bad = await kezekHere(['rules', 'validate', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('2 problems in the rules:');
    expect(bad.stdout).toContain('  parameters.json $.primaryQuota: out of range: a quota of 0:0');
    expect(bad.stdout).toContain('  eligibility.json $.rules[0].conditions.all[0].fact: unknown fact "ageDays"');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const ok = await kezekHere(['rules', 'validate']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/version 2026\.1\s+in force from 2015-04-07/);
  });
});
