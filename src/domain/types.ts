/** Plain data of the domain, shared by every layer. Dates are `YYYY-MM-DD` strings. */

export type Language = 'kk' | 'ru';
export type GroupType = 'general' | 'special';
export type Channel = 'portal' | 'office' | 'govcorp';
export type ApplicationStatus =
  | 'queued'
  | 'offered'
  | 'confirmed'
  | 'enrolled'
  | 'refused'
  | 'inactive'
  | 'annulled'
  | 'aged_out';
export type Category = 'extraordinary' | 'primary' | 'general';

export const LANGUAGES: readonly Language[] = ['kk', 'ru'];
export const GROUP_TYPES: readonly GroupType[] = ['general', 'special'];
export const CHANNELS: readonly Channel[] = ['portal', 'office', 'govcorp'];
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'queued',
  'offered',
  'confirmed',
  'enrolled',
  'refused',
  'inactive',
  'annulled',
  'aged_out',
];

export interface District {
  id: string;
  name: string;
  region: string | null;
}

export interface Kindergarten {
  id: string;
  district: string;
  name: string;
  languages: Language[];
}

/** Free seats of one group on offer (rows for the same group are summed). */
export interface Place {
  kindergarten: string;
  group: string;
  birthYear: number;
  language: Language;
  groupType: GroupType;
  seats: number;
}

export interface Right {
  category: string;
  document: string;
  validUntil: string;
}

/** An application as the allocation needs it (no names, no IINs). */
export interface Application {
  id: string;
  district: string;
  birthDate: string;
  /** Registration instant in microseconds since the epoch, UTC. */
  registeredAtUs: number;
  channel: Channel;
  preferences: string[];
  acceptAnyInDistrict: boolean;
  language: Language;
  groupType: GroupType;
  desiredFrom: string;
  stopListUntil: string | null;
  rights: Right[];
  status: ApplicationStatus;
}

/** The rules' verdict on one application at a date. */
export interface Evaluation {
  eligible: boolean;
  /** Refusal reasons, in rule order; empty when eligible. */
  reasons: string[];
  category: Category;
  /** The rights (valid at the date) that gave the category, in the application's order. */
  rights: string[];
}
