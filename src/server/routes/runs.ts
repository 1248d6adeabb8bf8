import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { isValidDate } from '../../domain/dates.js';
import { KezekError } from '../../errors.js';
import { listRunDays, nightAudit, nightSummary } from '../../online/runs.js';
import { mayReachDistrict } from '../access.js';
import { keyOf } from '../auth.js';
import { problemResponses } from '../problem.js';
import { dateSchema, openObject, SECURED } from '../schemas.js';

const ROLES = ['operator', 'policy'] as const;
const dateParams = { type: 'object', required: ['date'], additionalProperties: false, properties: { date: dateSchema } } as const;

const attemptSchema = {
  type: 'object',
  required: ['run', 'status', 'startedAt', 'finishedAt', 'districtsCommitted'],
  properties: {
    run: { type: 'string' },
    status: { type: 'string', enum: ['running', 'done', 'failed', 'interrupted'] },
    startedAt: { type: 'string' },
    finishedAt: { type: ['string', 'null'] },
    districtsCommitted: { type: 'integer', description: 'districts this run committed itself (the others were read back or are not done)' },
    engine: { type: 'string' },
    rulesVersion: { type: 'string' },
    rulesHash: { type: 'string' },
    workers: { type: ['integer', 'null'] },
    out: { type: ['string', 'null'] },
  },
} as const;

const daySchema = {
  type: 'object',
  required: ['date', 'status', 'districts', 'lifecycle', 'startedAt', 'finishedAt', 'runs'],
  properties: {
    date: { type: 'string' },
    status: { type: 'string', enum: ['running', 'done', 'failed', 'interrupted'], description: "the latest run's; a run whose process died is interrupted" },
    districts: { type: 'object', properties: { done: { type: 'integer' }, planned: { type: ['integer', 'null'] } } },
    lifecycle: openObject,
    startedAt: { type: 'string' },
    finishedAt: { type: ['string', 'null'] },
    engine: { type: 'string' },
    rulesVersion: { type: 'string' },
    out: { type: ['string', 'null'] },
    resume: { type: ['string', 'null'], description: 'the command that finishes an interrupted or failed night' },
    runs: { type: 'array', items: attemptSchema },
  },
} as const;

function dateOf(req: FastifyRequest): string {
  const { date } = req.params as { date: string };
  if (!isValidDate(date)) throw new KezekError('INPUT_INVALID', `date: ${date} is not a real date`, { field: 'date', reason: 'invalid_date', in: 'path' });
  return date;
}

/**
 * The nights (api.md): the list as `kezek runs` shows it, a night's
 * summary.json and its fairness audit (audit.json), as the database holds
 * them. A key limited to districts sees those districts (totals over them).
 */
export const runRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/v1/runs',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['runs'],
        summary: 'The nights of the latest dates, newest first: status, districts done, timings, the runs that worked on each',
        security: SECURED,
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 30, 'x-reason': 'invalid_value' } } },
        response: { 200: { type: 'object', required: ['runs'], properties: { runs: { type: 'array', items: daySchema } } }, ...problemResponses },
      },
    },
    async (req) => {
      const { limit } = req.query as { limit: number };
      return { runs: await listRunDays(req.kezek.db, { limit }) };
    },
  );

  app.get(
    '/v1/runs/:date',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['runs'],
        summary: "The night's summary.json (formats.md), as the run that finished it stored it: 404 while no run has finished the date",
        security: SECURED,
        params: dateParams,
        response: { 200: openObject, ...problemResponses },
      },
    },
    async (req) => {
      const key = keyOf(req);
      return nightSummary(req.kezek.db, dateOf(req), (d) => mayReachDistrict(key, d));
    },
  );

  app.get(
    '/v1/runs/:date/audit',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['runs'],
        summary: "The night's fairness audit (audit.json): each invariant of allocation.md held or violated with what it checked, per district and in total, and the numbers people ask for",
        security: SECURED,
        params: dateParams,
        response: {
          200: {
            type: 'object',
            required: ['date', 'run', 'held', 'invariants', 'notAudited', 'numbers', 'districts'],
            properties: {
              date: { type: 'string' },
              run: { type: ['string', 'null'] },
              held: { type: 'boolean', description: 'every district audited and every invariant held' },
              invariants: openObject,
              notAudited: { type: 'array', items: { type: 'string' }, description: 'districts of a night stored before audits were kept' },
              numbers: openObject,
              districts: { type: 'array', items: openObject },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const key = keyOf(req);
      return nightAudit(req.kezek.db, dateOf(req), (d) => mayReachDistrict(key, d));
    },
  );
};
