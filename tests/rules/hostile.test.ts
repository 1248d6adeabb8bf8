import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleText, RULE_FILE_LIMITS } from '../../src/rules/guard.js';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { referenceEvaluator, safePathResolver } from '../../src/rules/reference-engine.js';
import type { RuleSet } from '../../src/rules/ruleset.js';
import { app, D } from '../support/builders.js';
import { copyRules, problemsOf, readJson, writeJson } from './helpers.js';

/** Writes raw text as one rule file of a fresh copy and returns the problems. */
function problemsWithText(file: string, text: string) {
  const dir = copyRules();
  writeFileSync(join(dir, file), text);
  return problemsOf(() => loadRuleSet(dir));
}

describe('broken or hostile rule files give a clear error, never a crash or a hang', () => {
  it('not JSON', () => {
    expect(problemsWithText('eligibility.json', '{"rules": [')).toEqual([
      { file: 'eligibility.json', path: '', message: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(problemsWithText('parameters.json', '')).toEqual([{ file: 'parameters.json', path: '', message: expect.stringMatching(/^not valid JSON/) }]);
  });

  it('deep nesting: 60 000 levels of "not"', () => {
    const depth = 60_000;
    const text = `{"rules":[{"name":"deep","conditions":${'{"not":'.repeat(depth)}{"fact":"ageYears","operator":"equal","value":1}${'}'.repeat(depth)},"event":{"type":"refuse","params":{"reason":"x"}}}]}`;
    const started = Date.now();
    const p = problemsWithText('eligibility.json', text);
    expect(p).toHaveLength(1);
    expect(p[0]!.message).toMatch(/nested more than 24 levels deep|larger than|not valid JSON/);
    expect(Date.now() - started).toBeLessThan(5000);
    // Within the size limit, depth alone is caught with the path where it happens.
    const shallow = `{"rules":[{"name":"deep","conditions":${'{"not":'.repeat(40)}{"fact":"ageYears","operator":"equal","value":1}${'}'.repeat(40)},"event":{"type":"refuse","params":{"reason":"x"}}}]}`;
    expect(problemsWithText('eligibility.json', shallow)).toEqual([
      { file: 'eligibility.json', path: expect.stringMatching(/^\$\.rules\[0\]\.conditions(\.not)+$/), message: 'nested more than 24 levels deep' },
    ]);
  });

  it('huge arrays and huge files', () => {
    const many = Array.from({ length: 5000 }, () => ({ fact: 'validRights', operator: 'contains', value: 'teacher' }));
    expect(problemsWithText('categories.json', JSON.stringify({ rules: [{ name: 'big', conditions: { any: many }, event: { type: 'category', params: { category: 'primary', rank: 1 } } }] }))).toEqual([
      { file: 'categories.json', path: '$.rules[0].conditions.any', message: 'a list of 5000 items; at most 500' },
    ]);
    const huge = JSON.stringify({ description: 'x'.repeat(RULE_FILE_LIMITS.maxBytes + 1), rules: [] });
    expect(problemsWithText('eligibility.json', huge)[0]!.message).toMatch(/not a readable file of at most 512 KiB/);
    expect(parseRuleText('eligibility.json', huge)).toEqual({ problems: [{ file: 'eligibility.json', path: '', message: 'file is larger than 512 KiB' }] });
  });

  it('prototype-pollution keys are refused and nothing is polluted', () => {
    const text = '{"rules": [], "__proto__": {"polluted": true}, "x": {"constructor": {"prototype": {"polluted": true}}}}';
    const p = problemsWithText('eligibility.json', text);
    expect(p).toEqual(
      expect.arrayContaining([
        { file: 'eligibility.json', path: '$.__proto__', message: 'the key "__proto__" is not allowed' },
        { file: 'eligibility.json', path: '$.x.constructor', message: 'the key "constructor" is not allowed' },
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('path expressions: only a parameter as $.name, never a jsonpath-plus script', () => {
    const dir = copyRules();
    const e = readJson(dir, 'eligibility.json');
    e.rules[0].conditions.all[0].value.path = '$..[?(@.constructor.constructor("return process")().exit())]';
    e.rules[1].conditions.all[0].path = '$.length';
    writeJson(dir, 'eligibility.json', e);
    const p = problemsOf(() => loadRuleSet(dir));
    expect(p).toHaveLength(2);
    expect(p).toEqual(
      expect.arrayContaining([
        { file: 'eligibility.json', path: '$.rules[0].conditions.all[0].value.path', message: expect.stringMatching(/is not a parameter; use one of \$\.maxAgeYears/) },
        { file: 'eligibility.json', path: '$.rules[1].conditions.all[0].path', message: expect.stringMatching(/^a "path" is allowed only in a parameter value/) },
      ]),
    );
  });

  it('even a rule that skipped the schema cannot run a script through a path', async () => {
    const shipped = loadRuleSet(copyRules());
    const evil: RuleSet = {
      ...shipped,
      eligibility: [
        {
          name: 'evil',
          conditions: { all: [{ fact: 'ageYears', operator: 'greaterThan', value: { fact: 'parameters', path: '$..[?(@property === "maxAgeYears" && (globalThis.hacked = 1))]' } }] },
          event: { type: 'refuse', params: { reason: 'x' } },
        },
      ],
    };
    await expect(referenceEvaluator(evil).evaluate(app({ id: 'X' }), D)).rejects.toThrow(/not a simple \$\.name path/);
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
    expect(safePathResolver({ a: { b: 2 } }, '$.a.b')).toBe(2);
    expect(safePathResolver({ a: 1 }, '$.toString')).toBeUndefined();
  });

  it('shared conditions, fact params and unknown keys in a condition are refused', () => {
    const dir = copyRules();
    const e = readJson(dir, 'eligibility.json');
    e.rules[0].conditions.all[0] = { condition: 'shared' };
    e.rules[1].conditions.all[0].params = { x: 1 };
    writeJson(dir, 'eligibility.json', e);
    expect(problemsOf(() => loadRuleSet(dir)).map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^shared conditions are not supported/), 'fact parameters are not supported']),
    );
  });
});
