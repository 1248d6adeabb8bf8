import type { Category } from '../domain/types.js';
import type { Notice } from '../online/register.js';
import type { Standing } from '../online/standing.js';
import type { Lang } from './messages.js';
import { nextSteps, provisionalText, situationText } from './situation-text.js';
import { Speaker, type Words } from './words.js';

/** `kezek position` in words: the number with who is ahead, or where the application stands instead. Pure. */
export function positionText(st: Standing, lang: Lang, words: Words): string {
  const s = new Speaker(lang, words);
  const p = st.position;
  if (p.state === 'queued')
    return [
      s.t('position.title', { id: st.application, number: p.queueNumber, size: p.cohortSize, date: st.date }),
      `  ${s.t('position.cohort', { birthYear: p.birthYear, district: st.district.name })}`,
      `  ${categoryText(s, p.category, p.rights)}`,
      `  ${aheadText(s, p.ahead)}`,
      `  ${orderText(s)}`,
    ].join('\n');
  return [s.t('position.other', { id: st.application }), ...situationText(s, st).map((l) => `  ${l}`), ...provisionalText(s, st.provisionalYears).map((l) => `  ${l}`), ...nextSteps(s, st).map((l) => `  ${l}`)].join('\n');
}

/** The answer of `kezek register`: the notice of registration with the queue number, or the refusal with its reasons. */
export function registrationText(n: Notice, st: Standing | null, lang: Lang, words: Words): string {
  const s = new Speaker(lang, words);
  const out = n.repeated ? [s.t('register.repeated', { id: n.application })] : [];
  if (n.outcome === 'refused') return [...out, s.t('register.refused', { id: n.application }), `  ${s.t('register.reasons', { reasons: s.reasons(n.reasons) })}`, `  ${s.t('next.refused')}`, `  ${s.t('next.complaint')}`].join('\n');
  out.push(s.t('register.registered', { id: n.application }));
  if (st) out.push(positionText(st, lang, words));
  return out.join('\n');
}

/** "Category: primary (rights: large family)". */
export function categoryText(s: Speaker, category: Category, rights: readonly string[]): string {
  return rights.length ? s.t('position.categoryRights', { category: s.category(category), rights: s.rights(rights) }) : s.t('position.category', { category: s.category(category) });
}

/** How many are ahead, by category, each named by the vocabulary. */
export function aheadText(s: Speaker, ahead: Record<Category, number>): string {
  const items = (['extraordinary', 'primary', 'general'] as const).map((c) => s.t('position.aheadItem', { category: s.category(c), count: ahead[c] }));
  return s.t('position.ahead', { list: items.join('; '), total: ahead.extraordinary + ahead.primary + ahead.general });
}

/** The order of the queue with the quota of the rule set in force. */
export function orderText(s: Speaker): string {
  return s.t('position.order', { extraordinary: s.category('extraordinary'), primary: s.category('primary'), general: s.category('general') });
}

/** `position --child-iin`: the child's applications, each as `position` shows it (the IIN itself is not repeated). */
export function childPositionsText(standings: readonly Standing[], lang: Lang, words: Words): string {
  const s = new Speaker(lang, words);
  if (!standings.length) return s.t('position.child.none');
  return [s.t('position.child.count', { count: standings.length }), ...standings.map((st) => positionText(st, lang, words))].join('\n\n');
}
