import type { Category } from '../domain/types.js';
import { t, type Lang, type MessageKey } from '../i18n/messages.js';
import type { RulesDiff } from '../online/rules-diff.js';
import type { ImpactSummary, Shift } from '../rules/impact.js';
import type { RuleWords } from './rules-report.js';

/** Terminal text of `kezek rules diff`: the change told in people, in total and by district and cohort. */
export interface DiffWords {
  lang: Lang;
  /** Names of the old set (what children had) and of the new one (what they get). */
  from: RuleWords;
  to: RuleWords;
}

export function formatRulesDiff(d: RulesDiff, w: DiffWords, outFile: string | null): string {
  const { lang } = w;
  const lines = [
    d.placesOf
      ? t(lang, 'rules.diff.titleNight', { from: d.from.version, to: d.to.version, date: d.date, night: d.placesOf })
      : t(lang, 'rules.diff.title', { from: d.from.version, to: d.to.version, date: d.date }),
  ];
  const seats = d.total.seats.offered;
  if (seats > 0) lines.push(t(lang, 'rules.diff.seats', { seats, districts: d.districts.filter((x) => x.summary.seats.offered > 0).length }));
  // Nobody placed either way: say so plainly, or a change to the quota or the categories looks harmless.
  if (!d.total.referrals.before && !d.total.referrals.after) {
    lines.push('', seats ? t(lang, 'rules.diff.noPlacement', { seats, date: d.date }) : t(lang, 'rules.diff.noSeats', { date: d.date }));
    if (!d.placesOf) lines.push(...(d.storedNights.length ? [t(lang, 'rules.diff.noSeatsHint'), `  ${d.storedNights.join(', ')}`] : [t(lang, 'rules.diff.noSeatsNoNights')]));
  }
  for (const n of d.notes) lines.push(t(lang, n.what === 'seats' ? 'rules.diff.seatsDiffer' : 'rules.diff.queueDiffers', { district: n.district, night: n.night, ledger: n.ledger, rebuilt: n.rebuilt }));

  const s = d.total;
  lines.push('', t(lang, 'rules.diff.total', { judged: s.judged, before: s.referrals.before, after: s.referrals.after }));
  lines.push(...summaryLines(s, w).map((l) => `  ${l}`));
  if (!d.districts.some((x) => x.people.length)) lines.push('', t(lang, 'rules.diff.nothing'));

  if (d.districts.length) {
    lines.push('', t(lang, 'rules.diff.byDistrict'));
    const rows: string[][] = [t(lang, 'rules.diff.columns').split('|')];
    const all = t(lang, 'rules.diff.allCohorts');
    for (const x of d.districts) {
      // A cohort with no seat and no change says nothing.
      for (const c of x.cohorts) if (c.summary.seats.offered || hasChange(c.summary)) rows.push(tableRow(x.district, String(c.birthYear), c.summary));
      rows.push(tableRow(x.district, all, x.summary));
    }
    lines.push(...table(rows));
  }
  lines.push('', outFile ? t(lang, 'rules.diff.outFile', { file: outFile }) : t(lang, 'rules.diff.perPerson'));
  return lines.join('\n');
}

/** The total, one line per kind of change, with what it breaks down into. */
function summaryLines(s: ImpactSummary, w: DiffWords): string[] {
  const { lang } = w;
  const byCategory = (counts: Record<Category, number>, words: RuleWords) =>
    (Object.entries(counts) as [Category, number][]).filter(([, n]) => n > 0).map(([c, n]) => `${words.category(c)}: ${n}`);
  const byReason = (counts: Record<string, number>, words: RuleWords) => Object.entries(counts).map(([r, n]) => `${words.reason(r)}: ${n}`);
  const shift = (x: Shift) => (x.count ? [t(lang, 'rules.diff.shift', { median: x.median, largest: x.largest })] : []);
  const line = (key: MessageKey, count: number, detail: string[]) => t(lang, key, { count }) + (detail.length ? ` — ${detail.join(', ')}` : '');
  return [
    line('rules.diff.placed', s.placed.total, byCategory(s.placed.byCategory, w.to)),
    line('rules.diff.displaced', s.displaced.total, byCategory(s.displaced.byCategory, w.from)),
    line('rules.diff.moved', s.moved, []),
    line(
      'rules.diff.categoryChanged',
      s.categoryChanges.reduce((n, c) => n + c.count, 0),
      s.categoryChanges.map((c) => t(lang, 'rules.diff.flow', { from: w.from.category(c.from), to: w.to.category(c.to), count: c.count })),
    ),
    line('rules.diff.refusalsGained', s.refusalsGained.total, byReason(s.refusalsGained.byReason, w.to)),
    line('rules.diff.refusalsLost', s.refusalsLost.total, byReason(s.refusalsLost.byReason, w.from)),
    line('rules.diff.forward', s.queueNumbers.forward.count, shift(s.queueNumbers.forward)),
    line('rules.diff.back', s.queueNumbers.back.count, shift(s.queueNumbers.back)),
    line('rules.diff.kept', s.queueNumbers.kept, []),
  ];
}

const hasChange = (s: ImpactSummary) =>
  s.placed.total + s.displaced.total + s.moved + s.categoryChanges.length + s.refusalsGained.total + s.refusalsLost.total + s.queueNumbers.forward.count + s.queueNumbers.back.count > 0;

function tableRow(district: string, cohort: string, s: ImpactSummary): string[] {
  return [
    district,
    cohort,
    s.seats.offered,
    s.placed.total,
    s.displaced.total,
    s.moved,
    s.categoryChanges.reduce((n, c) => n + c.count, 0),
    s.refusalsGained.total,
    s.refusalsLost.total,
    s.queueNumbers.forward.count,
    s.queueNumbers.back.count,
  ].map(String);
}

/** Columns as wide as their widest cell; text left, numbers right. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r, ri) =>
    '  ' +
    r
      .map((cell, i) => (i < 2 || ri === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}
