import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Application, Category, Evaluation } from '../domain/types.js';
import { factsAt } from './facts.js';
import type { RuleSet } from './ruleset.js';

/** Judges applications with json-rules-engine, the reference semantics of the rule files. */
export interface RuleEvaluator {
  evaluate(app: Application, date: string): Promise<Evaluation>;
}

export function referenceEvaluator(rules: RuleSet): RuleEvaluator {
  const engine = new Engine([], { allowUndefinedFacts: false });
  const reasonOrder = new Map<string, number>();
  rules.eligibility.forEach((r, i) => {
    engine.addRule(r as unknown as RuleProperties);
    reasonOrder.set(r.name, i);
  });
  const categoryByRule = new Map(rules.categories.map((c) => [c.definition.name, c]));
  for (const c of rules.categories) engine.addRule(c.definition as unknown as RuleProperties);

  return {
    async evaluate(app, date) {
      const facts = factsAt(app, date, rules.parameters);
      const { results } = await engine.run(facts as unknown as Record<string, unknown>);
      const refusals: { order: number; reason: string }[] = [];
      let best: { rank: number; category: Category; rights: string[] } | null = null;
      for (const result of results) {
        const name = String(result.name);
        const order = reasonOrder.get(name);
        if (order !== undefined) {
          refusals.push({ order, reason: String(result.event?.params?.reason) });
          continue;
        }
        const cat = categoryByRule.get(name);
        if (cat && (!best || cat.rank < best.rank)) best = { rank: cat.rank, category: cat.category, rights: cat.rights };
      }
      refusals.sort((a, b) => a.order - b.order);
      const category: Category = best?.category ?? 'general';
      const named = best?.rights ?? [];
      return {
        eligible: refusals.length === 0,
        reasons: refusals.map((r) => r.reason),
        category,
        rights: facts.validRights.filter((r) => named.includes(r)),
      };
    },
  };
}
