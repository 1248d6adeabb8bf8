import { createHash } from 'node:crypto';
import { RulesError, type RuleProblem } from '../errors.js';
import { parseRuleText } from './guard.js';
import { RULE_FILES, type RuleFile } from './schema.js';
import { LIFECYCLE_PARAMETERS, type CategoryRule, type RuleDefinition, type RuleSet } from './ruleset.js';
import { rightsNamed } from './right-conditions.js';
import { schemaProblems } from './schema-check.js';
import { checkVocabulary, VOCABULARY_FILE, type Vocabulary } from './vocabulary.js';

/**
 * Pure: parses, checks and resolves the rule files' texts and the vocabulary
 * (its own, or the current set's when a version has none: `vocabularyLabel`
 * names where it came from). `label` prefixes file names in problems. The hash
 * is of the four decision files only: the words never change a verdict.
 */
export function ruleSetFromTexts(texts: Map<string, string>, label = '', vocabulary?: { text: string; label: string }): RuleSet {
  const problems: RuleProblem[] = [];
  const docs = new Map<RuleFile, unknown>();
  for (const file of RULE_FILES) {
    const text = texts.get(file);
    if (text === undefined) {
      problems.push({ file: label + file, path: '', message: 'file is missing' });
      continue;
    }
    const parsed = parseRuleText(label + file, text);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else docs.set(file, parsed.value);
  }
  for (const [file, doc] of docs) problems.push(...schemaProblems(file, label + file, doc));
  problems.push(...nameProblems(docs.get('eligibility.json'), docs.get('categories.json'), label));
  if (problems.length) throw new RulesError(problems);
  const decisions = new Map(RULE_FILES.map((f) => [f, texts.get(f)!]));
  const set = buildRuleSet(
    {
      ruleset: docs.get('ruleset.json'),
      parameters: docs.get('parameters.json'),
      eligibility: docs.get('eligibility.json'),
      categories: docs.get('categories.json'),
    },
    hashRuleTexts(decisions),
    label,
  );
  const vocabularyFile = `${vocabulary?.label ?? label}${VOCABULARY_FILE}`;
  if (!vocabulary) throw new RulesError([{ file: vocabularyFile, path: '', message: 'file is missing: every rule set names its rights, categories, reasons and rules (kk, ru, en)' }]);
  const parsed = parseRuleText(vocabularyFile, vocabulary.text);
  if ('problems' in parsed) throw new RulesError(parsed.problems);
  const checked = checkVocabulary(parsed.value, vocabularyFile, { ...set, eligibilityFile: `${label}eligibility.json`, categoriesFile: `${label}categories.json` });
  if (!checked.vocabulary) throw new RulesError(checked.problems);
  return { ...set, vocabulary: checked.vocabulary, knownRights: new Set(checked.vocabulary.rights.map((r) => r.code)) };
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

type Doc = Record<string, unknown>;

/**
 * Pure: resolves schema-valid rule documents into a RuleSet, with the checks
 * a schema cannot make (rule names unique across both files, ranks unique).
 */
export function buildRuleSet(docs: RuleDocuments, hash: string, label = ''): Omit<RuleSet, 'vocabulary'> & { vocabulary?: Vocabulary } {
  const problems: RuleProblem[] = [];
  for (const [file, doc] of Object.entries({ 'ruleset.json': docs.ruleset, 'parameters.json': docs.parameters, 'eligibility.json': docs.eligibility, 'categories.json': docs.categories }))
    problems.push(...schemaProblems(file as RuleFile, label + file, doc));
  if (problems.length) throw new RulesError(problems);
  const rs = docs.ruleset as Doc;
  const p = docs.parameters as Doc;
  const eligibility = (docs.eligibility as { rules: RuleDefinition[] }).rules;
  const categoryRules = (docs.categories as { rules: RuleDefinition[] }).rules;

  problems.push(...nameProblems(docs.eligibility, docs.categories, label));

  const ranks = new Map<number, number>();
  const categories: CategoryRule[] = categoryRules.map((r, i) => {
    const params = r.event.params as { category: CategoryRule['category']; rank: number };
    const before = ranks.get(params.rank);
    if (before !== undefined) problems.push({ file: label + 'categories.json', path: `$.rules[${i}].event.params.rank`, message: `rank ${params.rank} is already used by $.rules[${before}]` });
    ranks.set(params.rank, i);
    return { definition: r, category: params.category, rank: params.rank, index: i, rights: rightsNamed(r.conditions) };
  });
  if (problems.length) throw new RulesError(problems);
  categories.sort((a, b) => a.rank - b.rank);
  const quota = p.primaryQuota as number[];
  return {
    version: rs.version as string,
    effectiveFrom: rs.effectiveFrom as string,
    hash,
    parameters: {
      maxAgeYears: p.maxAgeYears as number,
      minAgeMonths: p.minAgeMonths as number,
      primaryQuota: [quota[0]!, quota[1]!],
      maxPreferences: p.maxPreferences as number,
      confirmWorkingDays: p.confirmWorkingDays as number,
      ...(Object.fromEntries(LIFECYCLE_PARAMETERS.map((k) => [k, p[k] as number])) as Record<(typeof LIFECYCLE_PARAMETERS)[number], number>),
    },
    eligibility,
    categories,
    knownRights: new Set(categories.flatMap((c) => c.rights)),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pure: rule names must be unique across both rule files (results are told apart by name). Tolerates unchecked documents. */
export function nameProblems(eligibility: unknown, categories: unknown, label = ''): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const names = new Map<string, string>();
  for (const [file, doc] of [['eligibility.json', eligibility], ['categories.json', categories]] as const) {
    const rules = isObject(doc) && Array.isArray(doc.rules) ? doc.rules : [];
    rules.forEach((r: unknown, i: number) => {
      if (!isObject(r) || typeof r.name !== 'string') return;
      const first = names.get(r.name);
      if (first) problems.push({ file: label + file, path: `$.rules[${i}].name`, message: `duplicate rule name "${r.name}" (first in ${first})` });
      else names.set(r.name, `${label}${file} $.rules[${i}]`);
    });
  }
  return problems;
}

export { rightsNamed };
