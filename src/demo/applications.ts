import { parseInstant } from '../domain/dates.js';
import type { Application } from '../domain/types.js';
import { applicationLines, type GenerateOptions } from './generate.js';

/**
 * Generated applications as the allocation sees them (good lines only), for
 * benchmarks and differential tests that need many realistic applications
 * without a database.
 */
export function generatedApplications(o: Omit<GenerateOptions, 'badLines'>): Application[] {
  const out: Application[] = [];
  for (const line of applicationLines({ ...o, badLines: false })) {
    const a = JSON.parse(line);
    out.push({
      id: a.id,
      district: a.district,
      birthDate: a.child.birthDate,
      registeredAtUs: parseInstant(a.registeredAt)!,
      channel: a.channel,
      preferences: a.preferences,
      acceptAnyInDistrict: a.acceptAnyInDistrict ?? false,
      language: a.language,
      groupType: a.groupType,
      desiredFrom: a.desiredFrom,
      stopListUntil: a.stopListUntil ?? null,
      rights: a.rights ?? [],
      status: a.status ?? 'queued',
    });
  }
  return out;
}
