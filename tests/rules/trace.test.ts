import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/io/rules-folder.js';
import { referenceEvaluator } from '../../src/rules/reference-engine.js';
import { traceEvaluation } from '../../src/rules/rule-trace.js';
import { app, D } from '../support/builders.js';
import { copyRules, readJson, RULES_DIR, syncVocabulary, writeJson } from './helpers.js';

const rules = loadRuleSet(RULES_DIR);
const right = (category: string, validUntil = '2030-01-01') => ({ category, document: 'D', validUntil });

describe('traceEvaluation', () => {
  it('gives the same verdict as the reference evaluator, with every rule and comparison', async () => {
    const a = app({ id: 'X', rights: [right('large_family'), right('military')] });
    const t = await traceEvaluation(rules, a, D);
    expect(t.evaluation).toEqual(await referenceEvaluator(rules).evaluate(a, D));
    expect(t.rules.map((r) => [r.name, r.kind, r.fired])).toEqual([
      ['age_limit', 'eligibility', false],
      ['too_young', 'eligibility', false],
      ['extraordinary', 'category', true],
      ['primary', 'category', true],
    ]);
    expect(t.rules[2]!.conditions[0]).toMatchObject({ fact: 'validRights', operator: 'contains', value: 'military', factResult: ['large_family', 'military'], result: true });
    expect(t.rules[0]!.conditions[0]).toMatchObject({ factResult: 3, compared: 7, result: false });
  });

  it('marks comparisons inside "not"', async () => {
    const dir = copyRules();
    const doc = readJson(dir, 'eligibility.json');
    doc.rules.push({
      name: 'not_portal',
      conditions: { all: [{ not: { fact: 'channel', operator: 'equal', value: 'portal' } }] },
      event: { type: 'refuse', params: { reason: 'office_only' } },
    });
    writeJson(dir, 'eligibility.json', doc);
    syncVocabulary(dir);
    const t = await traceEvaluation(loadRuleSet(dir), app({ id: 'X' }), D);
    expect(t.rules.find((r) => r.name === 'not_portal')).toMatchObject({
      fired: false,
      conditions: [{ fact: 'channel', factResult: 'portal', result: true, negated: true }],
    });
  });
});
