import type { FastifyPluginAsync } from 'fastify';
import { csvText } from '../../codec/csv.js';
import { isValidDate } from '../../domain/dates.js';
import { KezekError } from '../../errors.js';
import { BULLETIN_CSV_COLUMNS, bulletinRows, bulletins, districtStats } from '../../online/bulletin.js';
import { prefersCsv } from '../negotiate.js';
import { problemResponses } from '../problem.js';
import { dateSchema, idParams, mediaResponse } from '../schemas.js';

const counts = { type: 'object', additionalProperties: { type: 'integer' } } as const;
const cohortSchema = {
  type: 'object',
  required: ['birthYear', 'extraordinary', 'primary', 'general'],
  properties: { birthYear: { type: 'integer' }, extraordinary: { type: 'integer' }, primary: { type: 'integer' }, general: { type: 'integer' } },
} as const;

const bulletinSchema = {
  type: 'object',
  required: ['date', 'district', 'kindergartens'],
  properties: {
    date: { type: 'string' },
    district: { type: 'string' },
    kindergartens: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'groups'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          groups: {
            type: 'array',
            items: {
              type: 'object',
              required: ['group', 'birthYear', 'language', 'groupType', 'freeSeats'],
              properties: { group: { type: 'string' }, birthYear: { type: 'integer' }, language: { type: 'string' }, groupType: { type: 'string' }, freeSeats: { type: 'integer' } },
            },
          },
        },
      },
    },
  },
} as const;

/** The public numbers (api.md): no key, nothing personal, ever. */
export const publicRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/v1/bulletin',
    {
      schema: {
        tags: ['public'],
        summary:
          "The vacancy bulletin of a district: free seats (reported minus live referrals) by kindergarten and group; now, or with `date` as they stood at the end of that day. With `Accept: text/csv`: one row per group (UTF-8 with a byte order mark)",
        querystring: {
          type: 'object',
          required: ['district'],
          additionalProperties: false,
          properties: { district: { type: 'string', minLength: 1, maxLength: 100, 'x-reason': 'invalid_value' }, date: dateSchema },
        },
        response: {
          200: mediaResponse('application/json, or text/csv when asked', { 'application/json': bulletinSchema, 'text/csv': { type: 'string' } }),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const rc = req.kezek;
      const { district, date } = req.query as { district: string; date?: string };
      if (date !== undefined && !isValidDate(date)) throw new KezekError('INPUT_INVALID', `date: ${date} is not a real date`, { field: 'date', reason: 'invalid_date', in: 'query' });
      const [bulletin] = await bulletins(rc.db, [district], date ?? rc.date, { asOf: date !== undefined });
      void reply.header('cache-control', 'public, max-age=60').header('vary', 'accept');
      if (prefersCsv(req.headers.accept)) {
        const file = `bulletin-${district}-${bulletin!.date}.csv`.replace(/[^\w.-]/g, '_');
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(csvText(BULLETIN_CSV_COLUMNS, bulletinRows([bulletin!])));
      }
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(bulletin));
    },
  );

  app.get(
    '/v1/districts/:id/stats',
    {
      schema: {
        tags: ['public'],
        summary: "A district's queue per cohort (birth year) and category after its latest night, and that night's referrals by category and by preference rank",
        params: idParams,
        response: {
          200: {
            type: 'object',
            required: ['district', 'runDate', 'queue', 'referrals'],
            properties: {
              district: { type: 'string' },
              runDate: { type: ['string', 'null'], description: 'the night the numbers come from (null before any)' },
              queue: { type: 'array', items: cohortSchema },
              referrals: { type: 'object', required: ['byCategory', 'byPreferenceRank'], properties: { byCategory: counts, byPreferenceRank: counts } },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      void reply.header('cache-control', 'public, max-age=60');
      return districtStats(req.kezek.db, id);
    },
  );
};
