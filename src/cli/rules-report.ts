import type { RuleProblem } from '../errors.js';
import { t, type Lang, type MessageKey } from '../i18n/messages.js';
import type { Category, Evaluation } from '../domain/types.js';
import type { Coverage, CoverageGap } from '../rules/coverage.js';
import { FACTS } from '../rules/facts.js';
import { OPERATORS } from '../rules/operators.js';
import type { ConditionTrace, EvaluationTrace } from '../rules/rule-trace.js';
import type { TracedTestResult } from '../rules/rule-tests.js';
import type { RuleSet } from '../rules/ruleset.js';
import { labelText } from '../rules/vocabulary.js';

/** Terminal text of `kezek rules …` (people read it; nothing parses it; `--json` is for machines). */

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function formatProblems(problems: readonly RuleProblem[]): string {
  return [`${problems.length} problem${problems.length === 1 ? '' : 's'} in the rules:`, ...problems.map((p) => `  ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`)].join('\n');
}

export function formatValidSets(dir: string, sets: readonly RuleSet[], fixtures: number): string {
  return [
    `Rules in ${dir} are valid:`,
    ...sets.map((s) => `  version ${pad(s.version, 12)} in force from ${s.effectiveFrom}  hash ${s.hash.slice(0, 12)}…`),
    `  ${fixtures} rule test${fixtures === 1 ? '' : 's'} well-formed (run them with \`kezek rules test\`)`,
  ].join('\n');
}

/** The names people read of a rule set's words, from its vocabulary (a code nobody named shows as itself). */
export class RuleWords {
  constructor(
    private readonly rules: RuleSet,
    readonly lang: Lang,
  ) {}

  category(c: Category): string {
    return labelText(this.rules.vocabulary.categories[c], this.lang, this.rules.parameters, c);
  }
  reason(code: string): string {
    return labelText(this.rules.vocabulary.reasons.get(code), this.lang, this.rules.parameters, code);
  }
  right(code: string): string {
    return labelText(this.rules.vocabulary.rights.find((r) => r.code === code)?.labels, this.lang, this.rules.parameters, code);
  }
  rule(name: string): string {
    return labelText(this.rules.vocabulary.rules.get(name), this.lang, this.rules.parameters, name);
  }
  /** A right as policy staff read it in a trace: its name and the code rules use. */
  rightWithCode(code: string): string {
    const name = this.right(code);
    return name === code ? code : `${name} (${code})`;
  }
}

const FACT_NAMES = new Set<string>(FACTS.map((f) => f.name));
const OPERATOR_NAMES = new Set<string>(OPERATORS.map((o) => o.name));
const factName = (lang: Lang, fact: string) => (FACT_NAMES.has(fact) ? t(lang, `rules.fact.${fact}` as MessageKey) : fact);
const operatorName = (lang: Lang, op: string) => (OPERATOR_NAMES.has(op) ? t(lang, `rules.operator.${op}` as MessageKey) : op);

/** A comparison as written: `ageYears ≥ {maxAgeYears}`, `validRights contains "large_family"`. */
export function comparisonText(lang: Lang, c: { fact: string; operator: string; value: unknown }): string {
  return `${c.fact} ${operatorName(lang, c.operator)} ${writtenValue(c.value)}`;
}

function writtenValue(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { path?: unknown }).path === 'string') return `{${String((v as { path: string }).path).slice(2)}}`;
  return JSON.stringify(v);
}

/**
 * Each rule of a trace with every comparison as evaluated (like `opa eval
 * --explain`): the fact's value, what it was compared with, the result.
 * `only` limits it to some rules (a failing test shows the ones that disagreed).
 */
export function formatTrace(words: RuleWords, trace: EvaluationTrace, only?: readonly string[], indent = '  '): string[] {
  const { lang } = words;
  const out: string[] = [];
  const winner = trace.rules.find((r) => r.kind === 'category' && r.fired)?.name;
  for (const r of trace.rules) {
    if (only && !only.includes(r.name)) continue;
    const gives = r.kind === 'eligibility' ? t(lang, 'rules.trace.givesRefusal', { reason: words.reason(r.gives) }) : t(lang, 'rules.trace.givesCategory', { category: words.category(r.gives as Category) });
    let line = t(lang, r.fired ? 'rules.trace.fired' : 'rules.trace.notFired', { rule: words.rule(r.name), code: r.name, gives });
    if (r.kind === 'category' && r.fired && winner && r.name !== winner) line += ` ${t(lang, 'rules.trace.outranked', { rule: words.rule(winner) })}`;
    out.push(indent + line);
    for (const c of r.conditions) out.push(indent + '    ' + conditionText(words, c));
  }
  return out;
}

