import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { ruleSchemas, schemaFileOf } from '../../src/rules/schema.js';
import { copyRules, problemsOf, readJson, RULES_DIR, writeJson } from './helpers.js';

/** Edits one rule file of a fresh copy and returns the problems loading it gives. */
function problemsAfter(file: string, edit: (doc: any) => void) {
  const dir = copyRules();
  const doc = readJson(dir, file);
  edit(doc);
  writeJson(dir, file, doc);
  return problemsOf(() => loadRuleSet(dir));
}
const cond = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });
const withCondition = (c: unknown) => (doc: any) => {
  doc.rules[0].conditions = { all: [c] };
};

describe('rule file validation: each class of mistake has its own message and JSON path', () => {
  it('unknown fact', () => {
    expect(problemsAfter('eligibility.json', withCondition(cond('ageDays', 'greaterThan', 3)))).toEqual([
      { file: 'eligibility.json', path: '$.rules[0].conditions.all[0].fact', message: expect.stringMatching(/^unknown fact "ageDays"/) },
    ]);
  });

  it('unknown operator', () => {
    expect(problemsAfter('eligibility.json', withCondition(cond('ageYears', 'biggerThan', 3)))).toEqual([
      { file: 'eligibility.json', path: '$.rules[0].conditions.all[0].operator', message: expect.stringMatching(/^unknown operator "biggerThan"/) },
    ]);
  });

  it('an operator that does not fit the fact', () => {
    const p = problemsAfter('eligibility.json', withCondition(cond('validRights', 'greaterThan', 'teacher')));
    expect(p).toContainEqual({ file: 'eligibility.json', path: '$.rules[0].conditions.all[0].operator', message: 'operator "greaterThan" does not apply to validRights (a list of texts)' });
  });

  it('wrong value type: a number fact, a list operator, a closed set of values', () => {
    expect(problemsAfter('eligibility.json', withCondition(cond('ageYears', 'greaterThan', 'seven')))).toEqual([
      { file: 'eligibility.json', path: '$.rules[0].conditions.all[0].value', message: expect.stringMatching(/^wrong value type for ageYears greaterThan: "seven"; expected a whole number/) },
    ]);
    expect(problemsAfter('eligibility.json', withCondition(cond('district', 'in', 'ALA-MED')))[0]).toMatchObject({
      path: '$.rules[0].conditions.all[0].value',
      message: expect.stringMatching(/^wrong value type for district in: "ALA-MED"; expected a list/),
    });
    expect(problemsAfter('eligibility.json', withCondition(cond('language', 'equal', 'en')))[0]).toMatchObject({
      path: '$.rules[0].conditions.all[0].value',
      message: expect.stringContaining('expected one of "kk", "ru"'),
    });
  });

  it('unknown category', () => {
    expect(problemsAfter('categories.json', (d) => (d.rules[1].event.params.category = 'vip'))).toEqual([
      { file: 'categories.json', path: '$.rules[1].event.params.category', message: expect.stringMatching(/^unknown category "vip"/) },
    ]);
  });

  it('duplicate rule name, also across the two rule files', () => {
    expect(problemsAfter('eligibility.json', (d) => (d.rules[1].name = 'age_limit'))).toEqual([
      { file: 'eligibility.json', path: '$.rules[1].name', message: 'duplicate rule name "age_limit" (first in eligibility.json $.rules[0])' },
    ]);
    expect(problemsAfter('categories.json', (d) => (d.rules[0].name = 'too_young'))).toEqual([
      { file: 'categories.json', path: '$.rules[0].name', message: 'duplicate rule name "too_young" (first in eligibility.json $.rules[1])' },
    ]);
  });

  it('parameters out of range, including a quota of 0:0', () => {
    const p = problemsAfter('parameters.json', (d) => {
      d.primaryQuota = [0, 0];
      d.maxAgeYears = 40;
      d.minAgeMonths = -1;
    });
    expect(p).toEqual(
      expect.arrayContaining([
        { file: 'parameters.json', path: '$.primaryQuota', message: expect.stringMatching(/^out of range: a quota of 0:0/) },
        { file: 'parameters.json', path: '$.maxAgeYears', message: 'out of range: 40; must be from 1 to 10' },
        { file: 'parameters.json', path: '$.minAgeMonths', message: 'out of range: -1; must be from 0 to 84' },
      ]),
    );
    expect(p).toHaveLength(3);
  });

  it('missing fields, unknown fields and a bad effectiveFrom', () => {
    expect(problemsAfter('ruleset.json', (d) => {
      delete d.version;
      d.effectiveFrom = '01.09.2026';
      d.author = 'x';
    })).toEqual(
      expect.arrayContaining([
        { file: 'ruleset.json', path: '$.version', message: '"version" is missing' },
        { file: 'ruleset.json', path: '$.effectiveFrom', message: '"01.09.2026" is not a date YYYY-MM-DD' },
        { file: 'ruleset.json', path: '$.author', message: 'unknown field "author"' },
      ]),
    );
  });

  it('conditions without all/any/not', () => {
    expect(problemsAfter('eligibility.json', (d) => (d.rules[0].conditions = cond('ageYears', 'equal', 3)))).toEqual([
      { file: 'eligibility.json', path: '$.rules[0].conditions', message: expect.stringMatching(/^conditions must be \{"all"/) },
    ]);
  });

  it('reports every problem of every file at once', () => {
    const dir = copyRules();
    const e = readJson(dir, 'eligibility.json');
    e.rules[0].conditions.all[0].fact = 'ageDays';
    e.rules[1].conditions.all[0].operator = 'lessThen';
    writeJson(dir, 'eligibility.json', e);
    const c = readJson(dir, 'categories.json');
    c.rules[0].event.params.category = 'vip';
    writeJson(dir, 'categories.json', c);
    writeJson(dir, 'parameters.json', { ...readJson(dir, 'parameters.json'), primaryQuota: [0, 0] });
    const p = problemsOf(() => loadRuleSet(dir));
    expect(p.map((x) => `${x.file} ${x.path}`).sort()).toEqual(
      [
        'categories.json $.rules[0].event.params.category',
        'eligibility.json $.rules[0].conditions.all[0].fact',
        'eligibility.json $.rules[1].conditions.all[0].operator',
        'parameters.json $.primaryQuota',
      ].sort(),
    );
  });
});

describe('shipped schema files', () => {
  it('equal the schemas built from the fact and operator tables (`kezek rules schema` rewrites them)', () => {
    for (const [file, schema] of Object.entries(ruleSchemas())) {
      const name = schemaFileOf(file === 'tests' ? 'tests.json' : file);
      expect(JSON.parse(readFileSync(join(RULES_DIR, 'schema', name), 'utf8')), name).toEqual(schema);
    }
  });

  it('every rule and test file names its schema for editors', () => {
    for (const f of ['ruleset.json', 'parameters.json', 'eligibility.json', 'categories.json'])
      expect(readJson(RULES_DIR, f).$schema).toBe(`./schema/${schemaFileOf(f)}`);
    for (const f of readdirSync(join(RULES_DIR, 'tests'))) expect(readJson(join(RULES_DIR, 'tests'), f).$schema).toBe('../schema/tests.schema.json');
  });
});
