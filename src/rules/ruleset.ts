import type { Category } from '../domain/types.js';
import type { Vocabulary } from './vocabulary-types.js';

/** Rule parameters policy staff may edit (`rules/parameters.json`). */
export interface RuleParameters {
  /** A child this old or older at the date is refused (`age_limit`). */
  maxAgeYears: number;
  /** A child younger than this many full months at the date is refused (`too_young`). */
  minAgeMonths: number;
  /** [primary, general]: referrals issued to primary per general in each cohort. */
  primaryQuota: [number, number];
  /** Most kindergartens an application may list. */
  maxPreferences: number;
  /** Working days the parent has to confirm an offer. */
  confirmWorkingDays: number;
  /** Working days from confirmation to enrolment (documents and contract). */
  enrollWorkingDays: number;
  /** Calendar days the enrolment deadline may be extended, once. */
  extensionCalendarDays: number;
  /** Working days to prove a priority right in person after a referral under it. */
  proofWorkingDays: number;
  /** Calendar days on the stop list after a priority right was not proven. */
  stopListDays: number;
  /** Calendar days an inactive application may be restored within (once). */
  restoreCalendarDays: number;
  /** Working days to answer a complaint at the provider or the State Corporation. */
  complaintProviderWorkingDays: number;
  /** Working days to answer a complaint at the authority for quality assessment. */
  complaintAuthorityWorkingDays: number;
}

/** The lifecycle deadline parameters, in the order parameters.json lists them. */
export const LIFECYCLE_PARAMETERS = [
  'enrollWorkingDays',
  'extensionCalendarDays',
  'proofWorkingDays',
  'stopListDays',
  'restoreCalendarDays',
  'complaintProviderWorkingDays',
  'complaintAuthorityWorkingDays',
] as const;

/** One json-rules-engine rule as written in a rule file. */
export interface RuleDefinition {
  name: string;
  priority?: number;
  conditions: Record<string, unknown>;
  event: { type: string; params?: Record<string, unknown> };
}

/** A category rule, resolved: which rights it names and its rank (1 = served first). */
export interface CategoryRule {
  definition: RuleDefinition;
  category: Exclude<Category, 'general'>;
  rank: number;
  /** Its place in categories.json (`$.rules[index]`): the list here is sorted by rank. */
  index: number;
  /** Right categories the rule's conditions test with `validRights contains …`. */
  rights: string[];
}

/** A loaded, checked rule set: everything a run needs to judge applications. */
export interface RuleSet {
  version: string;
  effectiveFrom: string;
  /** sha256 of the rule files' contents (file names and bytes), hex. */
  hash: string;
  parameters: RuleParameters;
  eligibility: RuleDefinition[];
  categories: CategoryRule[];
  /** Every right declared in the vocabulary (each is named by a category rule; import rejects others). */
  knownRights: Set<string>;
  /** The set's words: rights with their tiers, and names in kk, ru, en (vocabulary.json). */
  vocabulary: Vocabulary;
}
