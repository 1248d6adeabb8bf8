import type { ApplicationStatus, Category } from '../domain/types.js';

export type ReferralStatus = 'offered' | 'confirmed' | 'enrolled' | 'declined' | 'lapsed' | 'cancelled';
export const LIVE_REFERRAL: readonly ReferralStatus[] = ['offered', 'confirmed'];

/** A referral as the lifecycle sees it. */
export interface ReferralState {
  id: string;
  application: string;
  status: ReferralStatus;
  category: Category;
  kindergarten: string;
  group: string;
  issuedOn: string;
  confirmBy: string;
  confirmedOn: string | null;
  enrollBy: string | null;
  extendedDays: number | null;
  rightProvenOn: string | null;
}

export interface ApplicationState {
  id: string;
  status: ApplicationStatus;
  inactiveSince: string | null;
  restoredOn: string | null;
}

/**
 * One change the lifecycle decided, applied by src/db/lifecycle.ts in one
 * statement per kind, each with its event. Statuses are compared-and-set
 * (`from`), so a stale decision fails instead of overwriting.
 */
export interface Change {
  referral?: {
    id: string;
    from: ReferralStatus;
    to: ReferralStatus;
    reason: string;
    confirmedOn?: string;
    enrollBy?: string;
    extendedDays?: number;
    rightProvenOn?: string;
    closedOn?: string;
  };
  application?: {
    id: string;
    from: ApplicationStatus;
    to: ApplicationStatus;
    reason: string;
    inactiveSince?: string;
    restoredOn?: string;
    /** Priority rights not proven: set aside, so the rules judge the application as general. */
    setAsideRights?: boolean;
    stopListUntil?: string;
  };
  /** The referral's seat goes back to the pool (by itself: the referral stops being live). */
  seatBack?: { kindergarten: string; group: string };
  /**
   * The child fills the seat (enrolment): it is no longer one of the empty seats the
   * kindergarten reported, so the group's reported seats go down by one until its next report.
   */
  seatFilled?: { kindergarten: string; group: string };
}
