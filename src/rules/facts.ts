import { ageInMonths, dayNumber } from '../domain/dates.js';
import type { Application } from '../domain/types.js';
import type { RuleParameters } from './ruleset.js';

/**
 * The fact vocabulary rules may use: everything is computed at the
 * allocation date, so a rule never needs to know what "today" is.
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
  /** The rule parameters (`rules/parameters.json`), for rules to compare against. */
  parameters: RuleParameters;
}

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
    parameters,
  };
}
