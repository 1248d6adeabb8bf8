import { ageInMonths, dayNumber } from '../domain/dates.js';
import type { Application } from '../domain/types.js';
import type { RuleParameters } from './ruleset.js';

/**
 * The fact vocabulary rules may use: everything is computed at the
 * allocation date, so a rule never needs to know what "today" is.
 * Each fact is documented once, in FACTS below (the schema, `kezek rules
 * facts` and the explanation all read that table).
 */
export interface Facts {
  /** Full years of age at the date. */
  ageYears: number;
  /** Full months of age at the date. */
  ageMonths: number;
  birthYear: number;
  district: string;
  channel: string;
  language: string;
  groupType: string;
  status: string;
  /** Right categories whose proof is valid at the date (`validUntil` ≥ date), in the application's order. */
  validRights: string[];
  /** Right categories whose proof has expired by the date. */
  expiredRights: string[];
  /** Calendar days from registration (UTC day) to the date. */
  daysWaited: number;
  /** How many kindergartens the application lists. */
  preferenceCount: number;
  acceptAnyInDistrict: boolean;
  /** True when the date is on or before `stopListUntil`. */
  onStopList: boolean;
  /** True when `desiredFrom` ≤ the date. */
  desiredFromReached: boolean;
  /** The rule parameters (`rules/parameters.json`), for rules to compare against. */
  parameters: RuleParameters;
}

/** The type of a fact as rule files see it. */
export type FactType = 'integer' | 'string' | 'string[]' | 'boolean' | 'object';

export interface FactDoc {
  name: keyof Facts;
  type: FactType;
  description: string;
  example: unknown;
  /** For string facts with a closed set of values. */
  values?: readonly string[];
}

/** The documented vocabulary: one row per fact, with its type and an example. */
export const FACTS: readonly FactDoc[] = [
  { name: 'ageYears', type: 'integer', description: 'full years of age at the run date', example: 3 },
  { name: 'ageMonths', type: 'integer', description: 'full months of age at the run date (a month is full when the day of month is reached)', example: 41 },
  { name: 'birthYear', type: 'integer', description: "the child's birth year (the cohort)", example: 2022 },
  { name: 'district', type: 'string', description: 'district id of the application', example: 'ALA-MED' },
  { name: 'channel', type: 'string', description: 'where the application was made', example: 'portal', values: ['portal', 'office', 'govcorp'] },
  { name: 'language', type: 'string', description: 'requested group language', example: 'kk', values: ['kk', 'ru'] },
  { name: 'groupType', type: 'string', description: 'requested group type', example: 'general', values: ['general', 'special'] },
  {
    name: 'status',
    type: 'string',
    description: 'application status',
    example: 'queued',
    values: ['queued', 'offered', 'confirmed', 'enrolled', 'refused', 'inactive', 'annulled', 'aged_out'],
  },
  { name: 'validRights', type: 'string[]', description: 'right categories whose proof is valid at the run date (validUntil ≥ date)', example: ['large_family'] },
  { name: 'expiredRights', type: 'string[]', description: 'right categories whose proof expired before the run date', example: ['teacher'] },
  { name: 'daysWaited', type: 'integer', description: 'calendar days from registration to the run date', example: 512 },
  { name: 'preferenceCount', type: 'integer', description: 'how many kindergartens the application lists', example: 2 },
  { name: 'acceptAnyInDistrict', type: 'boolean', description: 'the family accepts any fitting place in the district', example: false },
  { name: 'onStopList', type: 'boolean', description: 'the application is on the stop list at the run date', example: false },
  { name: 'desiredFromReached', type: 'boolean', description: 'the date the family asked for (desiredFrom) has come', example: true },
  {
    name: 'parameters',
    type: 'object',
    description: 'the rule parameters; use only as a value: {"fact": "parameters", "path": "$.maxAgeYears"}',
    example: { maxAgeYears: 7, minAgeMonths: 12 },
  },
];

export function factsAt(app: Application, date: string, parameters: RuleParameters): Facts {
  const validRights: string[] = [];
  const expiredRights: string[] = [];
  for (const r of app.rights) {
    const list = r.validUntil >= date ? validRights : expiredRights;
    if (!list.includes(r.category)) list.push(r.category);
  }
  const months = ageInMonths(app.birthDate, date);
  return {
    ageYears: Math.floor(months / 12),
    ageMonths: months,
    birthYear: Number(app.birthDate.slice(0, 4)),
    district: app.district,
    channel: app.channel,
    language: app.language,
    groupType: app.groupType,
    status: app.status,
    validRights,
    expiredRights,
    daysWaited: dayNumber(date) - Math.floor(app.registeredAtUs / 86_400_000_000),
    preferenceCount: app.preferences.length,
    acceptAnyInDistrict: app.acceptAnyInDistrict,
    onStopList: app.stopListUntil !== null && app.stopListUntil >= date,
    desiredFromReached: app.desiredFrom <= date,
    parameters,
  };
}
