import { IntlMessageFormat } from 'intl-messageformat';
import type { Category } from '../domain/types.js';
import { LANGS, type Labels, type Lang, type RightEntry, type Vocabulary } from './vocabulary-types.js';
import type { RuleProblem } from '../errors.js';
import { rightConditions, rightMentions } from './right-conditions.js';
import type { CategoryRule, RuleDefinition, RuleParameters } from './ruleset.js';

/**
 * The words of a rule set (`vocabulary.json`): every right code declared once
 * with its tier, and the names people read of the categories, the rights, the
 * refusal reasons and the rules, in Kazakh, Russian and English. Policy data:
 * a right staff add is named in every text, and a misspelt code cannot go
 * live (a rule naming an undeclared right, or a declared right no rule uses,
 * is a problem). Texts are ICU MessageFormat and may use the set's parameters
 * (`{maxAgeYears}`), so a changed age limit is said with its new value.
 */
export { LANGS, type Labels, type Lang, type RightEntry, type Vocabulary } from './vocabulary-types.js';

export const VOCABULARY_FILE = 'vocabulary.json';

const CATEGORIES: readonly Category[] = ['extraordinary', 'primary', 'general'];
const TIERS = ['extraordinary', 'primary'] as const;
const CODE = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_TEXT = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed vocabulary.json against the rule set it names the words
 * of, and returns it with every problem (file, JSON path, reason) at once.
 */
export function checkVocabulary(
  doc: unknown,
  file: string,
  set: { parameters: RuleParameters; eligibility: readonly RuleDefinition[]; categories: readonly CategoryRule[]; eligibilityFile: string; categoriesFile: string },
): { vocabulary: Vocabulary | null; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ file, path, message });
  if (!isObject(doc)) return { vocabulary: null, problems: [{ file, path: '$', message: 'must be an object' }] };
  for (const k of Object.keys(doc)) if (!['$schema', 'description', 'categories', 'rights', 'reasons', 'rules'].includes(k)) bad(`$.${k}`, 'is not a part of a vocabulary (categories, rights, reasons, rules)');
  const parameters = new Set(Object.keys(messageValues(set.parameters)));

  const labels = (v: unknown, path: string): Labels | null => {
    if (!isObject(v)) return (bad(path, 'must be {"kk": …, "ru": …, "en": …}'), null);
    const out: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) {
      const text = v[lang];
      if (typeof text !== 'string' || !text.trim()) {
        bad(`${path}.${lang}`, `the ${lang === 'kk' ? 'Kazakh' : lang === 'ru' ? 'Russian' : 'English'} name is missing: every word is given in kk, ru and en`);
        continue;
      }
      if (text.length > MAX_TEXT) {
        bad(`${path}.${lang}`, `is longer than ${MAX_TEXT} characters`);
        continue;
      }
      const problem = messageProblem(text, lang, parameters);
      if (problem) bad(`${path}.${lang}`, problem);
      else out[lang] = text;
    }
    return LANGS.every((l) => out[l] !== undefined) ? (out as Labels) : null;
  };
  const section = (name: string): Record<string, unknown> => {
    const v = doc[name];
    if (!isObject(v)) {
      bad(`$.${name}`, 'must be an object');
      return {};
    }
    return v;
  };

  const categories = section('categories');
  const categoryLabels: Partial<Record<Category, Labels>> = {};
  for (const c of CATEGORIES) {
    if (!(c in categories)) bad(`$.categories`, `"${c}" has no name`);
    else categoryLabels[c] = labels(categories[c], `$.categories.${c}`) ?? undefined;
  }
  for (const c of Object.keys(categories)) if (!CATEGORIES.includes(c as Category)) bad(`$.categories.${c}`, `is not a category (${CATEGORIES.join(', ')})`);

  const rights: RightEntry[] = [];
  for (const [code, v] of Object.entries(section('rights'))) {
    const path = `$.rights.${code}`;
    if (!CODE.test(code)) bad(path, 'a right code is lower_snake_case');
    if (!isObject(v)) {
      bad(path, 'must be {"tier": "extraordinary"|"primary", "kk": …, "ru": …, "en": …}');
      continue;
    }
    if (!TIERS.includes(v.tier as (typeof TIERS)[number])) bad(`${path}.tier`, 'must be "extraordinary" or "primary"');
    const { tier: _tier, ...names } = v;
    const l = labels(names, path);
    if (l && TIERS.includes(v.tier as (typeof TIERS)[number])) rights.push({ code, tier: v.tier as RightEntry['tier'], labels: l });
  }

  // A right a rule names must be declared, with the tier of that rule; a declared one must be used.
  const declared = new Map(rights.map((r) => [r.code, r]));
  const used = new Set<string>();
  const undeclared = (code: string) => !declared.has(code) && !rightsSection(doc).has(code);
  for (const c of set.categories) {
    for (const { code } of rightConditions(c.definition.conditions)) {
      used.add(code);
      const r = declared.get(code);
      if (r && r.tier !== c.category) problems.push({ file, path: `$.rights.${code}.tier`, message: `is ${r.tier}, but rule "${c.definition.name}" gives ${c.category} for it` });
    }
  }
  // Any comparison with a right code, in either rule file, must name a declared right.
  const mentions = [
    ...set.eligibility.map((r, index) => ({ rule: r, index, file: set.eligibilityFile })),
    ...set.categories.map((c) => ({ rule: c.definition, index: c.index, file: set.categoriesFile })),
  ];
  for (const { rule, index, file: ruleFile } of mentions)
    for (const { code, path } of rightMentions(rule.conditions))
      if (undeclared(code))
        problems.push({ file: ruleFile, path: `$.rules[${index}].${path}`, message: `rule "${rule.name}" names the right "${code}", which ${file} does not declare (a misspelt code?): declare it with its tier and names` });
  for (const r of rights) if (!used.has(r.code)) bad(`$.rights.${r.code}`, `no category rule names this right: a misspelt code, or a right to remove`);

  const reasonCodes = set.eligibility.map((r) => String(r.event.params?.reason));
  const reasons = new Map<string, Labels>();
  const reasonSection = section('reasons');
  for (const code of reasonCodes) {
    if (!(code in reasonSection)) bad('$.reasons', `the refusal reason "${code}" has no name`);
    else {
      const l = labels(reasonSection[code], `$.reasons.${code}`);
      if (l) reasons.set(code, l);
    }
  }
  for (const code of Object.keys(reasonSection)) if (!reasonCodes.includes(code)) bad(`$.reasons.${code}`, 'no eligibility rule gives this reason');

  const ruleNames = [...set.eligibility.map((r) => r.name), ...set.categories.map((c) => c.definition.name)];
  const rules = new Map<string, Labels>();
  const ruleSection = section('rules');
  for (const name of ruleNames) {
    if (!(name in ruleSection)) bad('$.rules', `the rule "${name}" has no name for people`);
    else {
      const l = labels(ruleSection[name], `$.rules.${name}`);
      if (l) rules.set(name, l);
    }
  }
  for (const name of Object.keys(ruleSection)) if (!ruleNames.includes(name)) bad(`$.rules.${name}`, 'no rule has this name');

  if (problems.length) return { vocabulary: null, problems };
  return { vocabulary: { categories: categoryLabels as Record<Category, Labels>, rights, reasons, rules }, problems };
}

