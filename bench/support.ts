import { applicationLines } from '../src/demo/generate.js';
import { parseInstant } from '../src/domain/dates.js';
import type { Application } from '../src/domain/types.js';

/** Applications from the demo generator, as the allocation sees them. */
export function sampleApplications(n: number, date: string, districts = 20, seed = 5): Application[] {
  const out: Application[] = [];
  for (const line of applicationLines({ seed, date, districts, kindergartensPerDistrict: 8, applications: n, seats: Math.round(n / 10), badLines: false })) {
    const a = JSON.parse(line);
    out.push({
      id: a.id,
      district: a.district,
      birthDate: a.child.birthDate,
      registeredAtUs: parseInstant(a.registeredAt)!,
      channel: a.channel,
      preferences: a.preferences,
      acceptAnyInDistrict: a.acceptAnyInDistrict,
      language: a.language,
      groupType: a.groupType,
      desiredFrom: a.desiredFrom,
      stopListUntil: a.stopListUntil ?? null,
      rights: a.rights,
      status: a.status,
    });
  }
  return out;
}

export function machine(): string {
  return `${process.version}, ${(globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? '?'} cores`;
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
