import type { Explanation } from '../online/explain.js';
import type { ConditionTrace, RuleTrace } from '../rules/rule-trace.js';
import type { Catalog, Lang } from './catalog.js';
import { en } from './en.js';
import { t as message } from './messages.js';
import { kk } from './kk.js';
import { ru } from './ru.js';

const CATALOGS: Record<Lang, Catalog> = { en, ru, kk };

/** An explanation as plain words in Kazakh, Russian or English. Pure. */
export function explanationText(x: Explanation, lang: Lang): string {
  const t = CATALOGS[lang];
  const reason = (r: string) => t.reason[r] ?? r;
  const right = (r: string) => t.right[r] ?? r;
  const out = [t.title(x.application, x.date), t.rulesUsed(x.rules.version, x.rules.hash.slice(0, 12)), '', t.rulesHeader];
  // Categories are traced in rank order: the first that fired gives the category.
  const winner = x.ruleTraces.find((r) => r.kind === 'category' && r.fired)?.name;
  for (const r of x.ruleTraces) {
    out.push(ruleLine(t, r, reason) + (r.kind === 'category' && r.fired && winner && r.name !== winner ? t.outranked(winner) : ''));
    for (const c of r.conditions) out.push(conditionLine(t, c, right));
  }
  out.push('');
  const e = x.evaluation;
  out.push(e.eligible ? t.eligible(x.date) : t.refused(e.reasons.map(reason).join('; ')));
  out.push(t.categoryLine(t.category[e.category], e.rights.length ? t.rightsList(e.rights.map(right).join(', ')) : ''));
  if (x.expiredRights.length) out.push(t.expired(x.expiredRights.map(right).join(', ')));

  if (x.status !== 'queued') out.push(t.status(x.status));
  if (x.referral) {
    const r = x.referral;
    out.push(t.referral({ id: r.id, kindergarten: r.kindergarten, group: r.group, issuedOn: r.issuedOn, confirmBy: r.confirmBy, status: r.status, rank: r.preferenceRank }));
    if (x.provisionalYears.length) out.push(message(lang, 'deadline.provisional', { years: x.provisionalYears.join(', ') }));
  }
  const p = x.position;
  if (p.state === 'queued') {
    out.push(t.queue(p.queueNumber, p.cohortSize, p.birthYear, p.district));
    out.push(t.ahead(p.ahead.extraordinary, p.ahead.primary, p.ahead.general));
  } else if (p.state === 'waiting') out.push(p.why === 'desired_from' ? t.waitingFrom(p.until) : t.stopList(p.until));
  if (x.storedNumber) out.push(t.stored(x.storedNumber.runDate, x.storedNumber.queueNumber, x.storedNumber.rulesVersion));
  for (const h of x.missingRules) out.push(t.missingRules(h.slice(0, 12)));

  if (x.preferences.length) {
    out.push('', t.preferencesHeader);
    const params = { year: x.birthYear, lang: x.language, type: t.groupType[x.groupType] ?? x.groupType };
    for (const pref of x.preferences) {
      const why = t.place[pref.verdict](params);
      out.push(pref.kindergarten === null ? t.anyInDistrict(why) : t.preference(pref.rank, pref.kindergarten, why));
    }
    if (!x.acceptAnyInDistrict) out.push(t.noAnyInDistrict);
  }
  return out.join('\n');
}

function ruleLine(t: Catalog, r: RuleTrace, reason: (r: string) => string): string {
  const gives = r.kind === 'eligibility' ? t.givesRefusal(reason(r.gives)) : t.givesCategory(t.category[r.gives as keyof Catalog['category']] ?? r.gives);
  return r.fired ? t.fired(r.name, gives) : t.notFired(r.name, gives);
}

function conditionLine(t: Catalog, c: ConditionTrace, right: (r: string) => string): string {
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return v.length ? `[${v.map((i) => (c.fact.endsWith('Rights') ? right(String(i)) : String(i))).join(', ')}]` : '[]';
    if (typeof v === 'boolean') return v ? t.yes : t.no;
    if (typeof v === 'string' && c.fact.endsWith('Rights')) return right(v);
    return String(v);
  };
  const ref = c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value) ? ` (${String((c.value as { path?: string }).path ?? '').slice(2)})` : '';
  const result = c.result === undefined ? t.notChecked : c.result !== c.negated ? t.yes : t.no;
  return t.condition(t.fact[c.fact] ?? c.fact, show(c.factResult), (c.negated ? '¬ ' : '') + (t.operator[c.operator] ?? c.operator), show(c.compared) + ref, result);
}