function rightsSection(doc: Record<string, unknown>): Set<string> {
  return new Set(isObject(doc.rights) ? Object.keys(doc.rights) : []);
}

/** Why a name is not a usable ICU message: bad syntax, or a value that is not one of the set's parameters. */
export function messageProblem(text: string, lang: Lang, parameters: ReadonlySet<string>): string | null {
  let ast: unknown;
  try {
    ast = new IntlMessageFormat(text, lang).getAst();
  } catch (e) {
    return `is not a valid message: ${(e as Error).message}`;
  }
  const unknown = [...argumentsOf(ast)].filter((a) => !parameters.has(a));
  return unknown.length ? `uses {${unknown.join('}, {')}}, which is not a rule parameter (${[...parameters].join(', ')})` : null;
}

/** Every {name} a message reads, at any depth. */
function argumentsOf(ast: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(ast)) for (const el of ast) argumentsOf(el, out);
  else if (isObject(ast)) {
    if (typeof ast.value === 'string' && [1, 2, 3, 4, 5, 6].includes(ast.type as number)) out.add(ast.value);
    if (isObject(ast.options)) for (const o of Object.values(ast.options)) argumentsOf((o as { value?: unknown }).value, out);
    if (Array.isArray(ast.children)) argumentsOf(ast.children, out);
  }
  return out;
}

/**
 * The values a name may use: every numeric parameter, and the quota's two
 * numbers as `quotaPrimary` and `quotaGeneral`.
 */
export function messageValues(parameters: RuleParameters): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(parameters)) if (typeof v === 'number') values[k] = v;
  values.quotaPrimary = parameters.primaryQuota[0];
  values.quotaGeneral = parameters.primaryQuota[1];
  return values;
}

/** The name of something in a language, with the set's parameters filled in (a code nobody named is shown as it is). */
export function labelText(labels: Labels | undefined, lang: Lang, parameters: RuleParameters, fallback: string): string {
  if (!labels) return fallback;
  return String(new IntlMessageFormat(labels[lang], lang).format(messageValues(parameters)));
}
