import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { allDistricts } from '../../db/ledger.js';
import { latestRuns, ledgerOfDate, runsOfDate } from '../../db/runs.js';
import { isValidDate } from '../../domain/dates.js';
import { KezekError, NotFoundError } from '../../errors.js';
import { sumCounts } from '../../nightly/summary.js';
import { mayReachDistrict } from '../access.js';
import { keyOf } from '../auth.js';
import { problemResponses } from '../problem.js';
import { dateSchema, openObject } from '../schemas.js';

const SECURED = [{ apiKey: [] }];

const runSchema = {
  type: 'object',
  required: ['id', 'date', 'status', 'startedAt'],
  properties: {
    id: { type: 'string' },
    date: { type: 'string' },
    status: { type: 'string', enum: ['running', 'done', 'failed'] },
    startedAt: { type: 'string' },
    finishedAt: { type: ['string', 'null'] },
    durationMs: { type: ['integer', 'null'] },
    rules: { type: 'object', properties: { version: { type: 'string' }, hash: { type: 'string' } } },
    engine: { type: 'string' },
    options: openObject,
    districtsDone: { type: 'integer', description: 'districts this run allocated and committed' },
  },
} as const;

/** The nightly runs as the database holds them (`runs` and the district ledger `run_districts`). */
export const runRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/v1/runs',
    {
      config: { roles: ['operator', 'policy'] },
      schema: {
        tags: ['runs'],
        summary: 'The latest runs: status, districts done, timings',
        security: SECURED,
        querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, 'x-reason': 'invalid_value' } } },
        response: { 200: { type: 'object', required: ['runs'], properties: { runs: { type: 'array', items: runSchema } } }, ...problemResponses },
      },
    },
    async (req) => {
      const { limit } = req.query as { limit: number };
      return { runs: await latestRuns(req.kezek.db, limit) };
    },
  );

  app.get(
    '/v1/runs/:date',
    {
      config: { roles: ['operator', 'policy'] },
      schema: {
        tags: ['runs'],
        summary: "A date's run summary as far as the database holds it: its runs, and per district the counts, what step 1 did and the input hash",
        security: SECURED,
        params: { type: 'object', required: ['date'], additionalProperties: false, properties: { date: dateSchema } },
        response: {
          200: {
            type: 'object',
            required: ['date', 'runs', 'districts', 'totals', 'complete'],
            properties: {
              date: { type: 'string' },
              runs: { type: 'array', items: runSchema },
              complete: { type: 'boolean', description: 'every district (that the key may see) is in the ledger for the date' },
              districtsTotal: { type: 'integer' },
              inputHash: { type: 'string', description: "as summary.json's, over the districts listed" },
              totals: openObject,
              districts: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['district', 'run', 'inputHash'],
                  properties: { district: { type: 'string' }, run: { type: 'string' }, inputHash: { type: 'string' }, finishedAt: { type: 'string' }, lifecycle: openObject },
                  additionalProperties: true,
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
      const { date } = req.params as { date: string };
      if (!isValidDate(date)) throw new KezekError('INPUT_INVALID', `date: ${date} is not a real date`, { field: 'date', reason: 'invalid_date', in: 'path' });
      const key = keyOf(req);
      const runs = await runsOfDate(rc.db, date);
      const ledger = (await ledgerOfDate(rc.db, date)).filter((d) => mayReachDistrict(key, d.district));
      if (!runs.length && !ledger.length) throw new NotFoundError('run of', date);
      const districts = (await allDistricts(rc.db)).filter((d) => mayReachDistrict(key, d));
      return {
        date,
        runs,
        complete: districts.every((d) => ledger.some((l) => l.district === d)),
        districtsTotal: districts.length,
        inputHash: createHash('sha256').update(ledger.map((d) => `${d.district}:${d.inputHash}`).join('\n')).digest('hex'),
        totals: sumCounts(ledger.map((d) => d.counts)),
        districts: ledger.map((d) => ({ district: d.district, run: d.runId, inputHash: d.inputHash, finishedAt: d.finishedAt, ...d.counts, lifecycle: d.lifecycle })),
      };
    },
  );
};
