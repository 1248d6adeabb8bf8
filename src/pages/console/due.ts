import type { Lang } from '../../i18n/messages.js';
import type { DueList } from '../../online/due.js';
import { html, type Html } from '../html.js';
import { cw } from '../words.js';
import { consolePage, type ConsoleUser } from './common.js';

export interface DuePageInput {
  lang: Lang;
  user: ConsoleUser;
  due: DueList;
  /** Category names in the page's language. */
  category: (c: string) => string;
}

const app = (id: string) => html`<a href="/console/applications/${encodeURIComponent(id)}">${id}</a>`;

function section(title: string, lang: Lang, heads: readonly string[], rows: readonly Html[]): Html {
  const body = rows.length
    ? html`<table><thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="note">${cw(lang, 'due.none')}</p>`;
  return html`<h2>${title} <span class="note">(${rows.length})</span></h2>${body}`;
}

/** The morning's due list: what needs a person today and the next working day, each row linked to its application. */
export function duePage(i: DuePageInput): string {
  const { lang, due: d } = i;
  const h = (k: Parameters<typeof cw>[1]) => cw(lang, k);
  const yes = (b: boolean) => cw(lang, b ? 'run.yes' : 'run.no');
  const form = html`<form method="get" action="/console/due" class="filters"><label for="due-date">${h('due.date')}<input id="due-date" type="date" name="date" value="${d.date}"></label><button type="submit">${h('due.show')}</button></form>`;
  const body = html`${form}
${section(h('due.offers'), lang, [h('due.application'), h('due.referral'), h('due.district'), h('due.category'), h('due.kindergarten'), h('due.by')], d.offers.map((o) => html`<tr><td>${app(o.application)}</td><td>${o.referral}</td><td>${o.district}</td><td>${i.category(o.category)}</td><td>${o.kindergarten}, ${o.group}</td><td>${o.confirmBy}</td></tr>`))}
${section(h('due.rights'), lang, [h('due.application'), h('due.referral'), h('due.district'), h('due.category'), h('due.by')], d.rights.map((o) => html`<tr><td>${app(o.application)}</td><td>${o.referral}</td><td>${o.district}</td><td>${i.category(o.category)}</td><td>${o.proveBy}</td></tr>`))}
${section(h('due.enrolments'), lang, [h('due.application'), h('due.referral'), h('due.district'), h('due.kindergarten'), h('due.by'), h('due.extended')], d.enrolments.map((o) => html`<tr><td>${app(o.application)}</td><td>${o.referral}</td><td>${o.district}</td><td>${o.kindergarten}, ${o.group}</td><td>${o.enrollBy}</td><td>${yes(o.extended)}</td></tr>`))}
${section(h('due.restores'), lang, [h('due.application'), h('due.district'), h('due.inactiveSince'), h('due.by')], d.restores.map((o) => html`<tr><td>${app(o.application)}</td><td>${o.district}</td><td>${o.inactiveSince}</td><td>${o.restoreBy}</td></tr>`))}
${section(h('due.complaints'), lang, [h('due.complaint'), h('due.application'), h('complaints.level'), h('due.by'), h('complaints.subject')], d.complaints.map((o) => html`<tr><td>${o.complaint}${o.overdue ? html` <strong>(${h('due.overdue')})</strong>` : ''}</td><td>${o.application ? app(o.application) : '—'}</td><td>${cw(lang, 'complaints.levelValue', { l: o.level })}</td><td>${o.dueOn}</td><td>${o.subject}</td></tr>`))}`;
  return consolePage({ lang, user: i.user, title: cw(lang, 'due.title', { date: d.date, until: d.until }), path: '/console/due', params: { date: d.date }, body });
}
