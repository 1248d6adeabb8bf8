import type { HistoryEvent } from '../../db/history.js';
import type { Category } from '../../domain/types.js';
import { changeText, eventReasonText } from '../../i18n/history-text.js';
import type { Lang } from '../../i18n/messages.js';
import { Speaker, type Words } from '../../i18n/words.js';
import type { ApplicationView } from '../../online/application-view.js';
import type { PositionHistory } from '../../online/position-history.js';
import { html, query, type Html } from '../html.js';
import { cw } from '../words.js';
import { consolePage, csrfField, facts, notice, type ConsoleUser } from './common.js';

export type ConsoleAction = 'confirm' | 'decline' | 'enroll' | 'extend' | 'confirm-right' | 'withdraw' | 'restore';
export const REFERRAL_STEPS: readonly ConsoleAction[] = ['confirm', 'decline', 'enroll', 'extend', 'confirm-right'];
export const APPLICATION_STEPS: readonly ConsoleAction[] = ['withdraw', 'restore'];

/** Who may take each step (api.md's roles). */
export const ACTION_ROLES: Record<ConsoleAction, readonly string[]> = {
  confirm: ['portal', 'office', 'operator'],
  decline: ['portal', 'office', 'operator'],
  enroll: ['office', 'operator'],
  extend: ['office', 'operator'],
  'confirm-right': ['office', 'operator'],
  withdraw: ['portal', 'office', 'operator'],
  restore: ['portal', 'office', 'operator'],
};

const isPriority = (c: Category) => c !== 'general';

/** A step as a select key of the catalogues (ICU selectors take no hyphen). */
export const sel = (a: ConsoleAction): string => a.replace('-', '_');

/** The steps the application's state leaves open and the role may take (the step itself still checks its deadlines). */
export function openSteps(role: string, a: Pick<ApplicationView, 'status' | 'referral'>): ConsoleAction[] {
  const r = a.referral;
  const open: ConsoleAction[] = [];
  if (r && r.status === 'offered') open.push('confirm', 'decline');
  if (r && r.status === 'confirmed') open.push('enroll', 'decline');
  if (r && r.status === 'confirmed' && r.extendedDays === null) open.push('extend');
  if (r && (r.status === 'offered' || r.status === 'confirmed') && isPriority(r.category) && !r.rightProvenOn) open.push('confirm-right');
  if (!r && (a.status === 'queued' || a.status === 'inactive')) open.push('withdraw');
  if (a.status === 'inactive') open.push('restore');
  return open.filter((s) => ACTION_ROLES[s].includes(role));
}

/**
 * Why a step was refused, told from the application as it is now (the
 * lifecycle's checks, in the same order): a sentence in the page's language.
 */
export function refusalWhy(lang: Lang, action: ConsoleAction, a: Pick<ApplicationView, 'status' | 'referral'>, date: string, maxDays: number, days?: number): string {
  const r = a.referral;
  const status = (s: string) => cw(lang, 'refusal.status', { status: cw(lang, 'app.status.value', { s }) });
  const late = (by: string | null | undefined) => cw(lang, 'refusal.late', { by: by ?? '—' });
  if (action === 'withdraw') {
    if (r) return cw(lang, 'refusal.liveReferral');
    if (a.status !== 'queued' && a.status !== 'inactive') return status(a.status);
  } else if (action === 'restore') {
    if (a.status !== 'inactive') return status(a.status);
    return cw(lang, 'refusal.restoredOnce');
  } else {
    if (!r) return status(a.status);
    const s = r.status;
    if (action === 'confirm') {
      if (s !== 'offered') return status(s);
      if (date > r.confirmBy) return late(r.confirmBy);
    } else if (action === 'decline') {
      if (s !== 'offered' && s !== 'confirmed') return status(s);
      if (s === 'offered' && date > r.confirmBy) return late(r.confirmBy);
      if (s === 'confirmed' && r.enrollBy && date > r.enrollBy) return late(r.enrollBy);
    } else if (action === 'enroll') {
      if (s !== 'confirmed') return status(s);
      if (r.enrollBy && date > r.enrollBy) return late(r.enrollBy);
      if (isPriority(r.category) && !r.rightProvenOn) return cw(lang, 'refusal.rightNotProven');
    } else if (action === 'extend') {
      if (s !== 'confirmed') return status(s);
      if (r.extendedDays !== null) return cw(lang, 'refusal.extendedOnce');
      if (days !== undefined && (days < 1 || days > maxDays)) return cw(lang, 'refusal.days', { max: maxDays });
      if (!r.enrollBy || date > r.enrollBy) return late(r.enrollBy);
    } else if (action === 'confirm-right') {
      if (s !== 'offered' && s !== 'confirmed') return status(s);
      if (!isPriority(r.category)) return cw(lang, 'refusal.noRight');
      if (r.rightProvenOn) return cw(lang, 'refusal.rightProven');
      if (r.proofBy && date > r.proofBy) return late(r.proofBy);
    }
  }
  return cw(lang, 'refusal.other');
}

