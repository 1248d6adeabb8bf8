import { addWorkingDays, type Calendar } from '../domain/calendar.js';
import type { IssuedReferral, ReferralDraft } from '../domain/outcomes.js';

/**
 * Referral ids are derived from the date, the district and the position in
 * service order, so the same data always yields the same ids.
 */
export function issueReferrals(drafts: readonly ReferralDraft[], date: string, confirmWorkingDays: number, calendar: Calendar): IssuedReferral[] {
  const confirmBy = addWorkingDays(calendar, date, confirmWorkingDays);
  const stamp = date.replaceAll('-', '');
  return drafts.map((d, i) => ({
    application: d.application,
    district: d.district,
    birthYear: d.birthYear,
    kindergarten: d.kindergarten,
    group: d.group,
    category: d.category,
    rights: d.rights,
    preferenceRank: d.preferenceRank,
    referral: `R-${stamp}-${d.district}-${String(i + 1).padStart(6, '0')}`,
    seq: i + 1,
    issuedOn: date,
    confirmBy,
  }));
}
