import type { Lang } from '../../i18n/messages.js';
import type { RunDay } from '../../online/runs.js';
import { html, type Html } from '../html.js';
import { cw } from '../words.js';
import { consolePage, type ConsoleUser } from './common.js';

export interface HomeInput {
  lang: Lang;
  user: ConsoleUser;
  /** Null for a role that may not see the nights. */
  runs: readonly RunDay[] | null;
  /** Whether the role opens applications (and, with `byIin`, looks them up by a child's IIN). */
  lookup: { byIin: boolean } | null;
}

/** The console's first page: open an application, and the nights. */
export function homePage(i: HomeInput): string {
  const { lang } = i;
  const lookup = i.lookup
    ? html`<h2>${cw(lang, 'home.lookup')}</h2>
<form method="get" action="/console/applications" class="filters">
<label for="app-id">${cw(lang, 'home.lookup.id')}<input id="app-id" name="id" required maxlength="64" autocomplete="off"></label>
<button type="submit">${cw(lang, 'home.lookup.submit')}</button>
</form>
${i.lookup.byIin
  ? html`<form method="get" action="/console/applications" class="filters">
<label for="child-iin">${cw(lang, 'home.lookup.iin')}<input id="child-iin" name="childIin" required inputmode="numeric" pattern="[0-9]{12}" maxlength="12" autocomplete="off"></label>
<button type="submit">${cw(lang, 'home.lookup.iinSubmit')}</button>
</form>`
  : ''}`
    : '';
  const runs = i.runs ? html`<h2>${cw(lang, 'runs.title')}</h2>${runsTable(lang, i.runs)}` : '';
  return consolePage({ lang, user: i.user, title: cw(lang, i.runs ? 'home.title' : 'home.lookup'), path: '/console', body: html`${lookup}${runs}` });
}

function runsTable(lang: Lang, runs: readonly RunDay[]): Html {
  if (!runs.length) return html`<p>${cw(lang, 'runs.none')}</p>`;
  const rows = runs.map(
    (r) => html`<tr>
<td><a href="/console/runs/${r.date}">${r.date}</a></td>
<td>${cw(lang, 'run.status', { s: r.status })}${r.resume ? html`<br><span class="note">${cw(lang, 'runs.resume', { command: r.resume })}</span>` : ''}</td>
<td class="n">${r.districts.planned === null ? r.districts.done : cw(lang, 'runs.of', { done: r.districts.done, planned: r.districts.planned })}</td>
<td class="n">${r.lifecycle.lapsed} · ${r.lifecycle.cancelled} · ${r.lifecycle.agedOut}</td>
<td>${r.rulesVersion}</td>
<td>${r.startedAt.replace('T', ' ').slice(0, 19)}</td>
<td>${r.finishedAt ? r.finishedAt.replace('T', ' ').slice(0, 19) : '—'}</td>
</tr>`,
  );
  return html`<table><thead><tr><th scope="col">${cw(lang, 'runs.date')}</th><th scope="col">${cw(lang, 'runs.status')}</th><th scope="col" class="n">${cw(lang, 'runs.districts')}</th><th scope="col" class="n">${cw(lang, 'runs.lapses')}</th><th scope="col">${cw(lang, 'runs.rules')}</th><th scope="col">${cw(lang, 'runs.started')}</th><th scope="col">${cw(lang, 'runs.finished')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export interface RunPageInput {
  lang: Lang;
  user: ConsoleUser;
  date: string;
  /** The night's report body (src/pages/run-report.ts), or null while no run has finished the date. */
  report: Html | null;
  day: RunDay;
}

/** A night's report page: the frame around the run report (the same as the run folder's report.html). */
export function runPage(i: RunPageInput): string {
  const { lang } = i;
  const body = i.report ?? html`<p class="warn">${cw(lang, 'run.noSummary', { status: cw(lang, 'run.status', { s: i.day.status }), done: i.day.districts.done })}</p>`;
  return consolePage({ lang, user: i.user, title: cw(lang, 'run.title', { date: i.date }), path: `/console/runs/${i.date}`, body });
}
