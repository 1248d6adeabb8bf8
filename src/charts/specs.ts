import type { TopLevelSpec } from 'vega-lite';

/**
 * The charts kezek draws, as Vega-Lite specs built from plain numbers and the
 * words of the reader's language (given, never looked up here). Colours are
 * the categories' own everywhere (the same three in every chart), with
 * contrast enough for print and colour-blind readers (Okabe–Ito).
 */
export const CATEGORY_COLOURS = { extraordinary: '#D55E00', primary: '#0072B2', general: '#009E73' } as const;

const FONT = 'DejaVu Sans, Arial, sans-serif';
/** An axis of counts: whole numbers only. */
const COUNT_AXIS = { tickMinStep: 1, format: 'd' } as const;
const base = (title: string, width: number | { step: number }, height: number) => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: { text: title, anchor: 'start' as const, fontSize: 14 },
  width,
  height,
  config: { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' as const, labelLimit: 320 } },
});

export interface CategoryWords {
  extraordinary: string;
  primary: string;
  general: string;
}

/** Stacked bars: the queue per birth year (x) by category (colour). */
export function queueByCohortSpec(
  rows: readonly { birthYear: number; extraordinary: number; primary: number; general: number }[],
  words: { title: string; birthYear: string; children: string; category: string; categories: CategoryWords },
): TopLevelSpec {
  const order = ['extraordinary', 'primary', 'general'] as const;
  const values = rows.flatMap((r) => order.map((c, i) => ({ year: String(r.birthYear), category: words.categories[c], order: i, n: r[c] })));
  return {
    ...base(words.title, { step: 64 }, 220),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: words.birthYear, axis: { labelAngle: 0 }, sort: rows.map((r) => String(r.birthYear)) },
      y: { field: 'n', type: 'quantitative', title: words.children, stack: 'zero', axis: COUNT_AXIS },
      color: {
        field: 'category',
        type: 'nominal',
        title: words.category,
        sort: order.map((c) => words.categories[c]),
        scale: { domain: order.map((c) => words.categories[c]), range: order.map((c) => CATEGORY_COLOURS[c]) },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'year' }, { field: 'category' }, { field: 'n', type: 'quantitative' }],
    },
  };
}

/**
 * Bars: how many of something, by a label (ranks of preference, categories,
 * reasons), drawn across so that long labels in any language stay readable.
 */
export function barsSpec(rows: readonly { label: string; n: number; colour?: string }[], words: { title: string; x: string; y: string }): TopLevelSpec {
  return {
    ...base(words.title, 360, Math.max(60, rows.length * 30)),
    data: { values: rows.map((r, i) => ({ label: r.label, n: r.n, i, colour: r.colour ?? '#56B4E9' })) },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'label', type: 'nominal', title: words.x, axis: { labelLimit: 320 }, sort: rows.map((r) => r.label) },
      x: { field: 'n', type: 'quantitative', title: words.y, axis: COUNT_AXIS },
      color: { field: 'colour', type: 'nominal', scale: null, legend: null },
      tooltip: [{ field: 'label' }, { field: 'n', type: 'quantitative' }],
    },
  };
}

/** Horizontal stacked bars: per kindergarten (y), the places given by referral and those left free (x). */
export function seatsByKindergartenSpec(
  rows: readonly { label: string; given: number; left: number }[],
  words: { title: string; seats: string; given: string; left: string },
): TopLevelSpec {
  const values = rows.flatMap((r) => [
    { label: r.label, part: words.given, order: 0, n: r.given },
    { label: r.label, part: words.left, order: 1, n: r.left },
  ]);
  return {
    ...base(words.title, 420, Math.max(60, rows.length * 26)),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'label', type: 'nominal', title: null, sort: rows.map((r) => r.label), axis: { labelLimit: 260 } },
      x: { field: 'n', type: 'quantitative', title: words.seats, stack: 'zero', axis: COUNT_AXIS },
      color: { field: 'part', type: 'nominal', title: null, sort: [words.given, words.left], scale: { domain: [words.given, words.left], range: ['#0072B2', '#E69F00'] } },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [{ field: 'label' }, { field: 'part' }, { field: 'n', type: 'quantitative' }],
    },
  };
}