function conditionText(words: RuleWords, c: ConditionTrace): string {
  const { lang } = words;
  const rights = c.fact.endsWith('Rights');
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map((i) => (rights ? words.rightWithCode(String(i)) : String(i))).join(', ')}]`;
    if (typeof v === 'boolean') return t(lang, v ? 'rules.trace.yes' : 'rules.trace.no');
    if (typeof v === 'string' && rights) return words.rightWithCode(v);
    return String(v);
  };
  const parameter = c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value) ? ` (${String((c.value as { path?: string }).path ?? '').slice(2)})` : '';
  const result = c.result === undefined ? t(lang, 'rules.trace.notChecked') : t(lang, c.result !== c.negated ? 'rules.trace.true' : 'rules.trace.false');
  return t(lang, 'rules.trace.condition', {
    path: c.path,
    fact: factName(lang, c.fact),
    factCode: c.fact,
    actual: show(c.factResult),
    operator: (c.negated ? '¬ ' : '') + operatorName(lang, c.operator),
    value: show(c.compared) + parameter,
    result,
  });
}

/** The verdict of one application in words: eligibility and reasons, category and the rights that gave it. */
export function formatVerdict(words: RuleWords, e: Evaluation, expiredRights: readonly string[]): string[] {
  const { lang } = words;
  const out = [e.eligible ? t(lang, 'rules.eval.eligible') : t(lang, 'rules.eval.refused', { reasons: e.reasons.map((r) => words.reason(r)).join('; ') })];
  out.push(t(lang, 'rules.eval.category', { category: words.category(e.category) }));
  if (e.rights.length) out.push(t(lang, 'rules.eval.rights', { rights: e.rights.map((r) => words.rightWithCode(r)).join(', ') }));
  if (expiredRights.length) out.push(t(lang, 'rules.eval.expired', { rights: expiredRights.map((r) => words.rightWithCode(r)).join(', ') }));
  return out;
}

export function formatTestTable(words: RuleWords, version: string, results: readonly TracedTestResult[]): string {
  const { lang } = words;
  const width = Math.min(70, Math.max(...results.map((r) => r.case.name.length), 4));
  const [result, file, test, date] = t(lang, 'rules.test.columns').split('|') as [string, string, string, string];
  const lines = [t(lang, 'rules.test.header', { version }), `  ${pad(result, 6)}  ${pad(file, 22)}  ${pad(test, width)}  ${date}`];
  for (const r of results) {
    lines.push(`  ${pad(t(lang, r.passed ? 'rules.test.pass' : 'rules.test.fail'), 6)}  ${pad(r.case.file, 22)}  ${pad(r.case.name, width)}  ${r.case.date}`);
    if (r.passed) continue;
    for (const d of r.mismatches) lines.push(`          ${t(lang, 'rules.test.difference', { ...d })}`);
    if (r.disagreeing.length) {
      lines.push(`          ${t(lang, 'rules.test.disagreed', { count: r.disagreeing.length })}`);
      lines.push(...formatTrace(words, r.trace, r.disagreeing, '            '));
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  lines.push(failed ? t(lang, 'rules.test.someFailed', { failed, total: results.length }) : t(lang, 'rules.test.allPassed', { total: results.length }));
  return lines.join('\n');
}

const GAP_KEY: Record<CoverageGap['missing'], MessageKey> = {
  fired: 'rules.test.gap.fired',
  notFired: 'rules.test.gap.notFired',
  true: 'rules.test.gap.true',
  false: 'rules.test.gap.false',
};

/** Coverage listed by rule, each comparison under its rule, what no test saw marked; then the gaps together. */
export function formatCoverage(lang: Lang, version: string, c: Coverage): string {
  const percent = c.total ? Math.floor((c.seen / c.total) * 1000) / 10 : 100;
  const lines = [t(lang, 'rules.test.coverage', { version, seen: c.seen, total: c.total, percent })];
  const mark = (gaps: CoverageGap[]) => (gaps.length ? `   ← ${gaps.map((g) => t(lang, GAP_KEY[g.missing])).join(', ')}` : '');
  for (const r of c.rules) {
    const own = c.gaps.filter((g) => g.rule === r.name);
    lines.push(`  ${t(lang, 'rules.test.coverageRule', { file: r.file, rule: r.name, fired: r.fired, notFired: r.notFired })}${mark(own.filter((g) => !('condition' in g)))}`);
    for (const x of r.conditions) {
      const gaps = own.filter((g) => 'condition' in g && g.condition.path === x.path);
      lines.push(`      ${t(lang, 'rules.test.coverageCondition', { path: x.path, comparison: comparisonText(lang, x), seenTrue: x.seenTrue, seenFalse: x.seenFalse })}${mark(gaps)}`);
    }
  }
  if (!c.gaps.length) lines.push(t(lang, 'rules.test.allCovered'));
  else {
    lines.push(t(lang, 'rules.test.gapsHeader'));
    for (const g of c.gaps) {
      const where = `$.rules[${g.index}]${'condition' in g ? `.${g.condition.path}` : ''}`;
      const what = 'condition' in g ? ` (${comparisonText(lang, g.condition)})` : '';
      lines.push(`  ${g.file} ${where} ${g.rule}${what}: ${t(lang, GAP_KEY[g.missing])}`);
    }
  }
  return lines.join('\n');
}

export function formatFacts(): string {
  const nameW = Math.max(...FACTS.map((f) => f.name.length));
  const lines = ['Facts (judged at the run date):', `  ${pad('fact', nameW)}  ${pad('type', 9)}  ${pad('example', 34)}  meaning`];
  for (const f of FACTS) {
    const type = f.values ? `string` : f.type;
    const meaning = f.values ? `${f.description} (${f.values.join(', ')})` : f.description;
    lines.push(`  ${pad(f.name, nameW)}  ${pad(type, 9)}  ${pad(JSON.stringify(f.example), 34)}  ${meaning}`);
  }
  lines.push('', 'Operators (json-rules-engine built-ins; no custom operators, no decorators):');
  for (const o of OPERATORS) lines.push(`  ${pad(o.name, 22)} ${pad(o.factTypes.join(', '), 26)} ${o.description}`);
  lines.push('', 'A value may name a parameter: {"fact": "parameters", "path": "$.maxAgeYears"}.');
  return lines.join('\n');
}
