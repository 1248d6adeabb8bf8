import type { RuleResult } from 'json-rules-engine';
import type { Application, Evaluation } from '../domain/types.js';
import { factsAt, type Facts } from './facts.js';
import { buildEngine, verdictOf } from './reference-engine.js';
import type { RuleSet } from './ruleset.js';

/** One comparison of a rule as evaluated: what the fact was, what it was compared with, and the result. */
export interface ConditionTrace {
  /** Where the comparison is in its rule, e.g. `conditions.any[5]` (for coverage and editors). */
  path: string;
  fact: string;
  operator: string;
  /** The value as written (a number, a list, or a parameter reference). */
  value: unknown;
  /** The value compared against (a parameter resolved). */
  compared: unknown;
  factResult: unknown;
  /** Undefined when the engine did not need to evaluate it. */
  result: boolean | undefined;
  /** True inside a `not`. */
  negated: boolean;
}

export interface RuleTrace {
  name: string;
  kind: 'eligibility' | 'category';
  fired: boolean;
  /** `refuse` reason or category given when it fires. */
  gives: string;
  conditions: ConditionTrace[];
}

export interface EvaluationTrace {
  facts: Facts;
  evaluation: Evaluation;
  rules: RuleTrace[];
}

type Node = Record<string, unknown>;

function flatten(node: unknown, facts: Facts, negated: boolean, path: string, out: ConditionTrace[]): void {
  if (typeof node !== 'object' || node === null) return;
  const n = node as Node;
  for (const key of ['all', 'any'] as const) if (Array.isArray(n[key])) (n[key] as unknown[]).forEach((c, i) => flatten(c, facts, negated, `${path}.${key}[${i}]`, out));
  if (n.not) flatten(n.not, facts, !negated, `${path}.not`, out);
  if (typeof n.fact === 'string') {
    const v = n.value as Node | undefined;
    const compared =
      v && typeof v === 'object' && !Array.isArray(v) && v.fact === 'parameters' && typeof v.path === 'string'
        ? (facts.parameters as unknown as Record<string, unknown>)[v.path.slice(2)]
        : v;
    out.push({
      path,
      fact: n.fact,
      operator: String(n.operator),
      value: n.value,
      compared,
      factResult: n.factResult ?? (facts as unknown as Record<string, unknown>)[n.fact],
      result: typeof n.result === 'boolean' ? n.result : undefined,
      negated,
    });
  }
}

/**
 * The reference evaluation with its working shown: every rule, whether it
 * fired, and each comparison (json-rules-engine's per-condition
 * factResult/result). Same verdict as referenceEvaluator.
 */
export async function traceEvaluation(rules: RuleSet, app: Application, date: string): Promise<EvaluationTrace> {
  const facts = factsAt(app, date, rules.parameters);
  const { results, failureResults } = await buildEngine(rules).run(facts as unknown as Record<string, unknown>);
  const byName = new Map<string, { fired: boolean; result: RuleResult }>();
  for (const r of results) byName.set(String(r.name), { fired: true, result: r });
  for (const r of failureResults) byName.set(String(r.name), { fired: false, result: r });
  const trace = (name: string, kind: RuleTrace['kind'], gives: string): RuleTrace => {
    const found = byName.get(name);
    const conditions: ConditionTrace[] = [];
    if (found) flatten((found.result.toJSON(false) as { conditions: unknown }).conditions, facts, false, 'conditions', conditions);
    return { name, kind, fired: found?.fired ?? false, gives, conditions };
  };
  const traces = [
    ...rules.eligibility.map((r) => trace(r.name, 'eligibility', String(r.event.params?.reason))),
    ...rules.categories.map((c) => trace(c.definition.name, 'category', c.category)),
  ];
  const evaluation = verdictOf(
    rules,
    traces.filter((t) => t.fired).map((t) => t.name),
    facts.validRights,
  );
  return { facts, evaluation, rules: traces };
}
