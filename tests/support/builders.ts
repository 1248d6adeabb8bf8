/**
 * Small builders for hand-made districts. Instants are converted with
 * Date.parse (not the code under test) so the tests stay independent of
 * parseInstant.
 */
import type { AllocationSettings, AllocationInput, AllocationOutcome } from '../../src/allocation/allocate.js';
import { allocateDistrict } from '../../src/allocation/allocate.js';
import type { Application, Category, Evaluation, GroupType, Language, Place, Right } from '../../src/domain/types.js';

export const DISTRICT = 'ALA-MED';

/** Microseconds since the epoch of an ISO instant with offset (independent of parseInstant). */
export function micros(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms * 1000;
}

export interface AppSpec {
  id: string;
  birthDate?: string;
  registeredAt?: string;
  preferences?: string[];
  acceptAnyInDistrict?: boolean;
  language?: Language;
  groupType?: GroupType;
  desiredFrom?: string;
  stopListUntil?: string | null;
  rights?: Right[];
  status?: Application['status'];
}

export function app(spec: AppSpec): Application {
  return {
    id: spec.id,
    district: DISTRICT,
    birthDate: spec.birthDate ?? '2022-03-15',
    registeredAtUs: micros(spec.registeredAt ?? '2023-04-01T09:15:00+05:00'),
    channel: 'portal',
    preferences: spec.preferences ?? ['KG-1'],
    acceptAnyInDistrict: spec.acceptAnyInDistrict ?? false,
    language: spec.language ?? 'kk',
    groupType: spec.groupType ?? 'general',
    desiredFrom: spec.desiredFrom ?? '2024-09-01',
    stopListUntil: spec.stopListUntil ?? null,
    rights: spec.rights ?? [],
    status: spec.status ?? 'queued',
  };
}

export function ev(category: Category = 'general', rights: string[] = []): Evaluation {
  return { eligible: true, reasons: [], category, rights };
}

export function refused(...reasons: string[]): Evaluation {
  return { eligible: false, reasons, category: 'general', rights: [] };
}

export interface PlaceSpec {
  birthYear?: number;
  language?: Language;
  groupType?: GroupType;
  seats?: number;
}

export function place(kindergarten: string, group: string, spec: PlaceSpec = {}): Place {
  return {
    kindergarten,
    group,
    birthYear: spec.birthYear ?? 2022,
    language: spec.language ?? 'kk',
    groupType: spec.groupType ?? 'general',
    seats: spec.seats ?? 1,
  };
}

export const D = '2025-08-15';

/** Runs allocateDistrict on [application, evaluation] pairs. */
export function run(
  entries: readonly (readonly [Application, Evaluation])[],
  places: readonly Place[],
  settings: Partial<AllocationSettings> = {},
): AllocationOutcome {
  const input: AllocationInput = {
    district: DISTRICT,
    places,
    applications: entries.map(([a]) => a),
    evaluations: entries.map(([, e]) => e),
  };
  return allocateDistrict(input, { date: settings.date ?? D, quota: settings.quota ?? [1, 3] });
}

/** Application ids of the referrals, in output order. */
export const referredIds = (o: AllocationOutcome): string[] => o.referrals.map((r) => r.application);

/** application id → queue number. */
export const queueMap = (o: AllocationOutcome): Record<string, number> =>
  Object.fromEntries(o.queue.map((q) => [q.application, q.queueNumber]));

/** UTF-8 byte order, independent of compareIds. */
export function byteCompare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
