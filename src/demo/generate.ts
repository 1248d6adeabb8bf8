/**
 * Deterministic synthetic district data in the input format of formats.md.
 * Pure: each generator rebuilds the small dataset plan from the seed and
 * streams its file on its own PRNG stream, so the four files agree on
 * districts and kindergartens and any one of them can be made alone.
 */
import { isValidDate } from '../domain/dates.js';
import { UsageError } from '../errors.js';
import { applicationRecords } from './application-lines.js';
import type { GenerateOptions, GeneratedLine } from './options.js';
import { placeRecords } from './place-lines.js';
import { planDataset } from './plan.js';

export { DEMO_DEFAULTS, type BadKind, type GeneratedLine, type GenerateOptions } from './options.js';

/** Throws a UsageError naming the first option that cannot be generated from. */
export function checkGenerateOptions(o: GenerateOptions): void {
  const count = (name: keyof GenerateOptions, value: number): void => {
    if (!Number.isSafeInteger(value) || value < 0) throw new UsageError(`${name} must be a whole number ≥ 0, got ${value}`);
  };
  if (!Number.isSafeInteger(o.seed)) throw new UsageError(`seed must be a whole number, got ${o.seed}`);
  if (!isValidDate(o.date)) throw new UsageError(`date must be a real date YYYY-MM-DD, got ${o.date}`);
  const year = Number(o.date.slice(0, 4));
  if (year < 1990 || year > 2200) throw new UsageError(`date must be between 1990 and 2200, got ${o.date}`);
  count('districts', o.districts);
  count('applications', o.applications);
  count('seats', o.seats);
  if (!Number.isFinite(o.kindergartensPerDistrict) || o.kindergartensPerDistrict < 1 || o.kindergartensPerDistrict > 9000) {
    throw new UsageError(`kindergartensPerDistrict must be between 1 and 9000, got ${o.kindergartensPerDistrict}`);
  }
  if (o.districts === 0 && (o.applications > 0 || o.seats > 0)) throw new UsageError('applications and seats need at least one district');
}

export function* districtLines(o: GenerateOptions): Generator<string> {
  checkGenerateOptions(o);
  for (const d of planDataset(o).districts) yield JSON.stringify({ id: d.id, name: d.name, region: d.region.name });
}

export function* kindergartenLines(o: GenerateOptions): Generator<string> {
  checkGenerateOptions(o);
  for (const d of planDataset(o).districts) {
    for (const k of d.kindergartens) yield JSON.stringify({ id: k.id, district: k.district, name: k.name, languages: k.languages });
  }
}

export function* placeLines(o: GenerateOptions): Generator<string> {
  for (const r of placeLineRecords(o)) yield r.line;
}

export function* applicationLines(o: GenerateOptions): Generator<string> {
  for (const r of applicationLineRecords(o)) yield r.line;
}

/** places.ndjson lines with their bad kind (for counting and tests). */
export function* placeLineRecords(o: GenerateOptions): Generator<GeneratedLine> {
  checkGenerateOptions(o);
  yield* placeRecords(o);
}

/** applications.ndjson lines with their bad kind (for counting and tests). */
export function* applicationLineRecords(o: GenerateOptions): Generator<GeneratedLine> {
  checkGenerateOptions(o);
  yield* applicationRecords(o);
}
