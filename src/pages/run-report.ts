import { chartSvg } from '../charts/render.js';
import { seatsByKindergartenSpec } from '../charts/specs.js';
import type { InvariantName } from '../audit/invariants.js';
import type { SeatLeftReason } from '../audit/numbers.js';
import { LANGS, type Lang } from '../i18n/messages.js';
import type { RunAudit, RunSummary } from '../nightly/summary.js';
import { barsFigure, categoryBars, CATEGORIES, figure, queueFigure, rankBars } from './charts.js';
import { day, num, pct } from './format.js';
import { html, raw, type Html } from './html.js';
import { STYLES } from './layout.js';
import { w } from './words.js';

/**
 * The report of one night, from its summary.json and audit.json: referrals
 * by category and by the choice that got the place, the queue left by
 * cohort, the places given and left per kindergarten (and why left), step 1's
 * lapses, how long the referred had waited, and the fairness audit. Pure (no
 * request, no files): the run folder's report.html and the console's page of
 * a night are both made from it.
 */
export interface RunReportExtra {
  /** Referrals per kindergarten (from referrals.ndjson), with the kindergartens' names when known. */
  kindergartens?: readonly KindergartenReferrals[] | undefined;
  /** Kindergarten id → name, for the kindergartens with places left. */
  kindergartenNames?: ReadonlyMap<string, string> | undefined;
}

export interface KindergartenReferrals {
  district: string;
  kindergarten: string;
  referrals: number;
}

const INVARIANT_ORDER: readonly InvariantName[] = ['capacity', 'oneReferral', 'noEnvy', 'noWaste', 'quota', 'nothingLost'];
const REASONS: readonly SeatLeftReason[] = ['no_candidate_of_birth_year', 'no_candidate_in_language', 'no_candidate_of_group_type', 'not_chosen'];
/** Above this many kindergartens the table says it all; a chart would not be read. */
const CHART_KINDERGARTENS = 20;

interface KindergartenRow {
  district: string;
  kindergarten: string;
  name: string;
  given: number;
  left: number;
  why: Map<SeatLeftReason, number>;
}

