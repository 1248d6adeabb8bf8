import { INVARIANTS } from '../../audit/invariants.js';
import type { Lang } from '../../i18n/messages.js';
import type { RunAudit, RunSummary } from '../../nightly/summary.js';
import type { RunDay } from '../../online/runs.js';
import { cw } from '../console-words.js';
import { html, type Html } from '../html.js';
import { consolePage, facts, type ConsoleUser } from './common.js';

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
  /** Null while no run has finished the date. */
  summary: RunSummary | null;
  audit: RunAudit | null;
  day: RunDay;
}

/** A night's report page: the frame around the report body. */
export function runPage(i: RunPageInput): string {
  const { lang } = i;
  const body =
    i.summary && i.audit
      ? reportBody(lang, i.summary, i.audit)
      : html`<p class="warn">${cw(lang, 'run.noSummary', { status: cw(lang, 'run.status', { s: i.day.status }), done: i.day.districts.done })}</p>`;
  return consolePage({ lang, user: i.user, title: cw(lang, 'run.title', { date: i.date }), path: `/console/runs/${i.date}`, body });
}

/**
 * The report's body: the night's key facts and a table by district.
 * Replaced by `runReportBody(lang, summary, audit)` of src/pages/run-report.ts
 * (charts and tables of referrals by category and preference rank, queue by
 * cohort, seats per kindergarten, lapses, the fairness audit) once that is in.
 */
export function reportBody(lang: Lang, s: RunSummary, a: RunAudit): Html {
  const yes = (b: boolean) => cw(lang, b ? 'run.yes' : 'run.no');
  const auditText = a.held ? html`<span class="ok">${cw(lang, 'run.auditHeld')}</span>` : html`<span class="warn">${cw(lang, 'run.auditFailed')}</span>`;
  const keyFacts = facts(cw(lang, 'run.facts'), [
    [cw(lang, 'run.districts'), s.districts.length],
    [cw(lang, 'run.referrals'), s.totals.referrals],
    [cw(lang, 'run.queueLeft'), s.totals.queueLeft],
    [cw(lang, 'run.seatsOffered'), s.totals.seatsOffered],
    [cw(lang, 'run.seatsLeft'), s.totals.seatsLeft],
    [cw(lang, 'run.refused'), s.totals.refused],
    [cw(lang, 'run.lapses'), s.lifecycle.lapsed],
    [cw(lang, 'run.cancelled'), s.lifecycle.cancelled],
    [cw(lang, 'run.agedOut'), s.lifecycle.agedOut],
    [cw(lang, 'run.audit'), auditText],
    [cw(lang, 'run.rulesVersion'), s.rules.version],
    [cw(lang, 'run.engine'), s.engine],
  ]);
  const held = new Map(a.districts.map((d) => [d.district, INVARIANTS.every((n) => d[n].held)]));
  const rows = s.districts.map(
    (d) => html`<tr><th scope="row">${d.district}</th><td class="n">${d.referrals}</td><td class="n">${d.queueLeft}</td><td class="n">${d.seatsOffered}</td><td class="n">${d.seatsLeft}</td><td class="n">${d.lifecycle.lapsed}</td><td class="n">${d.lifecycle.cancelled}</td><td class="n">${d.lifecycle.agedOut}</td><td>${held.has(d.district) ? yes(held.get(d.district)!) : '—'}</td></tr>`,
  );
  const missing = a.notAudited.length ? html`<p class="note">${cw(lang, 'run.auditMissing', { districts: a.notAudited.join(', ') })}</p>` : '';
  return html`${keyFacts}${missing}
<table><caption>${cw(lang, 'run.byDistrict')}</caption><thead><tr><th scope="col">${cw(lang, 'run.district')}</th><th scope="col" class="n">${cw(lang, 'run.referrals')}</th><th scope="col" class="n">${cw(lang, 'run.queueLeft')}</th><th scope="col" class="n">${cw(lang, 'run.seatsOffered')}</th><th scope="col" class="n">${cw(lang, 'run.seatsLeft')}</th><th scope="col" class="n">${cw(lang, 'run.lapses')}</th><th scope="col" class="n">${cw(lang, 'run.cancelled')}</th><th scope="col" class="n">${cw(lang, 'run.agedOut')}</th><th scope="col">${cw(lang, 'run.audit')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
