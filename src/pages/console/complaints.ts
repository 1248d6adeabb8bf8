import type { Lang } from '../../i18n/messages.js';
import type { Complaint } from '../../lifecycle/complaints.js';
import { html } from '../html.js';
import { cw } from '../words.js';
import { consolePage, csrfField, notice, type ConsoleUser } from './common.js';

export interface ComplaintsPageInput {
  lang: Lang;
  user: ConsoleUser;
  date: string;
  complaints: readonly (Complaint & { overdue: boolean })[];
  onlyOverdue: boolean;
  /** The role registers complaints (office, operator) / answers them (operator). */
  mayRegister: boolean;
  mayAnswer: boolean;
  message: { kind: 'ok' | 'warn'; text: string } | null;
}

/** Complaints by due day, the form that registers one and, for an operator, the step that records an answer. */
export function complaintsPage(i: ComplaintsPageInput): string {
  const { lang } = i;
  const h = (k: Parameters<typeof cw>[1], v: Record<string, string | number> = {}) => cw(lang, k, v);
  const filter = html`<form method="get" action="/console/complaints" class="filters"><label for="overdue-only" style="flex-direction:row;align-items:center"><input id="overdue-only" type="checkbox" name="overdue" value="true"${i.onlyOverdue ? html` checked` : ''}> ${h('complaints.onlyOverdue')}</label><button type="submit">${h('due.show')}</button></form>`;
  const rows = i.complaints.map(
    (c) => html`<tr><td>${c.id}</td><td>${c.application ? html`<a href="/console/applications/${encodeURIComponent(c.application)}">${c.application}</a>` : '—'}</td><td>${h('complaints.levelValue', { l: c.level })}</td><td>${c.filedOn}</td><td>${c.dueOn}${c.overdue ? html` <strong>(${h('complaints.overdue')})</strong>` : ''}</td><td>${c.subject}</td><td>${
      c.answeredOn
        ? `${c.answeredOn} (${c.answeredBy ?? ''})`
        : i.mayAnswer
          ? html`<a class="button" href="/console/complaints/${encodeURIComponent(c.id)}/answer">${h('complaints.answer')}</a>`
          : '—'
    }</td></tr>`,
  );
  const table = rows.length
    ? html`<table><thead><tr><th scope="col">${h('complaints.number')}</th><th scope="col">${h('complaints.application')}</th><th scope="col">${h('complaints.level')}</th><th scope="col">${h('complaints.filed')}</th><th scope="col">${h('complaints.due')}</th><th scope="col">${h('complaints.subject')}</th><th scope="col">${h('complaints.answered')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="note">${h('complaints.none')}</p>`;
  const register = i.mayRegister
    ? html`<h2>${h('complaints.register')}</h2>
<form method="post" action="/console/complaints" class="filters">
${csrfField(i.user)}
<label for="c-number">${h('complaints.number')}<input id="c-number" name="number" required maxlength="64"></label>
<label for="c-level">${h('complaints.level')}<select id="c-level" name="level">${(['provider', 'authority'] as const).map((l) => html`<option value="${l}">${h('complaints.levelValue', { l })}</option>`)}</select></label>
<label for="c-app">${h('complaints.applicationOptional')}<input id="c-app" name="application" maxlength="64"></label>
<label for="c-subject">${h('complaints.subject')}<textarea id="c-subject" name="subject" required maxlength="2000" rows="2" cols="40"></textarea></label>
<button type="submit">${h('complaints.registerSubmit')}</button>
</form>`
    : '';
  const message = i.message ? notice(i.message.kind, i.message.text) : '';
  return consolePage({ lang, user: i.user, title: h('complaints.title'), path: '/console/complaints', params: { overdue: i.onlyOverdue ? 'true' : undefined }, body: html`${message}${filter}${table}${register}` });
}

/** The confirmation of an answer to a complaint. */
export function answerPage(lang: Lang, user: ConsoleUser, c: Complaint, date: string): string {
  const h = (k: Parameters<typeof cw>[1], v: Record<string, string | number> = {}) => cw(lang, k, v);
  const n = encodeURIComponent(c.id);
  const body = html`<p>${c.subject}</p><p><strong>${h('complaints.answerQuestion', { date, actor: `key:${user.name}` })}</strong></p>
<form method="post" action="/console/complaints/${n}/answer" class="filters">${csrfField(user)}<button type="submit">${h('action.confirm')}</button> <a href="/console/complaints">${h('action.cancel')}</a></form>`;
  return consolePage({ lang, user, title: h('complaints.answerTitle', { number: c.id }), path: `/console/complaints/${n}/answer`, body });
}