/** Per kindergarten: referrals given (when known) and places left with their reasons, in district then kindergarten order. */
export function kindergartenRows(summary: RunSummary, extra: RunReportExtra = {}): KindergartenRow[] {
  const rows = new Map<string, KindergartenRow>();
  const names = extra.kindergartenNames ?? new Map<string, string>();
  const row = (district: string, kindergarten: string) => {
    const key = `${district}\u0000${kindergarten}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { district, kindergarten, name: names.get(kindergarten) ?? kindergarten, given: 0, left: 0, why: new Map() }));
    return r;
  };
  for (const k of extra.kindergartens ?? []) row(k.district, k.kindergarten).given += k.referrals;
  for (const d of summary.districts)
    for (const s of d.numbers?.seatsLeft ?? []) {
      const r = row(d.district, s.kindergarten);
      r.left += s.seats;
      r.why.set(s.why, (r.why.get(s.why) ?? 0) + s.seats);
    }
  const bytes = (s: string) => Buffer.from(s, 'utf8');
  return [...rows.values()].sort((a, b) => Buffer.compare(bytes(a.district), bytes(b.district)) || Buffer.compare(bytes(a.kindergarten), bytes(b.kindergarten)));
}

export async function runReportBody(lang: Lang, summary: RunSummary, audit: RunAudit, extra: RunReportExtra = {}): Promise<Html> {
  const t = summary.totals;
  const n = summary.numbers;
  const known = extra.kindergartens !== undefined;

  const lead = html`<p>${w(lang, 'report.lead', { run: summary.run ?? '—', rules: summary.rules.version, engine: w(lang, 'report.engine', { engine: summary.engine }), districts: summary.districts.length })}</p>
${summary.dryRun ? html`<p class="warn">${w(lang, 'report.dryRun')}</p>` : ''}
${audit.held ? html`<p class="ok">${w(lang, 'report.audit.held')}</p>` : html`<p class="warn" role="alert">${w(lang, 'report.audit.broken')}</p>`}`;

  const totals = html`<section aria-labelledby="r-totals"><h2 id="r-totals">${w(lang, 'report.totals')}</h2>
<table><tbody>
${(
  [
    ['report.candidates', num(lang, t.candidates)],
    ['report.referrals', num(lang, t.referrals)],
    ['report.firstChoice', `${num(lang, t.referralsByPreferenceRank['1'] ?? 0)} (${pct(lang, n.firstChoiceShare)})`],
    ['report.queueLeft', num(lang, t.queueLeft)],
    ['report.refused', num(lang, t.refused)],
    ['report.seatsOffered', num(lang, t.seatsOffered)],
    ['report.seatsLeft', num(lang, t.seatsLeft)],
  ] as const
).map(([k, v]) => html`<tr><th scope="row">${w(lang, k)}</th><td class="n">${v}</td></tr>`)}
</tbody></table></section>`;

  const referrals = html`<section aria-labelledby="r-referrals"><h2 id="r-referrals">${w(lang, 'report.referralsTitle')}</h2>
${t.referrals === 0 ? html`<p class="note">${w(lang, 'report.noReferrals')}</p>` : html`${await barsFigure(lang, categoryBars(lang, t.referralsByCategory), w(lang, 'report.byCategory'), w(lang, 'stats.category'), w(lang, 'stats.referrals'), true)}
${await barsFigure(lang, rankBars(lang, t.referralsByPreferenceRank), w(lang, 'report.byRank'), w(lang, 'stats.choice'), w(lang, 'stats.referrals'), true)}`}
</section>`;

  const queue = html`<section aria-labelledby="r-queue"><h2 id="r-queue">${w(lang, 'report.queue')}</h2>
${n.queueByCohort.length ? await queueFigure(lang, n.queueByCohort, w(lang, 'report.queue'), true) : html`<p class="note">${w(lang, 'report.noQueue')}</p>`}</section>`;

  const kgs = kindergartenRows(summary, extra);
  const whyText = (r: KindergartenRow) => REASONS.filter((x) => r.why.has(x)).map((x) => `${w(lang, `report.why.${x}`)} (${num(lang, r.why.get(x)!)})`).join('; ');
  const kgChart =
    kgs.length > 0 && kgs.length <= CHART_KINDERGARTENS
      ? raw(
          await chartSvg(
            seatsByKindergartenSpec(
              kgs.map((r) => ({ label: r.name, given: r.given, left: r.left })),
              { title: '', seats: w(lang, 'report.seatsOffered'), given: w(lang, 'report.given'), left: w(lang, 'report.left') },
            ),
          ),
        )
      : null;
  const kgTable = html`<table>
<thead><tr><th scope="col">${w(lang, 'report.district')}</th><th scope="col">${w(lang, 'report.kindergarten')}</th>${known ? html`<th scope="col" class="n">${w(lang, 'report.given')}</th>` : ''}<th scope="col" class="n">${w(lang, 'report.left')}</th><th scope="col">${w(lang, 'report.why')}</th></tr></thead>
<tbody>${kgs.map((r) => html`<tr><td>${r.district}</td><th scope="row">${r.name}</th>${known ? html`<td class="n">${num(lang, r.given)}</td>` : ''}<td class="n">${num(lang, r.left)}</td><td>${whyText(r)}</td></tr>`)}</tbody>
</table>`;
  const reasons = REASONS.map((x) => ({ label: w(lang, `report.why.${x}`), n: n.seatsLeft[x] ?? 0 }));
  const kindergartens = html`<section aria-labelledby="r-kg"><h2 id="r-kg">${w(lang, 'report.kindergartens')}</h2>
${kgs.length ? (kgChart ? figure(lang, kgChart.text, w(lang, 'report.kindergartens'), kgTable, true) : kgTable) : html`<p class="note">${w(lang, 'report.noKindergartens')}</p>`}
<h3>${w(lang, 'report.seatsLeftWhy')}</h3>
<table><tbody>${reasons.map((r) => html`<tr><th scope="row">${r.label}</th><td class="n">${num(lang, r.n)}</td></tr>`)}</tbody></table>
</section>`;

  const l = summary.lifecycle;
  const lapses = html`<section aria-labelledby="r-lapses"><h2 id="r-lapses">${w(lang, 'report.lapses')}</h2>
<table><tbody>
${(
  [
    ['report.lapsed', l.lapsed],
    ['report.cancelled', l.cancelled],
    ['report.agedOut', l.agedOut],
    ['report.seatsReturned', l.seatsReturned],
  ] as const
).map(([k, v]) => html`<tr><th scope="row">${w(lang, k)}</th><td class="n">${num(lang, v)}</td></tr>`)}
</tbody></table></section>`;

  const waiting = html`<section aria-labelledby="r-waiting"><h2 id="r-waiting">${w(lang, 'report.waiting')}</h2>
<table><thead><tr><th scope="col">${w(lang, 'stats.category')}</th><th scope="col" class="n">${w(lang, 'report.referrals')}</th><th scope="col" class="n">${w(lang, 'report.median')}</th><th scope="col" class="n">${w(lang, 'report.p90')}</th></tr></thead>
<tbody>${CATEGORIES.map((c) => {
    const x = n.waitingDays[c];
    return html`<tr><th scope="row">${w(lang, `cat.${c}`)}</th><td class="n">${num(lang, x.referred)}</td><td class="n">${x.median === null ? '—' : num(lang, x.median)}</td><td class="n">${x.p90 === null ? '—' : num(lang, x.p90)}</td></tr>`;
  })}</tbody></table></section>`;

  const broken = audit.districts.flatMap((d) => INVARIANT_ORDER.filter((k) => !d[k].held && d[k].counterexample).map((k) => ({ district: d.district, k, text: d[k].counterexample!.message })));
  const auditPart = html`<section aria-labelledby="r-audit"><h2 id="r-audit">${w(lang, 'report.audit')}</h2>
<table><thead><tr><th scope="col">${w(lang, 'report.invariant')}</th><th scope="col">${w(lang, 'report.result')}</th><th scope="col" class="n">${w(lang, 'report.checked')}</th></tr></thead>
<tbody>${INVARIANT_ORDER.map((k) => {
    const r = audit.invariants[k];
    return html`<tr><th scope="row">${w(lang, `report.inv.${k}`)}</th><td>${r.held ? html`<span style="color:#067647">✔ ${w(lang, 'report.heldWord')}</span>` : html`<strong style="color:#b42318">✘ ${w(lang, 'report.brokenWord')}</strong>`}</td><td class="n">${num(lang, r.checked)}</td></tr>`;
  })}</tbody></table>
${audit.notAudited.length ? html`<p class="warn">${w(lang, 'report.audit.notAudited', { list: audit.notAudited.join(', ') })}</p>` : ''}
${broken.length ? html`<ul>${broken.map((b) => html`<li>${b.district}, ${w(lang, `report.inv.${b.k}`)}: ${w(lang, 'report.counterexample', { text: b.text })}</li>`)}</ul>` : ''}
</section>`;

  const byDistrict = html`<section aria-labelledby="r-districts"><h2 id="r-districts">${w(lang, 'report.byDistrict')}</h2>
<div style="overflow-x: auto" tabindex="0" role="group" aria-labelledby="r-districts"><table><thead><tr><th scope="col">${w(lang, 'report.district')}</th>${(['report.candidates', 'report.referrals', 'report.queueLeft', 'report.seatsOffered', 'report.seatsLeft', 'report.lapsed', 'report.cancelled', 'report.agedOut'] as const).map((k) => html`<th scope="col" class="n">${w(lang, k)}</th>`)}</tr></thead>
<tbody>${summary.districts.map(
    (d) =>
      html`<tr><th scope="row">${d.district}</th>${[d.candidates, d.referrals, d.queueLeft, d.seatsOffered, d.seatsLeft, d.lifecycle.lapsed, d.lifecycle.cancelled, d.lifecycle.agedOut].map((v) => html`<td class="n">${num(lang, v)}</td>`)}</tr>`,
  )}</tbody></table></div></section>`;

  return html`<div class="run-report">${lead}${totals}${referrals}${queue}${kindergartens}${lapses}${waiting}${auditPart}${byDistrict}</div>`;
}

/** The run folder's report files: report.html in Kazakh, report.ru.html and report.en.html, each linking the others. */
export const REPORT_FILES: Readonly<Record<Lang, string>> = { kk: 'report.html', ru: 'report.ru.html', en: 'report.en.html' };

const LANG_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/**
 * A night's report as one self-contained page: styles and charts inline, no
 * script, no link outside the folder, so it opens from the file, offline,
 * and prints.
 */
export async function reportHtml(lang: Lang, summary: RunSummary, audit: RunAudit, extra: RunReportExtra = {}): Promise<string> {
  const title = w(lang, 'report.title', { date: day(lang, summary.date) });
  const others = LANGS.map((l) => html`<li><a href="${REPORT_FILES[l]}" hreflang="${l}" lang="${l}"${l === lang ? html` aria-current="page"` : ''}>${LANG_NAMES[l]}</a></li>`);
  const body = await runReportBody(lang, summary, audit, extra);
  return `<!doctype html>\n${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · kezek</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<header><div class="bar"><span class="site">kezek</span>
<nav class="langs" aria-label="${w(lang, 'report.languages')}"><ul>${others}</ul></nav></div></header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
<footer>${w(lang, 'report.footer')}</footer>
</body>
</html>`}\n`;
}

/** Every language's report file, by file name. */
export async function reportFiles(summary: RunSummary, audit: RunAudit, extra: RunReportExtra = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const l of LANGS) out[REPORT_FILES[l]] = await reportHtml(l, summary, audit, extra);
  return out;
}
