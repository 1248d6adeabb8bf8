import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RulesError, type RuleProblem } from '../errors.js';
import { LIFECYCLE_PARAMETERS, type CategoryRule, type RuleDefinition, type RuleSet } from './ruleset.js';

const RULE_FILES = ['ruleset.json', 'parameters.json', 'eligibility.json', 'categories.json'] as const;

/** Reads a rules folder and checks it; every problem is reported at once. */
export function loadRuleSet(dir: string): RuleSet {
  const problems: RuleProblem[] = [];
  const texts = new Map<string, string>();
  let present: string[] = [];
  try {
    present = readdirSync(dir);
  } catch {
    throw new RulesError([{ file: dir, path: '', message: 'rules folder cannot be read' }]);
  }
  const parsed = new Map<string, unknown>();
  for (const file of RULE_FILES) {
    if (!present.includes(file)) {
      problems.push({ file, path: '', message: 'file is missing' });
      continue;
    }
    const text = readFileSync(join(dir, file), 'utf8');
    texts.set(file, text);
    try {
      parsed.set(file, JSON.parse(text));
    } catch (e) {
      problems.push({ file, path: '', message: `not valid JSON: ${(e as Error).message}` });
    }
  }
  if (problems.length) throw new RulesError(problems);
  return buildRuleSet(
    {
      ruleset: parsed.get('ruleset.json'),
      parameters: parsed.get('parameters.json'),
      eligibility: parsed.get('eligibility.json'),
      categories: parsed.get('categories.json'),
    },
    hashRuleTexts(texts),
  );
}

/** Content hash of the rule files: stable across machines (names sorted, bytes as read). */
export function hashRuleTexts(texts: Map<string, string>): string {
  const h = createHash('sha256');
  for (const name of [...texts.keys()].sort()) {
    h.update(name).update('\0').update(texts.get(name)!).update('\0');
  }
  return h.digest('hex');
}

interface RuleDocuments {
  ruleset: unknown;
  parameters: unknown;
  eligibility: unknown;
  categories: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isNonNegativeInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Pure: checks parsed rule documents and resolves them into a RuleSet. */
export function buildRuleSet(docs: RuleDocuments, hash: string): RuleSet {
  const problems: RuleProblem[] = [];
  const bad = (file: string, path: string, message: string) => problems.push({ file, path, message });

  const rs = isObject(docs.ruleset) ? docs.ruleset : {};
  if (typeof rs.version !== 'string' || !rs.version) bad('ruleset.json', '$.version', 'must be a non-empty string');
  if (typeof rs.effectiveFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(rs.effectiveFrom))
    bad('ruleset.json', '$.effectiveFrom', 'must be a date YYYY-MM-DD');

  const p = isObject(docs.parameters) ? docs.parameters : {};
  if (!isPositiveInt(p.maxAgeYears)) bad('parameters.json', '$.maxAgeYears', 'must be a positive integer');
  if (!isNonNegativeInt(p.minAgeMonths)) bad('parameters.json', '$.minAgeMonths', 'must be a whole number of months');
  const quota = p.primaryQuota;
  if (!Array.isArray(quota) || quota.length !== 2 || !quota.every(isNonNegativeInt) || quota[0] + quota[1] === 0)
    bad('parameters.json', '$.primaryQuota', 'must be [primary, general], whole numbers, not both 0');
  if (!isPositiveInt(p.maxPreferences)) bad('parameters.json', '$.maxPreferences', 'must be a positive integer');
  if (!isPositiveInt(p.confirmWorkingDays)) bad('parameters.json', '$.confirmWorkingDays', 'must be a positive integer');
  for (const k of LIFECYCLE_PARAMETERS) if (!isPositiveInt(p[k])) bad('parameters.json', `$.${k}`, 'must be a positive integer');

  const eligibility = ruleList(docs.eligibility, 'eligibility.json', bad);
  eligibility.forEach((r, i) => {
    if (r.event.type !== 'refuse' || typeof r.event.params?.reason !== 'string')
      bad('eligibility.json', `$.rules[${i}].event`, 'must be {"type": "refuse", "params": {"reason": "…"}}');
  });

  const categories: CategoryRule[] = [];
  ruleList(docs.categories, 'categories.json', bad).forEach((r, i) => {
    const params = r.event.params ?? {};
    const category = params.category;
    if (r.event.type !== 'category' || (category !== 'extraordinary' && category !== 'primary') || !isPositiveInt(params.rank)) {
      bad('categories.json', `$.rules[${i}].event`, 'must be {"type": "category", "params": {"category": "extraordinary"|"primary", "rank": n}}');
      return;
    }
    categories.push({ definition: r, category, rank: params.rank, rights: rightsNamed(r.conditions) });
  });

  if (problems.length) throw new RulesError(problems);
  categories.sort((a, b) => a.rank - b.rank);
  return {
    version: rs.version as string,
    effectiveFrom: rs.effectiveFrom as string,
    hash,
    parameters: {
      maxAgeYears: p.maxAgeYears as number,
      minAgeMonths: p.minAgeMonths as number,
      primaryQuota: [(quota as number[])[0]!, (quota as number[])[1]!],
      maxPreferences: p.maxPreferences as number,
      confirmWorkingDays: p.confirmWorkingDays as number,
      ...(Object.fromEntries(LIFECYCLE_PARAMETERS.map((k) => [k, p[k] as number])) as Record<(typeof LIFECYCLE_PARAMETERS)[number], number>),
    },
    eligibility,
    categories,
    knownRights: new Set(categories.flatMap((c) => c.rights)),
  };
}

function ruleList(doc: unknown, file: string, bad: (f: string, p: string, m: string) => void): RuleDefinition[] {
  if (!isObject(doc) || !Array.isArray(doc.rules)) {
    bad(file, '$.rules', 'must be an array of rules');
    return [];
  }
  const names = new Set<string>();
  const out: RuleDefinition[] = [];
  doc.rules.forEach((r: unknown, i: number) => {
    if (!isObject(r)) return bad(file, `$.rules[${i}]`, 'must be an object');
    if (typeof r.name !== 'string' || !r.name) return bad(file, `$.rules[${i}].name`, 'must be a non-empty string');
    if (names.has(r.name)) return bad(file, `$.rules[${i}].name`, `duplicate rule name "${r.name}"`);
    names.add(r.name);
    if (!isObject(r.conditions)) return bad(file, `$.rules[${i}].conditions`, 'must be an object');
    if (!isObject(r.event) || typeof r.event.type !== 'string') return bad(file, `$.rules[${i}].event`, 'must have a type');
    out.push(r as unknown as RuleDefinition);
  });
  return out;
}

/** The right categories a rule tests with `{"fact": "validRights", "operator": "contains", "value": …}`. */
export function rightsNamed(conditions: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (node.fact === 'validRights' && node.operator === 'contains' && typeof node.value === 'string') {
      if (!out.includes(node.value)) out.push(node.value);
    }
    for (const key of ['all', 'any', 'not']) if (key in node) walk(node[key]);
  };
  walk(conditions);
  return out;
}
