import type { Lang } from '../../i18n/messages.js';
import { Speaker, type Words } from '../../i18n/words.js';
import type { RulesDiff } from '../../online/rules-diff.js';
import type { Outcome } from '../../rules/impact.js';
import { html, type Html } from '../html.js';
import { cw } from '../words.js';
import { consolePage, facts, type ConsoleUser } from './common.js';

export interface RuleSetRow {
  version: string;
  effectiveFrom: string;
}

export interface RulesPageInput {
  lang: Lang;
  user: ConsoleUser;
  date: string;
  sets: readonly RuleSetRow[];
  /** The version in force at `date`. */
  inForce: string;
  storedNights: readonly string[];
  /** The form's values. */
  form: { to: string; date: string; placesOf: string };
  /** The preview asked for, with the words of the version tried. */
  impact: { diff: RulesDiff; words: Words } | null;
  /** A preview that could not be made, in words. */
  problem: string | null;
}

/** How many people a preview lists one by one on the page. */
export const PEOPLE_SHOWN = 200;

/** The rule sets, and a version's impact preview in people (what `kezek rules diff` tells). */
export function rulesPage(i: RulesPageInput): string {
  const { lang } = i;
  const h = (k: Parameters<typeof cw>[1], v: Record<string, string | number> = {}) => cw(lang, k, v);
  const state = (s: RuleSetRow) => (s.version === i.inForce ? h('rules.current') : s.effectiveFrom > i.date ? h('rules.scheduled') : h('rules.past'));
  const sets = html`<table><caption>${h('rules.inForce', { date: i.date })}: ${i.inForce}</caption><thead><tr><th scope="col">${h('rules.version')}</th><th scope="col">${h('rules.from')}</th><th scope="col">${h('runs.status')}</th></tr></thead><tbody>${i.sets.map(
    (s) => html`<tr><th scope="row">${s.version}</th><td>${s.effectiveFrom}</td><td>${s.version === i.inForce ? html`<strong>${state(s)}</strong>` : state(s)}</td></tr>`,
  )}</tbody></table>`;
  const form = html`<h2>${h('rules.preview')}</h2><p>${h('rules.preview.intro')}</p>
<form method="get" action="/console/rules/preview" class="filters">
<label for="to">${h('rules.preview.to')}<select id="to" name="to">${i.sets.map((s) => html`<option value="${s.version}"${s.version === i.form.to ? html` selected` : ''}>${s.version} (${s.effectiveFrom})</option>`)}</select></label>
<label for="date">${h('rules.preview.date')}<input id="date" type="date" name="date" value="${i.form.date}" required></label>
<label for="placesOf">${h('rules.preview.night')}<select id="placesOf" name="placesOf"><option value="">${h('rules.preview.live')}</option>${i.storedNights.map((n) => html`<option value="${n}"${n === i.form.placesOf ? html` selected` : ''}>${n}</option>`)}</select></label>
<button type="submit">${h('rules.preview.submit')}</button>
</form>`;
  const problem = i.problem ? html`<p class="warn" role="alert">${i.problem}</p>` : '';
  const impact = i.impact ? impactSection(lang, i.impact.diff, i.impact.words) : '';
  return consolePage({ lang, user: i.user, title: h('rules.title'), path: i.impact ? '/console/rules/preview' : '/console/rules', params: i.impact ? i.form : {}, body: html`${sets}${form}${problem}${impact}` });
}

function outcomeText(s: Speaker, lang: Lang, o: Outcome): string {
  switch (o.state) {
    case 'referred':
      return cw(lang, 'rules.outcome.referred', { kindergarten: `${o.kindergarten}/${o.group}`, category: s.category(o.category) });
    case 'queued':
      return cw(lang, 'rules.outcome.queued', { number: o.queueNumber, category: s.category(o.category) });
    case 'waiting':
      return cw(lang, 'rules.outcome.waiting', { category: s.category(o.category) });
    case 'refused':
      return cw(lang, 'rules.outcome.refused', { reasons: s.reasons(o.reasons) });
    case 'absent':
      return cw(lang, 'rules.outcome.absent');
  }
}

