import type { FastifyPluginAsync } from 'fastify';
import { applicationCard, applicationCardsOfChild, applicationPlace } from '../../db/application-card.js';
import { applicationHistory } from '../../db/history.js';
import { iinProblem } from '../../domain/iin.js';
import { KezekError, NotFoundError } from '../../errors.js';
import { explanationText } from '../../i18n/explain-text.js';
import { explainApplication } from '../../online/explain.js';
import { registerApplication } from '../../online/register.js';
import { mayReachDistrict, requireDistrict } from '../access.js';
import { applicationView } from '../application-view.js';
import { keyOf } from '../auth.js';
import { problemResponses } from '../problem.js';
import type { RequestContext } from '../request-context.js';
import { applicationBodySchema, applicationViewSchema, idParams, iinSchema, noticeSchema, openObject, SECURED } from '../schemas.js';

/** Reasons a registration may be refused for by a kept list of districts or kindergartens that is out of date. */
const REFERENCE_REASONS = new Set(['unknown_district', 'unknown_kindergarten', 'preference_outside_district']);

/** The application's district, once the key may reach it (404 unknown, 403 another district). */
export async function reachableApplication(rc: RequestContext, id: string): Promise<{ district: string; birthYear: number; status: string }> {
  const place = await applicationPlace(rc.db, id);
  if (!place) throw new NotFoundError('application', id);
  requireDistrict(rc.key!, place.district);
  return place;
}

/** Registration, lookups, explanation and history of applications (api.md). */
export const applicationRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/v1/applications',
    {
      config: { roles: ['portal', 'office'] },
      schema: {
        tags: ['applications'],
        summary: 'Register one application now: 201 with its notice; the same id and content again: 200 and the same notice',
        security: SECURED,
        body: applicationBodySchema,
        response: { 200: noticeSchema, 201: noticeSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const rc = req.kezek;
      const body = req.body as { district: string; child: { birthDate: string } };
      requireDistrict(keyOf(req), body.district);
      const birthYear = Number(body.child.birthDate.slice(0, 4));
      const id = String((req.body as { id: unknown }).id);
      const db = rc.writing({ district: body.district, cohorts: Number.isInteger(birthYear) ? [{ district: body.district, birthYear, application: id }] : [] });
      const text = req.rawBody ?? JSON.stringify(req.body);
      const register = () => registerApplication(db, text, 'body', rc.rules, rc.evaluator, rc.date, rc.actor);
      const notice = await register().catch((e: unknown) => {
        // Refused by the kept lists of districts and kindergartens: once more with fresh ones (one imported a moment ago).
        if (!(e instanceof KezekError) || !REFERENCE_REASONS.has(String(e.details.reason)) || !rc.referenceKeptFromBefore) throw e;
        rc.forgetReference();
        return register();
      });
      rc.log.info({ application: notice.application, outcome: notice.outcome, repeated: notice.repeated }, 'application registered');
      void reply.code(notice.repeated ? 200 : 201).header('location', `/v1/applications/${encodeURIComponent(notice.application)}`);
      return { application: notice.application, outcome: notice.outcome, reasons: notice.reasons, position: notice.position, date: rc.date };
    },
  );

  app.get(
    '/v1/applications/:id',
    {
      config: { roles: ['portal', 'office', 'operator'] },
      schema: {
        tags: ['applications'],
        summary: 'Status, category, queue number and how many are ahead by category today, and the live referral with its deadlines',
        security: SECURED,
        params: idParams,
        response: { 200: applicationViewSchema, ...problemResponses },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const { id } = req.params as { id: string };
      const card = await applicationCard(rc.db, id);
      if (!card) throw new NotFoundError('application', id);
      requireDistrict(keyOf(req), card.district);
      return applicationView(rc, card);
    },
  );

  app.get(
    '/v1/applications',
    {
      config: { roles: ['office', 'operator'] },
      schema: {
        tags: ['applications'],
        summary: "A child's applications, by the child's IIN (a key limited to districts sees those districts' only)",
        security: SECURED,
        querystring: { type: 'object', required: ['childIin'], additionalProperties: false, properties: { childIin: iinSchema } },
        response: { 200: { type: 'object', required: ['applications'], properties: { applications: { type: 'array', items: applicationViewSchema } } }, ...problemResponses },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const { childIin } = req.query as { childIin: string };
      const problem = iinProblem(childIin);
      if (problem) throw new KezekError('INPUT_INVALID', `${problem}: childIin is not a valid IIN`, { field: 'childIin', reason: problem, in: 'query' });
      const key = keyOf(req);
      const cards = (await applicationCardsOfChild(rc.db, childIin)).filter((c) => mayReachDistrict(key, c.district));
      const applications = [];
      for (const card of cards) applications.push(await applicationView(rc, card));
      return { applications };
    },
  );

  app.get(
    '/v1/applications/:id/explanation',
    {
      config: { roles: ['portal', 'office', 'operator'] },
      schema: {
        tags: ['applications'],
        summary: "The family's explanation: every rule, the category, the queue number, why no seat (as `kezek explain`), as data and as text",
        security: SECURED,
        params: idParams,
        querystring: { type: 'object', additionalProperties: false, properties: { lang: { type: 'string', enum: ['kk', 'ru', 'en'], default: 'kk', 'x-reason': 'invalid_value' } } },
        response: {
          200: {
            type: 'object',
            required: ['application', 'date', 'lang', 'text', 'explanation'],
            properties: { application: { type: 'string' }, date: { type: 'string' }, lang: { type: 'string' }, text: { type: 'string' }, explanation: openObject },
          },
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const { id } = req.params as { id: string };
      const { lang } = req.query as { lang: 'kk' | 'ru' | 'en' };
      await reachableApplication(rc, id);
      const x = await explainApplication(rc.fresh, rc.rules, rc.calendar, id, rc.date, rc.knownRuleHashes, rc.ruleLibrary);
      return { application: id, date: rc.date, lang, text: explanationText(x, lang, rc.rules), explanation: x };
    },
  );

  app.get(
    '/v1/applications/:id/history',
    {
      config: { roles: ['portal', 'office', 'operator'] },
      schema: {
        tags: ['applications'],
        summary: 'Every status change of the application and its referrals, with time, actor and reason',
        security: SECURED,
        params: idParams,
        response: {
          200: {
            type: 'object',
            required: ['application', 'events'],
            properties: {
              application: { type: 'string' },
              events: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['at', 'entity', 'entityId', 'to', 'actor', 'reason'],
                  properties: {
                    at: { type: 'string' },
                    effectiveOn: { type: ['string', 'null'] },
                    entity: { type: 'string', enum: ['application', 'referral'] },
                    entityId: { type: 'string' },
                    from: { type: ['string', 'null'] },
                    to: { type: 'string' },
                    actor: { type: 'string' },
                    reason: { type: 'string' },
                  },
                },
              },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const { id } = req.params as { id: string };
      await reachableApplication(rc, id);
      return { application: id, events: await applicationHistory(rc.db, id) };
    },
  );
};

