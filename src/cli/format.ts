import { join } from 'node:path';
import type { ImportReport } from '../importing/import-folder.js';
import type { RunSummary } from '../nightly/run.js';
import type { RewriteNotice } from '../db/migrate.js';
import { table } from './table.js';

/** Terminal text for people; the machine-readable outputs are the files. */

export function formatImport(report: ImportReport): string {
  return [
    'Imported:',
    table(
      ['file', 'lines', 'imported', 'rejected'],
      report.files.map((f) => [f.file, f.lines, f.imported, f.rejected]),
      ['left', 'right', 'right', 'right'],
    ),
    report.rejected ? `Rejected lines (with line numbers and reasons): ${report.rejectsPath}` : 'No line was rejected.',
  ].join('\n');
}

/** Said under every deadline counted through a year whose decree on days off is not recorded yet. */
export function provisionalNote(years: readonly number[]): string {
  if (!years.length) return '';
  const list = years.join(', ');
  return `Provisional: computed before the decree on days off for ${list} was recorded (rules/calendar/${years[0]}.json); the date may still move.`;
}

/** The warning from 1 November when next year has no calendar file. */
export function missingYearNote(year: number): string {
  return `Warning: there is no working-day calendar file for ${year} (rules/calendar/${year}.json). Deadlines in ${year} are computed from the public holidays and the substitution rule alone until its decree is recorded.`;
}

export function formatRun(summary: RunSummary, outDir: string): string {
  const t = summary.totals;
  const l = summary.lifecycle;
  const ranks = Object.keys(t.referralsByPreferenceRank)
    .sort()
    .map((k) => `${k === '0' ? 'any in district' : `choice ${k}`}: ${t.referralsByPreferenceRank[k]}`)
    .join(', ');
  const resumed = summary.districts.filter((d) => d.resumed).length;
  return [
    `Allocation for ${summary.date}${summary.dryRun ? ' (dry run: nothing stored)' : ` (run ${summary.run})`}, rules ${summary.rules.version}`,
    `  districts:        ${summary.districts.length}${resumed ? ` (${resumed} finished earlier for this date, read back)` : ''}`,
    `  seats offered:    ${t.seatsOffered}, left free: ${t.seatsLeft}`,
    `  candidates:       ${t.candidates}`,
    `  referrals:        ${t.referrals} (extraordinary ${t.referralsByCategory.extraordinary}, primary ${t.referralsByCategory.primary}, general ${t.referralsByCategory.general})`,
    `  by preference:    ${ranks || '-'}`,
    `  left in queue:    ${t.queueLeft} with a number, ${t.notCandidates} waiting (later start date or stop list)`,
    `  refusals:         ${t.refused}`,
    `  lapsed:           ${l.lapsed} (offer not answered, or not enrolled in time: the application is inactive)`,
    `  cancelled:        ${l.cancelled} (priority right not proven; back in the queue as general)`,
    `  aged out:         ${l.agedOut}`,
    `  seats returned:   ${l.seatsReturned}`,
    ...(l.lapsed + l.cancelled + l.agedOut ? [`  the families to reach are listed in ${join(outDir, 'lapses.ndjson')}`] : []),
    `  took ${(summary.timings.totalMs / 1000).toFixed(1)} s`,
    ...(summary.calendar.provisional ? [`  ${provisionalNote(summary.calendar.provisionalYears).replace('computed', 'the confirm-by dates were computed')}`] : []),
    ...(summary.calendar.missingNextYear ? [missingYearNote(summary.calendar.missingNextYear)] : []),
    `Run folder: ${outDir}`,
  ].join('\n');
}

/** Said before a migration that rewrites tables holding data starts: they are locked until it commits. */
export function rewriteNotice(n: RewriteNotice): string {
  const tables = n.tables.map((t) => `${t.table} (${t.rows === null ? '' : `about ${t.rows.toLocaleString('en-US')} rows, `}${bytes(t.bytes)})`).join(', ');
  return `kezek: migration ${n.migration} rewrites ${tables}: ${n.tables.length === 1 ? 'it is' : 'they are'} locked until it finishes; run it outside the nightly window.`;
}

export function bytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i ? n.toFixed(1) : n} ${units[i]}`;
}
