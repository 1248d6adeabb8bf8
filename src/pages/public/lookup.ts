import { changeText } from '../../i18n/history-text.js';
import type { Lang } from '../../i18n/messages.js';
import { aheadText, categoryText } from '../../i18n/position-text.js';
import { nextSteps, provisionalText, situationText } from '../../i18n/situation-text.js';
import { Speaker, type Words } from '../../i18n/words.js';
import type { PositionHistory } from '../../online/position-history.js';
import type { Standing } from '../../online/standing.js';
import { day, num } from '../format.js';
import { html, type Html } from '../html.js';
import { page } from '../layout.js';
import { w } from '../words.js';

/** What the form said back: the number as typed (the birth date is never repeated) and why nothing is shown. */
export interface LookupForm {
  application?: string | undefined;
  problem?: 'not_found' | 'incomplete' | undefined;
}

function form(lang: Lang, f: LookupForm): Html {
  const problem = f.problem ? w(lang, f.problem === 'not_found' ? 'lookup.notFound' : 'lookup.incomplete') : null;
  return html`${problem ? html`<p class="warn" role="alert" id="lookup-problem">${problem}</p>` : ''}
<form method="post" action="/lookup" class="lookup" autocomplete="off">
<p><label for="application">${w(lang, 'lookup.application')}</label>
<input id="application" name="application" required maxlength="100" value="${f.application ?? ''}" aria-describedby="application-hint${problem ? ' lookup-problem' : ''}" spellcheck="false" autocapitalize="characters">
<span class="note" style="display: block" id="application-hint">${w(lang, 'lookup.applicationHint')}</span></p>
<p><label for="birthDate">${w(lang, 'lookup.birthDate')}</label>
<input id="birthDate" name="birthDate" type="date" required min="2010-01-01" aria-describedby="birthDate-hint">
<span class="note" style="display: block" id="birthDate-hint">${w(lang, 'lookup.birthDateHint')}</span></p>
<p><button type="submit">${w(lang, 'lookup.submit')}</button></p>
</form>`;
}

/** `/lookup`: the form (and, after a failed try, the same answer whatever did not match). */
export function lookupFormPage(lang: Lang, f: LookupForm = {}): string {
  return page({ lang, title: w(lang, 'lookup.title'), path: '/lookup', body: html`<p>${w(lang, 'lookup.intro')}</p>${form(lang, f)}` });
}

/**
 * The answer to a lookup whose number and birth date matched: the place in
 * the queue with its category and who is ahead, else where the application
 * stands, then the place night by night with why it changed. Nothing
 * personal: the standing and the history carry no name and no IIN.
 */
export function lookupResultPage(lang: Lang, st: Standing, history: PositionHistory, words: Words): string {
  const s = new Speaker(lang, words);
  const p = st.position;
  const place =
    p.state === 'queued'
      ? html`<section aria-labelledby="place"><h2 id="place">${w(lang, 'lookup.queueNumber')}</h2>
<p style="font-size: 28px; font-weight: bold; margin: 4px 0">${w(lang, 'lookup.numberOf', { number: num(lang, p.queueNumber), size: num(lang, p.cohortSize) })}</p>
<p>${w(lang, 'lookup.asOf', { date: day(lang, st.date), birthYear: p.birthYear, district: st.district.name })}</p>
<p>${categoryText(s, p.category, p.rights)}</p>
<p>${aheadText(s, p.ahead)}</p></section>`
      : '';
  const situation = html`<section aria-labelledby="situation"><h2 id="situation">${w(lang, 'lookup.situation')}</h2>
${[...situationText(s, st), ...provisionalText(s, st.provisionalYears)].map((t) => html`<p>${t}</p>`)}
<h3>${w(lang, 'lookup.next')}</h3>
<ul>${nextSteps(s, st).map((t) => html`<li>${t}</li>`)}</ul></section>`;
  let last: number | null = null;
  const rows = history.positions.map((n) => {
    const delta = n.queueNumber === null || last === null ? '' : n.queueNumber - last;
    if (n.queueNumber !== null) last = n.queueNumber;
    return html`<tr><th scope="row">${day(lang, n.date)}</th><td class="n">${n.queueNumber === null ? w(lang, 'lookup.noNumber') : num(lang, n.queueNumber)}</td><td class="n">${delta === '' || delta === 0 ? '' : delta > 0 ? `+${delta}` : `−${-delta}`}</td><td>${n.changes.length ? html`<ul style="margin: 0; padding-left: 18px">${n.changes.map((c) => html`<li>${changeText(s, c)}</li>`)}</ul>` : ''}</td></tr>`;
  });
  const historyPart = html`<section aria-labelledby="history"><h2 id="history">${w(lang, 'lookup.history')}</h2>
${
  rows.length
    ? html`<table><thead><tr><th scope="col">${w(lang, 'lookup.date')}</th><th scope="col" class="n">${w(lang, 'lookup.number')}</th><th scope="col" class="n">${w(lang, 'lookup.change')}</th><th scope="col">${w(lang, 'lookup.why')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : html`<p class="note">${w(lang, 'lookup.historyNone')}</p>`
}</section>`;
  const body = html`${place}${situation}${historyPart}<p><a href="/lookup">${w(lang, 'lookup.another')}</a></p>`;
  return page({ lang, title: `${w(lang, 'lookup.title')}: ${st.application}`, path: '/lookup', body });
}
