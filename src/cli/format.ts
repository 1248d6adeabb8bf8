import type { ImportReport } from '../importing/import-folder.js';
import type { RunSummary } from '../nightly/run.js';

/** Terminal text for people; the machine-readable outputs are the files. */

export function formatImport(report: ImportReport): string {
  const lines = report.files.map(
    (f) => `  ${f.file.padEnd(22)} ${String(f.lines).padStart(8)} lines  ${String(f.imported).padStart(8)} imported  ${String(f.rejected).padStart(6)} rejected`,
  );
  return [
    'Imported:',
    ...lines,
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
    `  took ${(summary.timings.totalMs / 1000).toFixed(1)} s`,
    ...(summary.calendar.provisional ? [`  ${provisionalNote(summary.calendar.provisionalYears).replace('computed', 'the confirm-by dates were computed')}`] : []),
    ...(summary.calendar.missingNextYear ? [missingYearNote(summary.calendar.missingNextYear)] : []),
    `Run folder: ${outDir}`,
  ].join('\n');
}
