import type { ApplicationStatus, Channel, GroupType, Language, Right } from '../domain/types.js';

/** What the synthetic data generator is asked for, and what it gives back line by line. */

export interface GenerateOptions {
  /** PRNG seed (a safe integer). */
  seed: number;
  /** The allocation date the data is made for (YYYY-MM-DD): ages, proof validity and desiredFrom are relative to it. */
  date: string;
  /** Number of districts. */
  districts: number;
  /** Kindergartens per district (average; each district varies it ±50%, bigger districts having more). */
  kindergartensPerDistrict: number;
  /** Total good applications across all districts (bad lines come on top). */
  applications: number;
  /** Total freed seats across all districts (exact; split in proportion to the districts' applications). */
  seats: number;
  /** Add a handful of deliberately bad lines to applications.ndjson and places.ndjson. */
  badLines: boolean;
}

/** The `kezek demo` defaults: a few districts, a queue a department would recognise. */
export const DEMO_DEFAULTS: Readonly<GenerateOptions> = Object.freeze({
  seed: 42,
  date: '2026-09-01',
  districts: 6,
  kindergartensPerDistrict: 8,
  applications: 5000,
  seats: 900,
  badLines: true,
});

/** What is wrong with a deliberately bad line (the reason an import should reject it). */
export type BadKind =
  | 'not_json'
  | 'truncated'
  | 'iin_check_digit'
  | 'iin_birth_date'
  | 'impossible_date'
  | 'duplicate_id'
  | 'unknown_district'
  | 'foreign_preference'
  | 'missing_field'
  | 'wrong_type'
  | 'unknown_kindergarten'
  | 'zero_seats';

/** One NDJSON line (no newline) and, for a deliberately bad one, what is wrong with it. */
export interface GeneratedLine {
  line: string;
  bad: BadKind | null;
  /** A good application line's object (what `line` is the JSON of), so loaders need not parse it back. */
  application?: ApplicationJson;
}


export type Relation = 'mother' | 'father' | 'guardian';

/** A good application line's object, as formats.md writes it. */
export interface ApplicationJson {
  id: string;
  child: { iin: string; birthDate: string; name: string };
  applicant: { iin: string; name: string; relation: Relation };
  district: string;
  registeredAt: string;
  channel: Channel;
  preferences: string[];
  acceptAnyInDistrict: boolean;
  language: Language;
  groupType: GroupType;
  desiredFrom: string;
  rights: Right[];
  status: ApplicationStatus;
  stopListUntil?: string;
}
