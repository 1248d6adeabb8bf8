/**
 * The shape of a synthetic dataset that every file's generator agrees on:
 * districts, their kindergartens, and how many applications and seats each
 * district gets. Small (one entry per kindergarten), so each generator
 * rebuilds it from the seed instead of sharing state.
 */
import type { Language } from '../domain/types.js';
import type { GenerateOptions } from './options.js';
import { Random, apportion, cumulativeSums } from './random.js';
import { CITY_DISTRICTS, KINDERGARTEN_NAMES, REGIONS, RURAL_DISTRICTS, type RegionInfo } from './vocabulary.js';

export interface KindergartenPlan {
  readonly id: string;
  readonly district: string;
  readonly name: string;
  readonly languages: readonly Language[];
  /** How often parents list it (relative). */
  readonly popularity: number;
  /** How many seats it frees (relative). */
  readonly capacity: number;
}

export interface DistrictPlan {
  /** Position in the district list (0-based). */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly region: RegionInfo;
  /** Applications of this district (exact). */
  readonly applications: number;
  /** Freed seats of this district (exact; proportional to its applications). */
  readonly seats: number;
  readonly kindergartens: readonly KindergartenPlan[];
}

export interface DatasetPlan {
  readonly districts: readonly DistrictPlan[];
}

export function planDataset(o: GenerateOptions): DatasetPlan {
  const rnd = new Random(o.seed, 'plan');
  const heads = districtHeads(o.districts, rnd);
  const applications = apportion(o.applications, heads.map((h) => h.weight));
  const seats = apportion(o.seats, applications.some((n) => n > 0) ? applications : heads.map((h) => h.weight));
  const meanWeight = heads.reduce((s, h) => s + h.weight, 0) / Math.max(1, heads.length);
  // Bigger districts have more kindergartens, within ±50% of the average; the total is exact.
  const factors = heads.map((h) => clamp(0.6 + 0.4 * (h.weight / meanWeight) + 0.1 * rnd.normal(), 0.5, 1.5));
  const counts = kindergartenCounts(o.kindergartensPerDistrict, factors);
  const districts = heads.map(
    (h, index): DistrictPlan => ({
      index,
      id: h.id,
      name: h.name,
      region: h.region,
      applications: applications[index]!,
      seats: seats[index]!,
      kindergartens: kindergartens(h.id, h.region, counts[index]!, rnd),
    }),
  );
  return { districts };
}

interface DistrictHead {
  id: string;
  name: string;
  region: RegionInfo;
  weight: number;
}

function districtHeads(n: number, rnd: Random): DistrictHead[] {
  const out: DistrictHead[] = [];
  for (let i = 0; i < n; i++) {
    if (i < CITY_DISTRICTS.length) {
      const [id, name, size] = CITY_DISTRICTS[i]!;
      const region = REGIONS[id.slice(0, 3)]!;
      out.push({ id, name, region, weight: size * Math.exp(0.2 * rnd.normal()) });
    } else {
      const k = i - CITY_DISTRICTS.length;
      const [name, prefix] = RURAL_DISTRICTS[k % RURAL_DISTRICTS.length]!;
      const round = Math.floor(k / RURAL_DISTRICTS.length);
      out.push({
        id: `${prefix}-D${String(k + 1).padStart(3, '0')}`,
        name: round === 0 ? name : `${name} (${round + 1})`,
        region: REGIONS[prefix]!,
        // Rural districts keep shorter queues than city ones.
        weight: 0.35 * Math.exp(0.45 * rnd.normal()),
      });
    }
  }
  return out;
}

function kindergartens(district: string, region: RegionInfo, count: number, rnd: Random): KindergartenPlan[] {
  const out: KindergartenPlan[] = [];
  let number = rnd.between(1, 40);
  for (let i = 0; i < count; i++) {
    number += rnd.between(1, 4);
    const title = rnd.pick(KINDERGARTEN_NAMES);
    const name = rnd.chance(0.12) ? `«${title}» балабақшасы` : `№${number} ${title}`;
    const r = rnd.next();
    const languages: Language[] =
      r < 0.5 * region.kazakhShare ? ['kk'] : r < 0.5 * region.kazakhShare + 0.3 * (1 - region.kazakhShare) ? ['ru'] : ['kk', 'ru'];
    out.push({
      id: `KG-${district}-${String(i + 1).padStart(4, '0')}`,
      district,
      name,
      languages,
      popularity: Math.exp(0.8 * rnd.normal()),
      capacity: 0.5 + rnd.next() * 1.5,
    });
  }
  return out;
}

/** Per district: in proportion to `factors`, within ±50% of `average`, adding up to the average times the districts where that fits. */
function kindergartenCounts(average: number, factors: readonly number[]): number[] {
  const lo = Math.max(1, Math.ceil(average * 0.5));
  const hi = Math.max(lo, Math.floor(average * 1.5));
  const counts = apportion(Math.round(average * factors.length), factors).map((n) => clamp(n, lo, hi));
  let drift = Math.round(average * factors.length) - counts.reduce((s, n) => s + n, 0);
  for (let i = 0; drift !== 0 && i < counts.length * (hi - lo + 1); i++) {
    const j = i % counts.length;
    if (drift > 0 && counts[j]! < hi) {
      counts[j]!++;
      drift--;
    } else if (drift < 0 && counts[j]! > lo) {
      counts[j]!--;
      drift++;
    }
  }
  return counts;
}

/** Cumulative weights of a district's kindergartens, for weighted draws. */
export function cumulativeWeights(kgs: readonly KindergartenPlan[], weight: (k: KindergartenPlan) => number): Float64Array {
  return cumulativeSums(kgs.map(weight));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
