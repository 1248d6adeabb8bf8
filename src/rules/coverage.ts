import type { EvaluationTrace, RuleTrace } from './rule-trace.js';
import type { RuleDefinition, RuleSet } from './ruleset.js';

/**
 * What a rule set's tests exercised, as `opa test --coverage` reports it for
 * Rego: every rule seen firing and not firing, every comparison seen true and
 * false. A rule only ever seen firing (or never) has a side no test pins
 * down: change it and no test notices. Pure: built from the traces of the
 * tests' evaluations.
 */
export interface ConditionCoverage {
  /** Where it is in its rule, e.g. `conditions.any[5]`. */
  path: string;
  fact: string;
  operator: string;
  /** The value as written. */
  value: unknown;
  /** Tests in which the comparison was true, and false (json-rules-engine's own result, before any `not`). */
  seenTrue: number;
  seenFalse: number;
}

export interface RuleCoverage {
  name: string;
  kind: RuleTrace['kind'];
  /** The rule file and the rule's place in it. */
  file: 'eligibility.json' | 'categories.json';
  index: number;
  /** Tests in which the rule fired, and did not. */
  fired: number;
  notFired: number;
  conditions: ConditionCoverage[];
}

/** One side of a rule or a comparison that no test has seen. */
export type CoverageGap =
  | { rule: string; file: RuleCoverage['file']; index: number; missing: 'fired' | 'notFired' }
  | { rule: string; file: RuleCoverage['file']; index: number; missing: 'true' | 'false'; condition: Omit<ConditionCoverage, 'seenTrue' | 'seenFalse'> };

export interface Coverage {
  rules: RuleCoverage[];
  gaps: CoverageGap[];
  /** Sides seen of all sides there are (two per rule, two per comparison). */
  seen: number;
  total: number;
}

/** The comparisons of a rule as written, in file order, with their paths (the same paths traces give). */
export function comparisonsOf(rule: RuleDefinition): Omit<ConditionCoverage, 'seenTrue' | 'seenFalse'>[] {
  const out: Omit<ConditionCoverage, 'seenTrue' | 'seenFalse'>[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const n = node as Record<string, unknown>;
    for (const key of ['all', 'any'] as const) if (Array.isArray(n[key])) (n[key] as unknown[]).forEach((c, i) => walk(c, `${path}.${key}[${i}]`));
    if (n.not !== undefined) walk(n.not, `${path}.not`);
    if (typeof n.fact === 'string') out.push({ path, fact: n.fact, operator: String(n.operator), value: n.value });
  };
  walk(rule.conditions, 'conditions');
  return out;
}

export function coverageOf(rules: RuleSet, traces: readonly EvaluationTrace[]): Coverage {
  const all: RuleCoverage[] = [
    ...rules.eligibility.map((r, index) => ({ rule: r, kind: 'eligibility' as const, file: 'eligibility.json' as const, index })),
    ...[...rules.categories].sort((a, b) => a.index - b.index).map((c) => ({ rule: c.definition, kind: 'category' as const, file: 'categories.json' as const, index: c.index })),
  ].map(({ rule, kind, file, index }) => ({
    name: rule.name,
    kind,
    file,
    index,
    fired: 0,
    notFired: 0,
    conditions: comparisonsOf(rule).map((c) => ({ ...c, seenTrue: 0, seenFalse: 0 })),
  }));
  const byName = new Map(all.map((r) => [r.name, r]));
  for (const trace of traces) {
    for (const t of trace.rules) {
      const r = byName.get(t.name);
      if (!r) continue;
      if (t.fired) r.fired++;
      else r.notFired++;
      for (const c of t.conditions) {
        const cov = r.conditions.find((x) => x.path === c.path);
        if (!cov || c.result === undefined) continue;
        if (c.result) cov.seenTrue++;
        else cov.seenFalse++;
      }
    }
  }
  const gaps: CoverageGap[] = [];
  let seen = 0;
  let total = 0;
  for (const r of all) {
    const at = { rule: r.name, file: r.file, index: r.index };
    total += 2;
    seen += Number(r.fired > 0) + Number(r.notFired > 0);
    if (!r.fired) gaps.push({ ...at, missing: 'fired' });
    if (!r.notFired) gaps.push({ ...at, missing: 'notFired' });
    for (const { seenTrue, seenFalse, ...condition } of r.conditions) {
      total += 2;
      seen += Number(seenTrue > 0) + Number(seenFalse > 0);
      if (!seenTrue) gaps.push({ ...at, missing: 'true', condition });
      if (!seenFalse) gaps.push({ ...at, missing: 'false', condition });
    }
  }
  return { rules: all, gaps, seen, total };
}
