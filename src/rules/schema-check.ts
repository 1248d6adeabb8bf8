import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { RuleProblem } from '../errors.js';
import { FACTS } from './facts.js';
import { jsonPathKey } from './guard.js';
import { OPERATORS } from './operators.js';
import { NUMERIC_PARAMETERS, ruleSchemas, type RuleFile } from './schema.js';

/**
 * Checks a parsed rule file against its JSON Schema (ajv) and turns ajv's
 * errors into plain reasons with a JSON path. One reason per place: the
 * most specific mistake wins (unknown fact over wrong value type, …).
 */
const validators = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/** Compiled on first use, one file kind at a time (compiling costs more than checking). */
function validatorFor(kind: RuleFile | 'tests'): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    validators.set(kind, (v = ajv.compile(ruleSchemas()[kind])));
  }
  return v;
}

export function schemaProblems(kind: RuleFile | 'tests', file: string, doc: unknown): RuleProblem[] {
  const validate = validatorFor(kind);
  if (validate(doc)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  // Errors of the general schema before the fact-specific ones (allOf), so "unknown operator" beats "operator does not apply".
  errors.sort((a, b) => rank(a) - rank(b));
  const byPath = new Map<string, RuleProblem>();
  const blocking = new Set<string>();
  for (const e of errors) {
    const params = e.params as { additionalProperty?: string; missingProperty?: string };
    const child = e.keyword === 'additionalProperties' ? params.additionalProperty : e.keyword === 'required' ? params.missingProperty : undefined;
    const path = toJsonPath(child === undefined ? e.instancePath : `${e.instancePath}/${child}`);
    // A container that is wrong as a whole (not an object, no all/any/not) hides what is wrong inside it.
    const parentDone = [...blocking].some((p) => path.startsWith(p) && p !== path && /[.[]/.test(path[p.length] ?? ''));
    if (byPath.has(path) || parentDone) continue;
    if (e.keyword === 'type' || e.keyword === 'false schema') blocking.add(path);
    byPath.set(path, { file, path, message: plainReason(e, doc) });
  }
  return [...byPath.values()];
}

const rank = (e: ErrorObject): number => (e.schemaPath.includes('/allOf/') ? 2 : e.keyword === 'false schema' ? 1 : 0);

/** `/rules/0/conditions/all/1/fact` → `$.rules[0].conditions.all[1].fact`. */
export function toJsonPath(pointer: string): string {
  let out = '$';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : jsonPathKey(part);
  }
  return out;
}

function at(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const raw of pointer.split('/').slice(1)) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = Object.hasOwn(cur, part) ? (cur as Record<string, unknown>)[part] : undefined;
  }
  return cur;
}

const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
const parentOf = (pointer: string): string => pointer.slice(0, pointer.lastIndexOf('/'));
const last = (pointer: string): string => pointer.slice(pointer.lastIndexOf('/') + 1);
const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  string: 'a text',
  'string[]': 'a list of texts',
  boolean: 'true or false',
};

function plainReason(e: ErrorObject, doc: unknown): string {
  const value = at(doc, e.instancePath);
  const key = last(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      if (extra === 'path') return 'a "path" is allowed only in a parameter value: {"fact": "parameters", "path": "$.maxAgeYears"}';
      if (extra === 'condition') return 'shared conditions are not supported; write the conditions out';
      if (extra === 'params') return 'fact parameters are not supported';
      return `unknown field "${extra}"`;
    }
    case 'required':
      return `"${String(params.missingProperty)}" is missing`;
    case 'false schema':
      return 'conditions must be {"all": […]}, {"any": […]} or {"not": {…}}';
    case 'const':
    case 'enum':
      return enumReason(e, key, value, doc);
    case 'not':
      return key === 'primaryQuota' ? 'out of range: a quota of 0:0 gives nobody a place; at least one number must be above 0' : `${show(value)} is not allowed`;
    case 'minimum':
    case 'maximum':
      return `out of range: ${show(value)}; must be from ${rangeOf(key)}`;
    case 'maxItems':
    case 'minItems':
      return `must have ${e.keyword === 'maxItems' ? 'at most' : 'at least'} ${String(params.limit)} items`;
    case 'minProperties':
      return key === 'expect' ? 'a rule test must expect at least one of eligible, reasons, category, rights' : `must have at least ${String(params.limit)} fields`;
    case 'pattern':
      return key === 'effectiveFrom' ? `${show(value)} is not a date YYYY-MM-DD` : `${show(value)} is not a valid ${key === 'version' ? 'version' : 'name (lower_snake_case)'}`;
  }
  if (e.instancePath.endsWith('/value') || /\/value\/\d+$/.test(e.instancePath)) return valueReason(e.instancePath, doc);
  if (e.keyword === 'type') return `wrong type: ${show(value)} must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}`;
  return e.message ?? 'invalid';
}

function enumReason(e: ErrorObject, key: string, value: unknown, doc: unknown): string {
  const condition = at(doc, parentOf(e.instancePath)) as Record<string, unknown> | undefined;
  if (key === 'fact' && e.instancePath.includes('/value')) return `only "parameters" can be used as a value fact, got ${show(value)}`;
  if (key === 'path') return `${show(value)} is not a parameter; use one of ${NUMERIC_PARAMETERS.map((p) => `$.${p}`).join(', ')}`;
  if (key === 'fact') return `unknown fact ${show(value)} (see \`kezek rules facts\`)`;
  if (key === 'operator') {
    if (!OPERATORS.some((o) => o.name === value)) return `unknown operator ${show(value)}; one of ${OPERATORS.map((o) => o.name).join(', ')}`;
    const fact = FACTS.find((f) => f.name === condition?.fact);
    return `operator ${show(value)} does not apply to ${String(condition?.fact)} (${TYPE_WORDS[fact?.type ?? ''] ?? 'unknown'})`;
  }
  if (key === 'category') return `unknown category ${show(value)}: must be "extraordinary" or "primary" (general is everyone else)`;
  if (key === 'type') return `wrong event type ${show(value)}: must be ${String((e.params as { allowedValue?: unknown }).allowedValue ?? 'as in the schema')}`;
  if (e.instancePath.includes('/value')) return valueReason(e.instancePath, doc);
  return `${show(value)} is not one of the allowed values`;
}

function valueReason(pointer: string, doc: unknown): string {
  const condPointer = pointer.replace(/\/value(\/\d+)?$/, '');
  const cond = at(doc, condPointer) as Record<string, unknown> | undefined;
  const fact = FACTS.find((f) => f.name === cond?.fact);
  const op = OPERATORS.find((o) => o.name === cond?.operator);
  const got = show(at(doc, pointer));
  if (!fact) return `wrong value type: ${got}`;
  const one = fact.values ? `one of ${fact.values.map((v) => JSON.stringify(v)).join(', ')}` : fact.type === 'string[]' ? 'a right or code (lower_snake_case)' : TYPE_WORDS[fact.type];
  const want = op?.value === 'list' ? `a list of ${one}` : fact.type === 'integer' ? `${one} or {"fact": "parameters", "path": "$.name"}` : one;
  return `wrong value type for ${fact.name} ${op?.name ?? ''}: ${got}; expected ${want}`.replace('  ', ' ');
}

const RANGES: Record<string, string> = {
  maxAgeYears: '1 to 10',
  minAgeMonths: '0 to 84',
  maxPreferences: '1 to 10',
  confirmWorkingDays: '1 to 30',
  rank: '1 to 20',
};
const rangeOf = (key: string): string => RANGES[key] ?? (/^\d+$/.test(key) ? '0 to 100' : 'the allowed range');
