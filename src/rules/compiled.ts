import type { Application, Category, Evaluation } from '../domain/types.js';
import { CompileUnsupported as Unsupported } from '../errors.js';
import { FACTS, factsAt, type Facts } from './facts.js';
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


// json-rules-engine's check, `parseFloat(v).toString() !== 'NaN'`; for a number that is exactly
// "not NaN" (parseFloat(String(n)) gives n back), without turning it into a string each time.
const numberValidator = (v: unknown): boolean => (typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN');
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

const FACT_NAMES: ReadonlySet<string> = new Set(FACTS.map((f) => f.name));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function compileOperator(name: string): OperatorFn {
  const parts = name.split(':');
  const base = OPERATORS[parts[parts.length - 1]!];
  if (!base) throw new Unsupported(`operator "${name}"`);
  const [valid, test] = base;
  let fn: OperatorFn = valid === anything ? test : (f, j) => valid(f) && test(f, j);
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

/**
 * One rule set's compilation: which facts its rules read (only those are
 * built per application) and its parameters (the `parameters` fact, the same
 * for every application, looked up once).
 */
class Compiler {
  readonly usedFacts = new Set<keyof Facts>(['validRights']);

  constructor(private readonly parameters: { value: unknown } | null) {}

  fact(ref: Record<string, unknown>): Operand {
    const name = ref.fact;
    if (typeof name !== 'string' || !FACT_NAMES.has(name)) throw new Unsupported(`fact ${JSON.stringify(name)}`);
    this.usedFacts.add(name as keyof Facts);
    if (ref.params !== undefined) throw new Unsupported(`fact params on "${name}"`);
    const path = compilePath(ref.path);
    const key = name as keyof Facts;
    if (name === 'parameters' && this.parameters) {
      // Looked up once here instead of once per application.
      const value = path ? path(this.parameters.value) : this.parameters.value;
      return () => value;
    }
    return path ? (f) => path(f[key]) : (f) => f[key];
  }

  condition(node: unknown): Predicate {
    if (!isObject(node)) throw new Unsupported('a condition that is not an object');
    for (const bool of ['all', 'any'] as const) {
      if (own(node, bool)) {
        const list = node[bool];
        if (!Array.isArray(list)) throw new Unsupported(`"${bool}" that is not a list`);
        if (list.length === 0) return () => true; // as json-rules-engine: an empty list passes
        if (bool === 'any') {
          const fused = this.fuseContains(list);
          if (fused) return fused;
        }
        const parts = list.map((c) => this.condition(c));
        if (parts.length === 1) return parts[0]!;
        const n = parts.length;
        return bool === 'all'
          ? (f) => {
              for (let i = 0; i < n; i++) if (!parts[i]!(f)) return false;
              return true;
            }
          : (f) => {
              for (let i = 0; i < n; i++) if (parts[i]!(f)) return true;
              return false;
            };
      }
    }
    if (own(node, 'not')) {
      const inner = this.condition(node.not);
      return (f) => !inner(f);
    }
    if (own(node, 'condition')) throw new Unsupported('shared condition references');
    if (typeof node.operator !== 'string') throw new Unsupported('a condition without an operator');
    const left = this.fact(node);
    const op = compileOperator(node.operator);
    const value = node.value;
    if (isObject(value) && own(value, 'fact')) {
      const right = this.fact(value);
      return (f) => op(left(f), right(f));
    }
    if (node.path === undefined) {
      const key = node.fact as keyof Facts;
      return (f) => op(f[key], value);
    }
    return (f) => op(left(f), value);
  }

  /**
   * `any` of plain `{fact: F, operator: "contains", value: literal}` on one
   * fact (the category rules' shape) becomes one pass over the fact's list
   * with a Set: the same truth value, without n scans.
   */
  private fuseContains(list: unknown[]): Predicate | null {
    const first = list[0];
    if (!isObject(first) || typeof first.fact !== 'string') return null;
    const fact = first.fact;
    const values = new Set<unknown>();
    for (const c of list) {
      if (!isObject(c) || c.fact !== fact || c.operator !== 'contains' || c.path !== undefined || c.params !== undefined) return null;
      if (isObject(c.value) || Array.isArray(c.value)) return null;
      if (Object.keys(c).some((k) => !['fact', 'operator', 'value', 'priority'].includes(k))) return null;
      values.add(c.value);
    }
    this.fact(first); // checks the fact and records it as used
    const key = fact as keyof Facts;
    return (f) => {
      const v = f[key];
      if (!Array.isArray(v)) return false;
      for (let i = 0; i < v.length; i++) if (values.has(v[i])) return true;
      return false;
    };
  }

  rule(r: RuleDefinition): Predicate {
    try {
      return this.condition(r.conditions);
    } catch (e) {
      if (e instanceof Unsupported) throw new Unsupported(`rule "${r.name}": ${e.message}`);
      throw e;
    }
  }
}

/** One condition compiled on its own (no rule set: a `parameters` fact is read per application). */
export function compileCondition(node: unknown): Predicate {
  return new Compiler(null).condition(node);
}

export interface CompiledRules {
  evaluate(app: Application, date: string): Evaluation;
}

/**
 * The same judgement as the reference evaluator, synchronously. Throws
 * `Unsupported` naming the rule and the construct when a rule uses
 * something this compiler does not handle.
 */
export function compileRuleSet(rules: RuleSet): CompiledRules {
  const compiler = new Compiler({ value: rules.parameters });
  const refusals = rules.eligibility.map((r) => ({ test: compiler.rule(r), reason: String(r.event.params?.reason) }));
  const categories = rules.categories.map((c) => ({ test: compiler.rule(c.definition), category: c.category, rights: c.rights }));
  const facts = factsWriter(compiler.usedFacts, rules);
  return {
    evaluate(app, date) {
      const f = facts(app, date);
      let reasons: string[] = NONE;
      for (const r of refusals) if (r.test(f)) (reasons === NONE ? (reasons = []) : reasons).push(r.reason);
      // Category rules are sorted by rank: the first that fires wins.
      for (const c of categories) {
        if (c.test(f)) {
          const rights = f.validRights === NONE ? NONE : f.validRights.filter((r) => c.rights.includes(r));
          return { eligible: reasons === NONE, reasons, category: c.category, rights };
        }
      }
      // Most children: eligible, general, no rights. One shared (frozen) verdict for them all.
      return reasons === NONE ? ELIGIBLE_GENERAL : { eligible: false, reasons, category: 'general' as Category, rights: NONE };
    },
  };
}

/** The empty list, shared (frozen: nothing may push to it). */
const NONE = Object.freeze([]) as unknown as string[];
const ELIGIBLE_GENERAL: Evaluation = Object.freeze({ eligible: true, reasons: NONE, category: 'general' as Category, rights: NONE });

/**
 * Builds only the facts the rules read (same values as `factsAt`), with the
 * date taken apart once per date rather than once per application.
 */
function factsWriter(used: ReadonlySet<keyof Facts>, rules: RuleSet): (app: Application, date: string) => Facts {
  const FAST: ReadonlySet<string> = new Set(['ageYears', 'ageMonths', 'birthYear', 'district', 'channel', 'language', 'groupType', 'status', 'validRights', 'parameters']);
  const all = [...used].some((f) => !FAST.has(f));
  let lastDate = '';
  let dy = 0;
  let dm = 0;
  let dd = 0;
  const facts = { parameters: rules.parameters } as Facts;
  const digits = (s: string, i: number, n: number): number => {
    let v = 0;
    for (let k = i; k < i + n; k++) v = v * 10 + s.charCodeAt(k) - 48;
    return v;
  };
  return (app, date) => {
    if (all) return factsAt(app, date, rules.parameters);
    if (date !== lastDate) {
      lastDate = date;
      dy = digits(date, 0, 4);
      dm = digits(date, 5, 2);
      dd = digits(date, 8, 2);
    }
    const b = app.birthDate;
    const by = digits(b, 0, 4);
    const months = (dy - by) * 12 + (dm - digits(b, 5, 2)) - (dd < digits(b, 8, 2) ? 1 : 0);
    facts.ageMonths = months;
    facts.ageYears = Math.floor(months / 12);
    facts.birthYear = by;
    facts.district = app.district;
    facts.channel = app.channel;
    facts.language = app.language;
    facts.groupType = app.groupType;
    facts.status = app.status;
    let valid: string[] = NONE;
    for (const r of app.rights) {
      if (r.validUntil >= date && !valid.includes(r.category)) (valid === NONE ? (valid = []) : valid).push(r.category);
    }
    facts.validRights = valid;
    return facts;
  };
}
