import { allocateDistrict } from '../src/allocation/allocate.js';
import { auditDistrict, type AuditInput, type AuditOutcome } from '../src/audit/invariants.js';
import { districtNumbers } from '../src/audit/numbers.js';
import { copyText, type CopyValue } from '../src/codec/copy.js';
import { placeLines } from '../src/demo/generate.js';
import { compareIds } from '../src/domain/ids.js';
import type { Place } from '../src/domain/types.js';
import { loadRuleSet } from '../src/io/rules-folder.js';
import { computeDistrict } from '../src/nightly/compute.js';
import { compileRuleSet } from '../src/rules/compiled.js';
import { RuleEngines } from '../src/rules/engine.js';
import { fmt, sampleApplications } from './support.js';

export interface AuditBenchDistrict {
  input: AuditInput;
  outcome: AuditOutcome;
  /** The queue as the database gives it to computeDistrict (codec/queue.ts). */
  queue: Uint8Array;
}

/** Generated districts, judged and allocated, as the compute step's audit sees them. */
export function auditBenchDistricts(applications: number, districts: number): AuditBenchDistrict[] {
  const date = '2026-09-01';
  const rules = loadRuleSet('rules');
  const compiled = compileRuleSet(rules);
  const options = { seed: 5, date, districts, kindergartensPerDistrict: 8, applications, seats: Math.round(applications / 10), badLines: false };
  const apps = sampleApplications(applications, date, districts).filter((a) => a.status === 'queued');
  const places: Place[] = [...placeLines(options)].map((l) => JSON.parse(l) as Place);
  const kgDistrict = new Map<string, string>();
  for (const a of apps) for (const k of a.preferences) kgDistrict.set(k, a.district);
  const byDistrict = new Map<string, { applications: typeof apps; places: Place[] }>();
  for (const a of apps) {
    let d = byDistrict.get(a.district);
    if (!d) byDistrict.set(a.district, (d = { applications: [], places: [] }));
    d.applications.push(a);
  }
  for (const p of places) byDistrict.get(kgDistrict.get(p.kindergarten) ?? '')?.places.push(p);
  const out: AuditBenchDistrict[] = [];
  for (const [district, d] of [...byDistrict].sort(([a], [b]) => compareIds(a, b))) {
    // In id order, as the district's read gives them.
    const applications = d.applications.sort((a, b) => compareIds(a.id, b.id));
    const evaluations = applications.map((a) => compiled.evaluate(a, date));
    const quota = rules.parameters.primaryQuota;
    const o = allocateDistrict({ district, places: d.places, applications, evaluations }, { date, quota });
    const rows = applications.map((a): CopyValue[] => [
      a.id,
      a.birthDate,
      a.registeredAtUs,
      a.channel,
      a.preferences.join('\u001f'),
      a.acceptAnyInDistrict ? 't' : 'f',
      a.language,
      a.groupType,
      a.desiredFrom,
      a.stopListUntil,
      JSON.stringify(a.rights),
    ]);
    out.push({
      input: { district, date, places: d.places, applications, evaluations, quota },
      outcome: { referrals: o.referrals, queue: o.queue, refusals: o.refusals, notCandidates: o.notCandidates },
      queue: new TextEncoder().encode(copyText(rows)),
    });
  }
  return out;
}

/**
 * The per-district work the audit adds to a night: auditDistrict and
 * districtNumbers over every district (their sum is what each worker thread
 * spends on them), and the whole compute step for scale. Best of `passes`
 * passes, after the first (JIT warm-up).
 */
export async function benchAudit(applications: number, districts: number, passes = 5): Promise<{ auditMs: number; numbersMs: number; computeMs: number }> {
  const list = auditBenchDistricts(applications, districts);
  const rules = loadRuleSet('rules');
  const engines = new RuleEngines();
  const best = { auditMs: Infinity, numbersMs: Infinity, computeMs: Infinity };
  for (let pass = 0; pass <= passes; pass++) {
    let t = performance.now();
    for (const d of list) auditDistrict(d.input, d.outcome);
    const auditMs = performance.now() - t;
    t = performance.now();
    for (const d of list) districtNumbers(d.input, d.outcome);
    const numbersMs = performance.now() - t;
    t = performance.now();
    for (const d of list)
      await computeDistrict({ district: d.input.district, date: d.input.date, runId: 'bench', places: d.input.places as Place[], queue: d.queue, rules, engine: 'compiled' }, engines);
    const computeMs = performance.now() - t;
    if (pass === 0) continue;
    best.auditMs = Math.min(best.auditMs, auditMs);
    best.numbersMs = Math.min(best.numbersMs, numbersMs);
    best.computeMs = Math.min(best.computeMs, computeMs);
  }
  console.log(
    `audit: ${fmt(applications)} applications in ${list.length} districts: auditDistrict ${best.auditMs.toFixed(0)} ms, districtNumbers ${best.numbersMs.toFixed(0)} ms, whole computeDistrict ${best.computeMs.toFixed(0)} ms (best of ${passes})`,
  );
  return best;
}
