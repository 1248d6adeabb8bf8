import { applyChanges, readApplicationState, readReferral } from '../db/changes.js';
import type { Database } from '../db/database.js';
import type { Calendar } from '../domain/calendar.js';
import { NotFoundError } from '../errors.js';
import type { RuleParameters } from '../rules/ruleset.js';
import {
  confirmReferral,
  confirmRight,
  declineReferral,
  enrollReferral,
  extendReferral,
  restoreApplication,
  withdrawApplication,
  type Ctx,
} from '../lifecycle/transitions.js';
import type { Change } from '../lifecycle/types.js';

/** The operator's lifecycle commands: read and lock, decide (pure), store with events, in one transaction. */

export type ReferralAction = 'confirm' | 'decline' | 'enroll' | 'extend' | 'confirm-right';
export type ApplicationAction = 'restore' | 'withdraw';

export interface OperatorInput {
  /** The business date of the change (default today in Kazakhstan). */
  date: string;
  /** Who did it: the operator's name or login (recorded in the audit trail). */
  actor: string;
  reason?: string | undefined;
  /** `extend` only: calendar days (default: the parameter's maximum). */
  days?: number | undefined;
  calendar: Calendar;
  params: RuleParameters;
}

export async function referralAction(db: Database, id: string, action: ReferralAction, input: OperatorInput): Promise<Change> {
  return db.transaction(async (tx) => {
    const ref = await readReferral(tx, id, true);
    if (!ref) throw new NotFoundError('referral', id);
    const app = await readApplicationState(tx, ref.application, true);
    if (!app) throw new NotFoundError('application', ref.application);
    const ctx: Ctx = { date: input.date, calendar: input.calendar, params: input.params };
    const change =
      action === 'confirm'
        ? confirmReferral(ref, app, ctx)
        : action === 'decline'
          ? declineReferral(ref, app, ctx, input.reason)
          : action === 'enroll'
            ? enrollReferral(ref, app, ctx)
            : action === 'extend'
              ? extendReferral(ref, ctx, input.days ?? input.params.extensionCalendarDays, input.reason)
              : confirmRight(ref, ctx);
    await applyChanges(tx, [change], input.actor, input.date);
    return change;
  });
}

export async function applicationAction(db: Database, id: string, action: ApplicationAction, input: OperatorInput): Promise<Change> {
  return db.transaction(async (tx) => {
    const app = await readApplicationState(tx, id, true);
    if (!app) throw new NotFoundError('application', id);
    const change =
      action === 'restore'
        ? restoreApplication(app, { date: input.date, calendar: input.calendar, params: input.params }, input.reason)
        : withdrawApplication(app, input.reason);
    await applyChanges(tx, [change], input.actor, input.date);
    return change;
  });
}

/** One line for people: what changed. */
export function describeChange(c: Change): string {
  const parts: string[] = [];
  if (c.referral) parts.push(`referral ${c.referral.id}: ${c.referral.from} → ${c.referral.to} (${c.referral.reason})`);
  if (c.application) parts.push(`application ${c.application.id}: ${c.application.from} → ${c.application.to} (${c.application.reason})`);
  if (c.seatBack) parts.push(`seat back: ${c.seatBack.kindergarten} ${c.seatBack.group}`);
  return parts.join('\n');
}
