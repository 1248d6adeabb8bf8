import type { FastifyPluginAsync } from 'fastify';
import { applicationCard, applicationPlace, referralById } from '../../db/application-card.js';
import type { KeyRole } from '../../db/keys.js';
import { KezekError, NotFoundError } from '../../errors.js';
import { referralView } from '../../online/application-view.js';
import { applicationAction, referralAction, type ApplicationAction, type ReferralAction } from '../../online/operator.js';
import { requireDistrict, requireRole } from '../access.js';
import { applicationView } from '../application-view.js';
import { keyOf } from '../auth.js';
import { problemResponses } from '../problem.js';
import { applicationViewSchema, optionalText, pathIdSchema, referralSchema, SECURED } from '../schemas.js';


/** Who may take each step of a referral (api.md's roles). */
const REFERRAL_ROLES: Record<ReferralAction, readonly KeyRole[]> = {
  confirm: ['portal', 'office', 'operator'],
  decline: ['portal', 'office', 'operator'],
  enroll: ['office', 'operator'],
  extend: ['office', 'operator'],
  'confirm-right': ['office', 'operator'],
};
const APPLICATION_ACTIONS: readonly ApplicationAction[] = ['withdraw', 'restore'];

const actionBody = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    reason: { ...optionalText, description: 'why (kept in the audit trail)' },
    days: { type: 'integer', minimum: 1, maximum: 365, 'x-reason': 'invalid_value', description: 'extend only: calendar days (default the maximum, extensionCalendarDays)' },
  },
} as const;

interface ActionBody {
  reason?: string | null;
  days?: number;
}

/** The lifecycle steps (lifecycle.md) through the same services as `kezek referral` and `kezek application`. */
export const actionRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/v1/referrals/:id/:action',
    {
      config: { roles: ['portal', 'office', 'operator'] },
      schema: {
        tags: ['lifecycle'],
        summary: 'confirm | decline (portal, office, operator) · enroll | extend | confirm-right (office, operator): 200 with the referral; an illegal step 409 TRANSITION_REFUSED',
        security: SECURED,
        params: {
          type: 'object',
          required: ['id', 'action'],
          additionalProperties: false,
          properties: { id: pathIdSchema, action: { type: 'string', enum: Object.keys(REFERRAL_ROLES), 'x-reason': 'invalid_value' } },
        },
        body: actionBody,
        response: {
          200: {
            type: 'object',
            required: ['referral', 'application'],
            properties: { referral: referralSchema, application: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } } },
          },
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const key = keyOf(req);
      const { id, action } = req.params as { id: string; action: ReferralAction };
      const body = (req.body ?? {}) as ActionBody;
      requireRole(key, REFERRAL_ROLES[action], `${action} a referral`);
      if (body.days !== undefined && action !== 'extend') {
        throw new KezekError('INPUT_INVALID', 'days: only extend takes days', { field: 'days', reason: 'unknown_field' });
      }
      const before = await referralById(rc.db, id);
      if (!before) throw new NotFoundError('referral', id);
      requireDistrict(key, before.district);
      const params = rc.rules.parameters;
      await referralAction(rc.db, id, action, { date: rc.date, actor: rc.actor, reason: body.reason ?? undefined, days: body.days, calendar: rc.calendar, params });
      rc.log.info({ referral: id, action }, 'referral changed');
      const after = (await referralById(rc.db, id))!;
      const place = await applicationPlace(rc.db, after.application);
      return { referral: referralView(after, rc.calendar, params), application: { id: after.application, status: place?.status ?? 'unknown' } };
    },
  );

  app.post(
    '/v1/applications/:id/:action',
    {
      config: { roles: ['portal', 'office', 'operator'] },
      schema: {
        tags: ['lifecycle'],
        summary: 'withdraw (leave the queue) | restore (an inactive application, once, within 28 days): 200 with the application; an illegal step 409 TRANSITION_REFUSED',
        security: SECURED,
        params: {
          type: 'object',
          required: ['id', 'action'],
          additionalProperties: false,
          properties: { id: pathIdSchema, action: { type: 'string', enum: APPLICATION_ACTIONS, 'x-reason': 'invalid_value' } },
        },
        body: { ...actionBody, properties: { reason: actionBody.properties.reason } },
        response: { 200: applicationViewSchema, ...problemResponses },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const { id, action } = req.params as { id: string; action: ApplicationAction };
      const body = (req.body ?? {}) as ActionBody;
      const place = await applicationPlace(rc.db, id);
      if (!place) throw new NotFoundError('application', id);
      requireDistrict(keyOf(req), place.district);
      // A queued or inactive application is what these steps change: the queue of its cohort.
      // Any other status is refused by the step itself, which then changes nothing.
      const changesQueue = place.status === 'queued' || place.status === 'inactive';
      const db = rc.writing(changesQueue ? { district: place.district, cohorts: [{ district: place.district, birthYear: place.birthYear, application: id }] } : null);
      await applicationAction(db, id, action, { date: rc.date, actor: rc.actor, reason: body.reason ?? undefined, calendar: rc.calendar, params: rc.rules.parameters });
      rc.log.info({ application: id, action }, 'application changed');
      const card = (await applicationCard(rc.db, id))!;
      return applicationView(rc, card);
    },
  );
};
