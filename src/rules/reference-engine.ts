import { KezekError } from '../errors.js';
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Application, Category, Evaluation } from '../domain/types.js';
import { factsAt } from './facts.js';
import type { RuleSet } from './ruleset.js';

/** Judges applications with json-rules-engine, the reference semantics of the rule files. */
export interface RuleEvaluator {
  evaluate(app: Application, date: string): Promise<Evaluation>;
  /**
   * The same judgement without waiting, where the rules need none (compiled rules): a
   * cohort of a few thousand is judged in one go instead of one awaited promise each.
   */
  evaluateNow?(app: Application, date: string): Evaluation;
}

const SIMPLE_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

/**
 * Replaces jsonpath-plus (which can evaluate script expressions) with plain
 * own-property lookups of `$.a.b`; anything else is an error. The schema
 * already allows only `$.<parameter>`; this holds even for unchecked rules.
 */
export function safePathResolver(value: unknown, path: string): unknown {
  if (!SIMPLE_PATH.test(path)) throw new KezekError('RULES_INVALID', `rule path ${JSON.stringify(path)} is not a simple $.name path`, { path });
  let cur = value;
  for (const key of path.slice(2).split('.')) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A json-rules-engine with the rule set's rules, no custom operators and the safe path resolver. */
export function buildEngine(rules: RuleSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: safePathResolver });
  for (const r of rules.eligibility) engine.addRule(r as unknown as RuleProperties);
  for (const c of rules.categories) engine.addRule(c.definition as unknown as RuleProperties);
  return engine;
}

/** Pure: the verdict from the names of the rules that fired. */
export function verdictOf(rules: RuleSet, fired: readonly string[], validRights: readonly string[]): Evaluation {
  const reasons: string[] = [];
  for (const r of rules.eligibility) if (fired.includes(r.name)) reasons.push(String(r.event.params?.reason));
  // categories are sorted by rank: the first that fired wins.
  const best = rules.categories.find((c) => fired.includes(c.definition.name));
  const category: Category = best?.category ?? 'general';
  const named = best?.rights ?? [];
  return { eligible: reasons.length === 0, reasons, category, rights: validRights.filter((r) => named.includes(r)) };
}

export function referenceEvaluator(rules: RuleSet): RuleEvaluator {
  const engine = buildEngine(rules);
  return {
    async evaluate(app, date) {
      const facts = factsAt(app, date, rules.parameters);
      const { results } = await engine.run(facts as unknown as Record<string, unknown>);
      return verdictOf(
        rules,
        results.map((r) => String(r.name)),
        facts.validRights,
      );
    },
  };
}
