import type { Application, Category, Evaluation } from '../domain/types.js';
import { factsAt, type Facts } from './facts.js';
import type { RuleDefinition, RuleSet } from './ruleset.js';

/**
 * Compiles the rule files into plain synchronous closures, for the
 * operators, decorators and fact paths the rules use. json-rules-engine stays
 * the reference: every construct here follows its semantics exactly
 * (including its quirks, e.g. an empty `any` is true), a differential test
 * holds the two together, and anything not understood here makes
 * `compileRuleSet` report it so the caller falls back to the reference.
 * No code is generated from rule text: only closures over checked values.
 */
type Predicate = (facts: Facts) => boolean;
type Operand = (facts: Facts) => unknown;
type OperatorFn = (factValue: unknown, jsonValue: unknown) => boolean;

export class Unsupported extends Error {}

const numberValidator = (v: unknown): boolean => Number.parseFloat(v as string).toString() !== 'NaN';
const anything = (): boolean => true;

/** json-rules-engine's default operators: (validator, callback). */
const OPERATORS: Record<string, [(v: unknown) => boolean, OperatorFn]> = {
  equal: [anything, (a, b) => a === b],
  notEqual: [anything, (a, b) => a !== b],
  in: [anything, (a, b) => (b as unknown[]).indexOf(a) > -1],
  notIn: [anything, (a, b) => (b as unknown[]).indexOf(a) === -1],
  contains: [Array.isArray, (a, b) => (a as unknown[]).indexOf(b) > -1],
  doesNotContain: [Array.isArray, (a, b) => (a as unknown[]).indexOf(b) === -1],
  lessThan: [numberValidator, (a, b) => (a as number) < (b as number)],
  lessThanInclusive: [numberValidator, (a, b) => (a as number) <= (b as number)],
  greaterThan: [numberValidator, (a, b) => (a as number) > (b as number)],
  greaterThanInclusive: [numberValidator, (a, b) => (a as number) >= (b as number)],
};

/** json-rules-engine's operator decorators (`not:equal`, `someFact:contains`, …). */
const DECORATORS: Record<string, [(v: unknown) => boolean, (f: unknown, j: unknown, next: OperatorFn) => boolean]> = {
  someFact: [Array.isArray, (f, j, next) => (f as unknown[]).some((x) => next(x, j))],
  someValue: [anything, (f, j, next) => (j as unknown[]).some((x) => next(f, x))],
  everyFact: [Array.isArray, (f, j, next) => (f as unknown[]).every((x) => next(x, j))],
  everyValue: [anything, (f, j, next) => (j as unknown[]).every((x) => next(f, x))],
  swap: [anything, (f, j, next) => next(j, f)],
  not: [anything, (f, j, next) => !next(f, j)],
};

const FACT_NAMES: ReadonlySet<string> = new Set<keyof Facts>([
  'ageYears',
  'ageMonths',
  'birthYear',
  'district',
  'channel',
  'language',
  'groupType',
  'status',
  'validRights',
  'expiredRights',
  'daysWaited',
  'parameters',
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function compileOperator(name: string): OperatorFn {
  const parts = name.split(':');
  const base = OPERATORS[parts[parts.length - 1]!];
  if (!base) throw new Unsupported(`operator "${name}"`);
  let fn: OperatorFn = (f, j) => base[0](f) && base[1](f, j);
  for (let i = parts.length - 2; i >= 0; i--) {
    const dec = DECORATORS[parts[i]!];
    if (!dec) throw new Unsupported(`operator decorator "${parts[i]}"`);
    const next = fn;
    fn = (f, j) => dec[0](f) && dec[1](f, j, next);
  }
  return fn;
}

/** Only simple paths (`$.a.b`): jsonpath-plus expressions can do far more, and rules must not. */
function compilePath(path: unknown): ((v: unknown) => unknown) | null {
  if (path === undefined) return null;
  if (typeof path !== 'string' || !/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path)) throw new Unsupported(`path ${JSON.stringify(path)}`);
  const keys = path.slice(2).split('.');
  return (v) => {
    let cur = v;
    for (const k of keys) {
      if (!isObject(cur) || !own(cur, k)) return undefined;
      cur = cur[k];
    }
    return cur;
  };
}

function compileFact(ref: Record<string, unknown>): Operand {
  const name = ref.fact;
  if (typeof name !== 'string' || !FACT_NAMES.has(name)) throw new Unsupported(`fact ${JSON.stringify(name)}`);
  if (ref.params !== undefined) throw new Unsupported(`fact params on "${name}"`);
  const path = compilePath(ref.path);
  const key = name as keyof Facts;
  return path ? (f) => path(f[key]) : (f) => f[key];
}

export function compileCondition(node: unknown): Predicate {
  if (!isObject(node)) throw new Unsupported('a condition that is not an object');
  for (const bool of ['all', 'any'] as const) {
    if (own(node, bool)) {
      const list = node[bool];
      if (!Array.isArray(list)) throw new Unsupported(`"${bool}" that is not a list`);
      const parts = list.map(compileCondition);
      if (parts.length === 0) return () => true; // as json-rules-engine: an empty list passes
      return bool === 'all' ? (f) => parts.every((p) => p(f)) : (f) => parts.some((p) => p(f));
    }
  }
  if (own(node, 'not')) {
    const inner = compileCondition(node.not);
    return (f) => !inner(f);
  }
  if (own(node, 'condition')) throw new Unsupported('shared condition references');
  if (typeof node.operator !== 'string') throw new Unsupported('a condition without an operator');
  const left = compileFact(node);
  const op = compileOperator(node.operator);
  const value = node.value;
  if (isObject(value) && own(value, 'fact')) {
    const right = compileFact(value);
    return (f) => op(left(f), right(f));
  }
  return (f) => op(left(f), value);
}

export interface CompiledRules {
  evaluate(app: Application, date: string): Evaluation;
}

function compileRule(r: RuleDefinition): Predicate {
  try {
    return compileCondition(r.conditions);
  } catch (e) {
    if (e instanceof Unsupported) throw new Unsupported(`rule "${r.name}": ${e.message}`);
    throw e;
  }
}

/**
 * The same judgement as the reference evaluator, synchronously. Throws
 * `Unsupported` naming the rule and the construct when a rule uses
 * something this compiler does not handle.
 */
export function compileRuleSet(rules: RuleSet): CompiledRules {
  const refusals = rules.eligibility.map((r) => ({ test: compileRule(r), reason: String(r.event.params?.reason) }));
  const categories = rules.categories.map((c) => ({ test: compileRule(c.definition), category: c.category, rights: c.rights }));
  return {
    evaluate(app, date) {
      const facts = factsAt(app, date, rules.parameters);
      const reasons: string[] = [];
      for (const r of refusals) if (r.test(facts)) reasons.push(r.reason);
      // Category rules are sorted by rank: the first that fires wins.
      let category: Category = 'general';
      let named: readonly string[] = [];
      for (const c of categories) {
        if (c.test(facts)) {
          category = c.category;
          named = c.rights;
          break;
        }
      }
      return {
        eligible: reasons.length === 0,
        reasons,
        category,
        rights: named.length ? facts.validRights.filter((r) => named.includes(r)) : [],
      };
    },
  };
}
