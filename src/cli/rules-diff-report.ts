import type { RulesDiff } from '../online/rules-diff.js';

/** Terminal text of `kezek rules diff`. */
export function formatRulesDiff(d: RulesDiff, outFile: string | null): string {
  const lines = [`Rule change ${d.from.version} → ${d.to.version} on the queue at ${d.date} (dry: nothing stored)`];
  const totals = { judged: 0, eligibility: 0, category: 0, gained: 0, lost: 0 };
  lines.push('', 'Applications whose verdict changes (category, or refused):');
  lines.push(`  ${'district'.padEnd(14)} ${'from'.padEnd(14)} ${'to'.padEnd(14)} count`);
  for (const x of d.districts) {
    totals.judged += x.judged;
    totals.eligibility += x.eligibilityChanged;
    totals.category += x.categoryChanged;
    for (const c of x.changes) lines.push(`  ${x.district.padEnd(14)} ${c.from.padEnd(14)} ${c.to.padEnd(14)} ${c.count}`);
  }
  if (!d.districts.some((x) => x.changes.length)) lines.push('  (none)');
  lines.push('', 'Referrals the simulated allocation gains (+) and loses (-):');
  lines.push(`  ${'±'} ${'application'.padEnd(16)} ${'district'.padEnd(12)} ${'year'.padEnd(5)} ${'kindergarten'.padEnd(14)} ${'group'.padEnd(16)} category`);
  for (const x of d.districts) {
    for (const r of x.referrals) {
      totals[r.change]++;
      lines.push(`  ${r.change === 'gained' ? '+' : '-'} ${r.application.padEnd(16)} ${r.district.padEnd(12)} ${String(r.birthYear).padEnd(5)} ${r.kindergarten.padEnd(14)} ${r.group.padEnd(16)} ${r.category}`);
    }
  }
  if (!totals.gained && !totals.lost) lines.push('  (none)');
  lines.push(
    '',
    `${totals.judged} queued applications judged: ${totals.eligibility} change eligibility, ${totals.category} change category; referrals +${totals.gained} -${totals.lost}.`,
  );
  if (outFile) lines.push(`Referral changes as NDJSON: ${outFile}`);
  return lines.join('\n');
}