export interface ApplicationPageInput {
  lang: Lang;
  user: ConsoleUser;
  app: ApplicationView;
  history: readonly HistoryEvent[];
  positions: PositionHistory;
  /** The rule set's words (categories, rights, reasons). */
  words: Words;
  /** Set after a step was taken (redirected here) or refused. */
  done: ConsoleAction | null;
  refused: string | null;
}

const statusText = (lang: Lang, s: string) => cw(lang, 'app.status.value', { s });

/** An application's page: where it stands, its referral, its history and numbers, its documents and the steps the role may take. */
export function applicationPage(i: ApplicationPageInput): string {
  const { lang, app: a } = i;
  const s = new Speaker(lang, i.words);
  const h = (k: Parameters<typeof cw>[1], v: Record<string, string | number> = {}) => cw(lang, k, v);
  const person = (p: { iin: string; name: string | null }) => `${p.name ?? '—'} (${p.iin})`;
  const rows: [string, Html | string | number][] = [
    [h('app.status'), statusText(lang, a.status)],
    [h('app.district'), a.district],
    [h('app.birthYear'), a.birthYear],
    [h('app.registered'), a.registeredAt.replace('T', ' ').slice(0, 16)],
    [h('app.channel'), h('app.channelValue', { c: a.channel })],
    [h('app.child'), `${person(a.child)}, ${a.child.birthDate}`],
    [h('app.applicant'), person(a.applicant)],
  ];
  if (a.category) rows.push([h('app.category'), s.category(a.category)]);
  if (a.rights.length) rows.push([h('app.rights'), s.rights(a.rights)]);
  if (a.queue) rows.push([h('app.queue'), html`<strong>${h('app.queueOf', { number: a.queue.number, of: a.queue.of })}</strong><br><span class="note">${h('app.ahead', a.queue.ahead)}</span>`]);
  if (a.waiting) rows.push([h('app.status'), h('app.waiting', { until: a.waiting.until, why: a.waiting.why })]);
  if (a.refusal) rows.push([h('app.refusal'), s.reasons(a.refusal.reasons)]);
  const r = a.referral;
  const referral = r
    ? facts(`${h('app.referral')} ${r.id}`, [
        [h('app.status'), statusText(lang, r.status)],
        [h('app.category'), s.category(r.category)],
        [h('app.referral'), h('app.referral.place', { kindergarten: r.kindergarten, group: r.group, rank: r.preferenceRank })],
        [h('app.referral.issued'), r.issuedOn],
        [h('app.referral.confirmBy'), r.confirmBy],
        ...(r.enrollBy ? [[h('app.referral.enrollBy'), r.enrollBy] as [string, string]] : []),
        ...(r.proofBy ? [[h('app.referral.proofBy'), r.proofBy] as [string, string]] : []),
        ...(r.extendedDays !== null ? [[h('app.referral.extended', { days: r.extendedDays }), '✓'] as [string, string]] : []),
      ])
    : '';
  const steps = openSteps(i.user.role, a);
  const id = encodeURIComponent(a.id);
  const actions = steps.length
    ? html`<ul class="actions" style="list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px">${steps.map((st) => html`<li><a class="button" href="/console/applications/${id}/steps/${st}">${h('action.name', { a: sel(st) })}</a></li>`)}</ul>`
    : html`<p class="note">${h('app.actions.none')}</p>`;
  const docs = (['kk', 'ru'] as const).flatMap((l) =>
    (['pdf', 'html'] as const).map(
      (f) => html`<li><a href="/console/applications/${id}/notice${query({ lang: l, format: f })}" download>${h('app.documents.link', { lang: l, format: f })}</a></li>`,
    ),
  );
  const history = i.history.length
    ? html`<table><thead><tr><th scope="col">${h('app.history.at')}</th><th scope="col">${h('app.history.what')}</th><th scope="col">${h('app.history.change')}</th><th scope="col">${h('app.history.actor')}</th><th scope="col">${h('app.history.reason')}</th></tr></thead><tbody>${i.history.map(
        (e) => html`<tr><td>${e.at.replace('T', ' ').slice(0, 16)}</td><td>${h('app.entity', { e: e.entity, id: e.entityId })}</td><td>${e.from ? `${statusText(lang, e.from)} → ` : ''}${statusText(lang, e.to)}</td><td>${e.actor}</td><td>${eventReasonText(s, e.reason)}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="note">${h('app.history.none')}</p>`;
  const positions = i.positions.positions.length
    ? html`<table><thead><tr><th scope="col">${h('app.positions.night')}</th><th scope="col" class="n">${h('app.positions.number')}</th><th scope="col">${h('app.positions.why')}</th></tr></thead><tbody>${i.positions.positions.map(
        (n) => html`<tr><td>${n.date}</td><td class="n">${n.queueNumber ?? h('app.positions.off')}</td><td>${n.changes.length ? html`<ul>${n.changes.map((c) => html`<li>${changeText(s, c)}</li>`)}</ul>` : ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p class="note">${h('app.positions.none')}</p>`;
  const message = i.refused
    ? notice('warn', h('action.refused', { why: i.refused }))
    : i.done
      ? notice('ok', h('app.done', { action: h('action.name', { a: sel(i.done) }), status: statusText(lang, a.status) }))
      : '';
  const body = html`${message}
${facts(h('app.facts', { date: a.date }), rows)}
${referral}
<h2>${h('app.actions')}</h2>${actions}
<h2>${h('app.documents')}</h2><p>${h('app.documents.intro')}</p><ul>${docs}</ul>
<h2>${h('app.positions')}</h2>${positions}
<h2>${h('app.history')}</h2>${history}`;
  return consolePage({ lang, user: i.user, title: h('app.title', { id: a.id }), path: `/console/applications/${id}`, body });
}

/** The steps whose reason is kept in the history (lifecycle.md): the others record their own. */
const TAKES_REASON: readonly ConsoleAction[] = ['decline', 'extend', 'withdraw', 'restore'];

export interface StepPageInput {
  lang: Lang;
  user: ConsoleUser;
  app: Pick<ApplicationView, 'id' | 'referral'>;
  action: ConsoleAction;
  /** extend: the largest number of days (the rule set's parameter). */
  maxDays: number;
}

/** The confirmation of a step: what it does, then a form that takes it (with the session's CSRF token). */
export function stepPage(i: StepPageInput): string {
  const { lang, app: a, action } = i;
  const h = (k: Parameters<typeof cw>[1], v: Record<string, string | number> = {}) => cw(lang, k, v);
  const id = encodeURIComponent(a.id);
  const r = a.referral;
  const days =
    action === 'extend'
      ? html`<label for="days">${h('action.days', { max: i.maxDays })}<input id="days" name="days" type="number" min="1" max="${i.maxDays}" value="${i.maxDays}" required></label>`
      : '';
  const body = html`<p>${h('action.what', { a: sel(action), kindergarten: r?.kindergarten ?? '—', group: r?.group ?? '—' })}</p>
<p><strong>${h('action.question', { id: a.id, actor: `key:${i.user.name}` })}</strong></p>
<form method="post" action="/console/applications/${id}/steps/${action}" class="filters">
${csrfField(i.user)}
${days}
${TAKES_REASON.includes(action) ? html`<label for="reason">${h('action.reason')}<input id="reason" name="reason" maxlength="500" size="40"></label>` : ''}
<button type="submit">${h('action.confirm')}</button>
<a href="/console/applications/${id}">${h('action.cancel')}</a>
</form>`;
  return consolePage({ lang, user: i.user, title: h('action.confirmTitle', { action: h('action.name', { a: sel(action) }) }), path: `/console/applications/${id}/steps/${action}`, body });
}

export interface ChildPageInput {
  lang: Lang;
  user: ConsoleUser;
  applications: readonly Pick<ApplicationView, 'id' | 'district' | 'status'>[];
}

/** A child's applications found by IIN (office, operator). */
export function childPage(i: ChildPageInput): string {
  const { lang } = i;
  const body = i.applications.length
    ? html`<ul>${i.applications.map((a) => html`<li><a href="/console/applications/${encodeURIComponent(a.id)}">${a.id}</a> — ${a.district}, ${statusText(lang, a.status)}</li>`)}</ul>`
    : html`<p>${cw(lang, 'home.child.none')}</p>`;
  return consolePage({ lang, user: i.user, title: cw(lang, 'home.child.title'), path: '/console/applications', body });
}
