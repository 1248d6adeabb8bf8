import type { Category } from '../domain/types.js';
import type { ReferralState, ReferralStatus } from '../lifecycle/types.js';

/** A referral's lifecycle columns as `REFERRAL_COLUMNS` reads them (dates as text). */
export interface ReferralRow {
  id: string;
  application_id: string;
  district_id: string;
  status: ReferralStatus;
  category: Category;
  kindergarten_id: string;
  group_id: string;
  issued_on: string;
  confirm_by: string;
  confirmed_on: string | null;
  enroll_by: string | null;
  extended_days: number | null;
  right_proven_on: string | null;
}

/** The select list of a `ReferralRow` from `referrals` (unqualified: one table in the from clause). */
export const REFERRAL_COLUMNS = `id, application_id, district_id, status, category, kindergarten_id, group_id, issued_on::text as issued_on,
  confirm_by::text as confirm_by, confirmed_on::text as confirmed_on, enroll_by::text as enroll_by, extended_days,
  right_proven_on::text as right_proven_on`;

/** A referral as the lifecycle sees it, with its district. */
export type DistrictReferral = ReferralState & { district: string };

/** The one mapping of a referral row to the lifecycle's referral (changes, due list, application card); a narrowed status stays narrowed. */
export function referralOfRow<S extends ReferralStatus>(r: ReferralRow & { status: S }): DistrictReferral & { status: S } {
  return {
    id: r.id,
    application: r.application_id,
    district: r.district_id,
    status: r.status,
    category: r.category,
    kindergarten: r.kindergarten_id,
    group: r.group_id,
    issuedOn: r.issued_on,
    confirmBy: r.confirm_by,
    confirmedOn: r.confirmed_on,
    enrollBy: r.enroll_by,
    extendedDays: r.extended_days,
    rightProvenOn: r.right_proven_on,
  };
}