/** The preview's result: the totals in people, by district, and every child whose outcome differs. */
export function impactSection(lang: Lang, d: RulesDiff, words: Words): Html {
  const h = (k: Parameters<typeof cw>[1], v: Record<string, string | number> = {}) => cw(lang, k, v);
  const s = new Speaker(lang, words);
  const t = d.total;
  const people = facts(h('rules.impact.people'), [
    [h('rules.impact.judged'), t.judged],
    [h('run.referrals'), `${t.referrals.before} → ${t.referrals.after}`],
    [h('rules.impact.placed'), t.placed.total],
    [h('rules.impact.displaced'), t.displaced.total],
    [h('rules.impact.moved'), t.moved],
    [h('rules.impact.categoryChanges'), t.categoryChanges.reduce((n, c) => n + c.count, 0)],
    [h('rules.impact.refusalsGained'), t.refusalsGained.total],
    [h('rules.impact.refusalsLost'), t.refusalsLost.total],
    [h('rules.impact.forward'), h('rules.impact.shift', { ...t.queueNumbers.forward })],
    [h('rules.impact.back'), h('rules.impact.shift', { ...t.queueNumbers.back })],
    [h('rules.impact.kept'), t.queueNumbers.kept],
    [h('run.seatsLeft'), `${t.seats.leftBefore} → ${t.seats.leftAfter}`],
  ]);
  const districts = html`<table><caption>${h('rules.impact.byDistrict')}</caption><thead><tr><th scope="col">${h('run.district')}</th><th scope="col" class="n">${h('rules.impact.judged')}</th><th scope="col" class="n">${h('rules.impact.placed')}</th><th scope="col" class="n">${h('rules.impact.displaced')}</th><th scope="col" class="n">${h('rules.impact.moved')}</th><th scope="col" class="n">${h('rules.impact.refusalsGained')}</th><th scope="col" class="n">${h('rules.impact.refusalsLost')}</th></tr></thead><tbody>${d.districts.map(
    (x) => html`<tr><th scope="row">${x.district}</th><td class="n">${x.summary.judged}</td><td class="n">${x.summary.placed.total}</td><td class="n">${x.summary.displaced.total}</td><td class="n">${x.summary.moved}</td><td class="n">${x.summary.refusalsGained.total}</td><td class="n">${x.summary.refusalsLost.total}</td></tr>`,
  )}</tbody></table>`;
  const all = d.districts.flatMap((x) => x.people);
  const shown = all.slice(0, PEOPLE_SHOWN);
  const list = all.length
    ? html`<table><caption>${h('rules.impact.list')} (${all.length})</caption><thead><tr><th scope="col">${h('due.application')}</th><th scope="col">${h('run.district')}</th><th scope="col">${h('app.birthYear')}</th><th scope="col">${h('rules.impact.what')}</th><th scope="col">${h('rules.impact.before')}</th><th scope="col">${h('rules.impact.after')}</th></tr></thead><tbody>${shown.map(
        (p) => html`<tr><td>${p.application}</td><td>${p.district}</td><td>${p.birthYear}</td><td>${p.changes.map((c) => h('rules.impact.change', { c })).join(', ')}</td><td>${outcomeText(s, lang, p.before)}</td><td>${outcomeText(s, lang, p.after)}</td></tr>`,
      )}</tbody></table>${all.length > shown.length ? html`<p class="note">${h('rules.impact.more', { count: all.length - shown.length })}</p>` : ''}`
    : html`<p class="ok">${h('rules.impact.none')}</p>`;
  return html`<h2>${h('rules.impact.title', { to: d.to.version, from: d.from.version, date: d.date })}</h2>${d.placesOf ? html`<p class="note">${h('rules.impact.replay', { night: d.placesOf })}</p>` : ''}${people}${districts}${list}`;
}
