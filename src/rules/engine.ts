import type { Application, Evaluation } from '../domain/types.js';
import { CompileUnsupported } from '../errors.js';
import { compileRuleSet, type CompiledRules } from './compiled.js';
import { referenceEvaluator, type RuleEvaluator } from './reference-engine.js';
import type { RuleSet } from './ruleset.js';

/** `compiled`: the rule files compiled to plain functions (default); `reference`: json-rules-engine. */
export type EngineName = 'compiled' | 'reference';
export const ENGINES: readonly EngineName[] = ['compiled', 'reference'];

export interface EngineChoice {
  engine: EngineName;
  /** Why the compiled engine was not used, when it was asked for. */
  fallback: string | null;
}

/** Which engine a run can use: the compiled one unless a rule uses something it does not support. */
export function chooseEngine(rules: RuleSet, wanted: EngineName): EngineChoice {
  if (wanted === 'reference') return { engine: 'reference', fallback: null };
  try {
    compileRuleSet(rules);
    return { engine: 'compiled', fallback: null };
  } catch (e) {
    if (e instanceof CompileUnsupported) return { engine: 'reference', fallback: e.message };
    throw e;
  }
}

/**
 * The engines of rule sets, each built once (compiling takes longer than
 * judging a district): one per run, or per worker thread for its lifetime.
 */
export class RuleEngines {
  private readonly compiled = new Map<string, CompiledRules>();
  private readonly reference = new Map<string, RuleEvaluator>();

  /** Judges a batch of applications with the chosen engine. */
  async judgeAll(rules: RuleSet, engine: EngineName, apps: readonly Application[], date: string): Promise<Evaluation[]> {
    if (engine === 'compiled') {
      let c = this.compiled.get(rules.hash);
      if (!c) this.compiled.set(rules.hash, (c = compileRuleSet(rules)));
      return apps.map((a) => c.evaluate(a, date));
    }
    let r = this.reference.get(rules.hash);
    if (!r) this.reference.set(rules.hash, (r = referenceEvaluator(rules)));
    const out: Evaluation[] = [];
    // One at a time: json-rules-engine is much slower under a large Promise.all fan-out.
    for (const a of apps) out.push(await r.evaluate(a, date));
    return out;
  }
}

/**
 * The fastest evaluator that gives the reference verdicts: the compiled
 * rules when they compile, else json-rules-engine. For the online services,
 * which judge a whole cohort to number one child.
 */
export function fastestEvaluator(rules: RuleSet): RuleEvaluator {
  if (chooseEngine(rules, 'compiled').engine === 'reference') return referenceEvaluator(rules);
  const compiled = compileRuleSet(rules);
  return { evaluate: async (app, date) => compiled.evaluate(app, date), evaluateNow: (app, date) => compiled.evaluate(app, date) };
}
