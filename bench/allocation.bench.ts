import { allocateDistrict, type AllocationInput } from '../src/allocation/allocate.js';
import { placeLines } from '../src/demo/generate.js';
import type { Place } from '../src/domain/types.js';
import { compileRuleSet } from '../src/rules/compiled.js';
import { loadRuleSet } from '../src/io/rules-folder.js';
import { fmt, sampleApplications } from './support.js';

/** The allocation core alone (ordering, quota, matching, queue numbers) on pre-judged districts. */
export function benchAllocation(applications: number, districts: number): { ms: number; perSec: number } {
  const date = '2026-09-01';
  const rules = loadRuleSet('rules');
  const compiled = compileRuleSet(rules);
  const options = { seed: 5, date, districts, kindergartensPerDistrict: 8, applications, seats: Math.round(applications / 10), badLines: false };
  const apps = sampleApplications(applications, date, districts);
  const places: Place[] = [...placeLines(options)].map((l) => JSON.parse(l) as Place);
  const kgDistrict = new Map<string, string>();
  for (const a of apps) for (const k of a.preferences) kgDistrict.set(k, a.district);
  const inputs = new Map<string, AllocationInput & { applications: typeof apps; places: Place[]; evaluations: ReturnType<typeof compiled.evaluate>[] }>();
  for (const a of apps) {
    let d = inputs.get(a.district);
    if (!d) inputs.set(a.district, (d = { district: a.district, applications: [], places: [], evaluations: [] }));
    d.applications.push(a);
    d.evaluations.push(compiled.evaluate(a, date));
  }
  for (const p of places) inputs.get(kgDistrict.get(p.kindergarten) ?? '')?.places.push(p);
  // Two passes; the second is timed, once the JIT has warmed up (as in a long nightly run).
  let referrals = 0;
  let ms = 0;
  for (let pass = 0; pass < 2; pass++) {
    const started = performance.now();
    referrals = 0;
    for (const d of inputs.values()) referrals += allocateDistrict(d, { date, quota: rules.parameters.primaryQuota }).referrals.length;
    ms = performance.now() - started;
  }
  const perSec = (applications * 1000) / ms;
  console.log(`allocation core: ${fmt(applications)} applications in ${inputs.size} districts, ${fmt(referrals)} referrals: ${ms.toFixed(0)} ms (${fmt(perSec)} applications/s)`);
  return { ms, perSec };
}
