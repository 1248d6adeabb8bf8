import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet, loadRuleSetAt, ruleLibrary } from '../../src/io/rules-folder.js';
import { referenceEvaluator } from '../../src/rules/reference-engine.js';
import { headerAt } from '../../src/rules/versions.js';
import { app } from '../support/builders.js';
import { problemsOf, readJson, RULES_DIR, withScheduledVersion, writeJson } from './helpers.js';

describe('rule set versions with effective dates', () => {
  const dir = withScheduledVersion();

  it('a run at D uses the set with the latest effectiveFrom on or before D', () => {
    const current = loadRuleSet(RULES_DIR);
    expect(loadRuleSetAt(dir, '2026-09-01')).toMatchObject({ version: '2026.1', hash: current.hash });
    const next = loadRuleSetAt(dir, '2026-09-02');
    expect(next).toMatchObject({ version: '2026.2', effectiveFrom: '2026-09-02' });
    expect(next.hash).not.toBe(current.hash);
    expect(loadRuleSetAt(dir, '2030-01-01').version).toBe('2026.2');
    expect(ruleLibrary(dir).headers().map((h) => [h.version, h.label])).toEqual([
      ['2026.1', ''],
      ['2026.2', 'versions/2026.2/'],
    ]);
  });

  it('changes the outcome only from its date', async () => {
    const fiveYearOld = app({ id: 'X', birthDate: '2021-03-01' });
    expect(await referenceEvaluator(loadRuleSetAt(dir, '2026-09-01')).evaluate(fiveYearOld, '2026-09-01')).toMatchObject({ eligible: true });
    expect(await referenceEvaluator(loadRuleSetAt(dir, '2026-09-02')).evaluate(fiveYearOld, '2026-09-02')).toMatchObject({ eligible: false, reasons: ['age_limit'] });
  });

  it('before every set: a clear error, not a guess', () => {
    expect(problemsOf(() => loadRuleSetAt(dir, '2015-04-06'))).toEqual([
      { file: 'ruleset.json', path: '$.effectiveFrom', message: 'no rule set is in force at 2015-04-06; the earliest starts 2015-04-07' },
    ]);
    expect(headerAt([], '2026-01-01')).toBeNull();
  });

  it('two sets with the same version or start date are refused; a broken scheduled set is named with its folder', () => {
    const clash = withScheduledVersion();
    writeJson(join(clash, 'versions', '2026.2'), 'ruleset.json', { version: '2026.1', effectiveFrom: '2015-04-07' });
    expect(problemsOf(() => loadRuleSetAt(clash, '2026-09-01')).map((p) => `${p.file} ${p.path}`)).toEqual([
      'versions/2026.2/ruleset.json $.version',
      'versions/2026.2/ruleset.json $.effectiveFrom',
    ]);
    const broken = withScheduledVersion();
    writeJson(join(broken, 'versions', '2026.2'), 'parameters.json', { ...readJson(broken, 'parameters.json'), primaryQuota: [0, 0] });
    // Tonight's run uses the current set and is not blocked; validation of the folder names the broken one.
    expect(loadRuleSetAt(broken, '2026-09-01').version).toBe('2026.1');
    expect(problemsOf(() => ruleLibrary(broken).all())).toEqual([
      { file: 'versions/2026.2/parameters.json', path: '$.primaryQuota', message: expect.stringMatching(/^out of range: a quota of 0:0/) },
    ]);
    rmSync(broken, { recursive: true });
  });
});

describe('RuleLibrary.check', () => {
  it('checks every set and its rule tests; a version may have no tests, a broken one is named with its folder', async () => {
    const checkRulesFolder = (d: string) => ruleLibrary(d).check();
    const { mkdirSync } = await import('node:fs');
    const dir = withScheduledVersion();
    expect(checkRulesFolder(dir).map((s) => [s.rules.version, s.tests.length > 0])).toEqual([
      ['2026.1', true],
      ['2026.2', false],
    ]);
    mkdirSync(join(dir, 'versions', '2026.2', 'tests'));
    writeJson(join(dir, 'versions', '2026.2', 'tests'), 'bad.json', { tests: [{ name: 'x', date: '2026-09-02', application: {}, expect: {} }] });
    expect(problemsOf(() => checkRulesFolder(dir))).toEqual([
      { file: 'versions/2026.2/tests/bad.json', path: '$.tests[0].application.birthDate', message: '"birthDate" is missing' },
      { file: 'versions/2026.2/tests/bad.json', path: '$.tests[0].expect', message: 'a rule test must expect at least one of eligible, reasons, category, rights' },
    ]);
  });
});
