import { chartSvg } from '../charts/render.js';
import { barsSpec, CATEGORY_COLOURS, queueByCohortSpec } from '../charts/specs.js';
import type { Category } from '../domain/types.js';
import type { Lang } from '../i18n/messages.js';
import { num } from './format.js';
import { html, raw, type Html } from './html.js';
import { w } from './words.js';

/**
 * The charts of the pages and the run report, each a figure: the SVG drawn
 * on the server (no script, prints, opens from a file), named for assistive
 * technology by its caption, with the same numbers as a table beside it.
 */
export const CATEGORIES: readonly Category[] = ['extraordinary', 'primary', 'general'];

export const categoryWords = (lang: Lang) => ({ extraordinary: w(lang, 'cat.extraordinary'), primary: w(lang, 'cat.primary'), general: w(lang, 'cat.general') });

/** A chart's SVG as a named image: role img with the caption's words (vega's own ARIA roles are replaced). */
export function figure(lang: Lang, svg: string, caption: string, table: Html, open = false): Html {
  const named = svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => `<svg${attrs.replace(/\s(role|aria-[a-z-]+)="[^"]*"/g, '')} role="img" aria-label="${escapeAttr(caption)}">`);
  return html`<figure class="chart">
<figcaption>${caption}</figcaption>
${raw(stripInnerAria(named))}
<details${open ? html` open` : ''}><summary>${w(lang, 'common.asTable')}</summary>${table}</details>
</figure>`;
}

/** Inside a role="img" nothing is read out: vega's roles on marks go. */
function stripInnerAria(svg: string): string {
  const end = svg.indexOf('>') + 1;
  return svg.slice(0, end) + svg.slice(end).replace(/\s(role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export interface CohortRow {
  birthYear: number;
  extraordinary: number;
  primary: number;
  general: number;
}

/** The queue by birth year and category: the chart and its table. */
export async function queueFigure(lang: Lang, rows: readonly CohortRow[], title: string, open = false): Promise<Html> {
  const svg = await chartSvg(
    queueByCohortSpec(rows, { title: '', birthYear: w(lang, 'stats.birthYear'), children: w(lang, 'stats.children'), category: w(lang, 'stats.category'), categories: categoryWords(lang) }),
  );
  const table = html`<table>
<thead><tr><th scope="col">${w(lang, 'stats.birthYear')}</th>${CATEGORIES.map((c) => html`<th scope="col" class="n">${w(lang, `cat.${c}`)}</th>`)}<th scope="col" class="n">${w(lang, 'common.total')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.birthYear}</th>${CATEGORIES.map((c) => html`<td class="n">${num(lang, r[c])}</td>`)}<td class="n">${num(lang, r.extraordinary + r.primary + r.general)}</td></tr>`)}</tbody>
</table>`;
  return figure(lang, svg, title, table, open);
}

/** Bars of counts by label (categories, choices, reasons): the chart and its table. */
export async function barsFigure(lang: Lang, rows: readonly { label: string; n: number; colour?: string }[], title: string, x: string, y: string, open = false): Promise<Html> {
  const svg = await chartSvg(barsSpec(rows, { title: '', x, y }));
  const table = html`<table>
<thead><tr><th scope="col">${x}</th><th scope="col" class="n">${y}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="n">${num(lang, r.n)}</td></tr>`)}</tbody>
</table>`;
  return figure(lang, svg, title, table, open);
}

/** Referrals by category, in the categories' colours. */
export function categoryBars(lang: Lang, byCategory: Record<string, number>): { label: string; n: number; colour: string }[] {
  return CATEGORIES.map((c) => ({ label: w(lang, `cat.${c}`), n: byCategory[c] ?? 0, colour: CATEGORY_COLOURS[c] }));
}

/** Referrals by the choice that got the place: 1, 2, … then "any in the district" (rank 0). */
export function rankBars(lang: Lang, byRank: Record<string, number>): { label: string; n: number }[] {
  const ranks = Object.keys(byRank)
    .map(Number)
    .filter((r) => Number.isInteger(r) && r >= 0)
    .sort((a, b) => (a === 0 ? 1 : b === 0 ? -1 : a - b));
  return ranks.map((r) => ({ label: r === 0 ? w(lang, 'rank.any') : w(lang, 'rank.n', { n: r }), n: byRank[String(r)] ?? 0 }));
}
