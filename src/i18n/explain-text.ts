import type { Explanation, PreferenceVerdict } from '../online/explain.js';
import type { ConditionTrace, RuleTrace } from '../rules/rule-trace.js';
import type { Lang } from './messages.js';
import { aheadText, categoryText, orderText } from './position-text.js';
import { nextSteps, provisionalText, situationText } from './situation-text.js';
import { Speaker, type Words } from './words.js';

export interface ExplainTextOptions {
  /** Add the rule-by-rule trace (every comparison the rules made): for staff. */
  trace?: boolean;
}

/**
 * An explanation as the family reads it, in Kazakh, Russian or English: the
 * outcome, the reasons in words, what they can do next, the queue position,
 * and why each choice has no seat yet; with `trace`, every rule and
 * comparison. Names come from the rule set's vocabulary. Pure.
 */
export function explanationText(x: Explanation, lang: Lang, words: Words, options: ExplainTextOptions = {}): string {
  const s = new Speaker(lang, words);
  const out = [s.t('explain.title', { id: x.application, date: x.date }), ''];
  out.push(...situationText(s, x), ...provisionalText(s, x.provisionalYears));

  const e = x.evaluation;
  const why: string[] = [];
  // The category matters while the application waits or holds an offer; for a closed one it would only distract.
  if (e.eligible && ['queued', 'waiting', 'offered', 'confirmed'].includes(x.situation.kind)) why.push(categoryText(s, e.category, e.rights));
  if (x.expiredRights.length) why.push(s.t('explain.expired', { rights: s.rights(x.expiredRights) }));
  if (why.length) out.push('', s.t('explain.h.why'), ...why.map((l) => `  ${l}`));

  const p = x.position;
  if (p.state === 'queued') {
    out.push('', s.t('explain.h.queue'), `  ${aheadText(s, p.ahead)}`, `  ${orderText(s)}`);
    if (x.storedNumber) out.push(`  ${s.t('explain.stored', { runDate: x.storedNumber.runDate, number: x.storedNumber.queueNumber })}`);
  }

  out.push('', s.t('explain.h.next'), ...nextSteps(s, x).map((l) => `  ${l}`));

  if (x.preferenceVerdicts.length) {
    out.push('', s.t('explain.h.choices'));
    for (const v of x.preferenceVerdicts) out.push(`  ${choiceLine(s, x, v)}`);
    if (!x.acceptAnyInDistrict) out.push(`  ${s.t('explain.noAny')}`);
  }

  if (options.trace) out.push('', ...traceText(s, x));
  return out.join('\n');
}

function choiceLine(s: Speaker, x: Explanation, v: PreferenceVerdict): string {
  const why = s.t(`explain.place.${v.verdict}` as const, { birthYear: x.birthYear, language: x.language, groupType: x.groupType });
  return v.kindergarten === null ? s.t('explain.choiceAny', { why }) : s.t('explain.choice', { rank: v.rank, name: v.name ?? v.kindergarten, why });
}

/** The rule-by-rule trace: each rule by its name in words, each comparison with the fact's value. */
export function traceText(s: Speaker, x: Explanation): string[] {
  const out = [s.t('explain.h.trace', { version: x.rules.version, hash: x.rules.hash.slice(0, 12) })];
  // Categories are traced in rank order: the first that fired gives the category.
  const winner = x.ruleTraces.find((r) => r.kind === 'category' && r.fired)?.name;
  for (const r of x.ruleTraces) {
    const outranked = r.kind === 'category' && r.fired && winner && r.name !== winner ? s.t('explain.trace.outranked', { by: s.rule(winner) }) : '';
    out.push(`  ${ruleLine(s, r)}${outranked}`);
    for (const c of r.conditions) out.push(`      ${conditionLine(s, c)}`);
  }
  if (x.storedNumber) out.push(`  ${s.t('explain.trace.storedRules', { runDate: x.storedNumber.runDate, version: x.storedNumber.rulesVersion })}`);
  for (const h of x.missingRules) out.push(`  ${s.t('explain.trace.missingRules', { hash: h.slice(0, 12) })}`);
  return out;
}

function ruleLine(s: Speaker, r: RuleTrace): string {
  const gives = r.kind === 'eligibility' ? s.t('explain.trace.givesRefusal', { reason: s.reason(r.gives) }) : s.t('explain.trace.givesCategory', { category: s.category(r.gives as 'primary') });
  return s.t(r.fired ? 'explain.trace.fired' : 'explain.trace.notFired', { rule: s.rule(r.name), gives });
}

function conditionLine(s: Speaker, c: ConditionTrace): string {
  const rights = c.fact.endsWith('Rights');
  const one = (v: unknown): string => (rights && typeof v === 'string' ? s.right(v) : typeof v === 'boolean' ? s.t(v ? 'common.yes' : 'common.no') : String(v));
  const show = (v: unknown): string => (Array.isArray(v) ? (v.length ? s.list(v.map(one)) : s.t('common.none')) : one(v));
  const factKey = `fact.${c.fact}`;
  const opKey = `operator.${c.operator}`;
  const result = c.result === undefined ? s.t('explain.trace.notChecked') : s.t(c.result !== c.negated ? 'common.yes' : 'common.no');
  return s.t('explain.trace.condition', {
    fact: s.has(factKey) ? s.t(factKey) : c.fact,
    actual: show(c.factResult),
    op: (c.negated ? '¬ ' : '') + (s.has(opKey) ? s.t(opKey) : c.operator),
    value: show(c.compared),
    result,
  });
}
