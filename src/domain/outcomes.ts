import type { Category } from './types.js';

/**
 * What a night produces, as plain data shared by allocation, the lifecycle,
 * the byte formats, the database and the run folder.
 */

export interface ReferralDraft {
  application: string;
  district: string;
  birthYear: number;
  kindergarten: string;
  group: string;
  category: Category;
  rights: string[];
  /** 1..n for the preference that got the seat, 0 through acceptAnyInDistrict. */
  preferenceRank: number;
}

export interface QueueEntry {
  application: string;
  district: string;
  birthYear: number;
  category: Category;
  queueNumber: number;
}

export interface Refusal {
  application: string;
  district: string;
  reasons: string[];
}

export interface DistrictCounts {
  /** Queued applications judged by the rules. */
  queued: number;
  refused: number;
  /** Eligible but not candidates (desiredFrom after D, or on the stop list). */
  notCandidates: number;
  candidates: number;
  referrals: number;
  referralsByCategory: Record<Category, number>;
  /** Keys "0".."n": 0 is acceptAnyInDistrict. */
  referralsByPreferenceRank: Record<string, number>;
  queueLeft: number;
  seatsOffered: number;
  seatsLeft: number;
}

/** A referral as issued: the draft plus its id, sequence and dates (referrals.ndjson, the referrals table). */
export interface IssuedReferral extends ReferralDraft {
  referral: string;
  /** 1-based position in the district's service order of this run. */
  seq: number;
  issuedOn: string;
  confirmBy: string;
}

/** Step 1 of a night in a district (lifecycle.md): what lapsed, was cancelled or aged out, and the seats that came back. */
export interface LapseCounts {
  lapsed: number;
  cancelled: number;
  agedOut: number;
  seatsReturned: number;
}
