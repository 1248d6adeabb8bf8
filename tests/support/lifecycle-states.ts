import type { ApplicationState, ReferralState } from '../../src/lifecycle/types.js';

/**
 * A referral and an application as the lifecycle sees them, for hand-made
 * transitions. Issued Tuesday 1 Sep 2026: answer by Thu 3 Sep (2 working
 * days); confirmed on 2 Sep, enrol by Wed 9 Sep.
 */
export const offeredReferral = (over: Partial<ReferralState> = {}): ReferralState => ({
  id: 'R-1',
  application: 'A-1',
  status: 'offered',
  category: 'general',
  kindergarten: 'KG-1',
  group: 'G-1',
  issuedOn: '2026-09-01',
  confirmBy: '2026-09-03',
  confirmedOn: null,
  enrollBy: null,
  extendedDays: null,
  rightProvenOn: null,
  ...over,
});

export const confirmedReferral = (over: Partial<ReferralState> = {}): ReferralState =>
  offeredReferral({ status: 'confirmed', confirmedOn: '2026-09-02', enrollBy: '2026-09-09', ...over });

export const applicationState = (over: Partial<ApplicationState> = {}): ApplicationState => ({ id: 'A-1', status: 'offered', inactiveSince: null, restoredOn: null, ...over });
