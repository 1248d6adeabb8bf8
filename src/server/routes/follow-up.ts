import type { FastifyPluginAsync } from 'fastify';
import { printableHtml } from '../../documents/html.js';
import { DOCUMENT_LANGS, noticeDocument, type DocumentLang } from '../../documents/notice-document.js';
import { isValidDate } from '../../domain/dates.js';
import { KezekError } from '../../errors.js';
import { documentFonts } from '../../io/fonts.js';
import { printablePdf } from '../../io/pdf.js';
import { dueList } from '../../online/due.js';
import { noticeOf } from '../../online/notice.js';
import { positionHistory } from '../../online/position-history.js';
import { keyOf } from '../auth.js';
import { problemResponses } from '../problem.js';
import { dateSchema, idParams, mediaResponse, openObject, SECURED } from '../schemas.js';
import { reachableApplication } from './applications.js';


/** The family's documents, the number night by night, and what needs a person today (api.md). */
export const followUpRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/v1/applications/:id/positions',
    {
      config: { roles: ['portal', 'office', 'operator'] },
      schema: {
        tags: ['applications'],
        summary: 'The queue number after each stored night, and why it changed (who went ahead or left, in which category)',
        security: SECURED,
        params: idParams,
        response: {
          200: {
            type: 'object',
            required: ['application', 'positions'],
            properties: {
              application: { type: 'string' },
              district: { type: 'string' },
              birthYear: { type: 'integer' },
              positions: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['date', 'queueNumber', 'changes'],
                  properties: {
                    date: { type: 'string' },
                    queueNumber: { type: ['integer', 'null'] },
                    category: { type: ['string', 'null'] },
                    changes: { type: 'array', items: openObject },
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
      const { id } = req.params as { id: string };
      await reachableApplication(req.kezek, id);
      return positionHistory(req.kezek.db, id);
    },
  );

  app.get(
    '/v1/applications/:id/notice',
    {
      config: { roles: ['portal', 'office', 'operator'] },
      schema: {
        tags: ['applications'],
        summary: "The family's current document: a referral (жолдама), a queue notice with the number, a refusal, or a lapse or cancellation notice; PDF or HTML, Kazakh or Russian (default: the language of the group asked for)",
        security: SECURED,
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lang: { type: 'string', enum: [...DOCUMENT_LANGS], 'x-reason': 'invalid_value' },
            format: { type: 'string', enum: ['pdf', 'html'], default: 'pdf', 'x-reason': 'invalid_value' },
          },
        },
        response: {
          200: mediaResponse('application/pdf or text/html', { 'application/pdf': { type: 'string', format: 'binary' }, 'text/html': { type: 'string' } }),
          ...problemResponses,
        },
      },
    },
    async (req, reply) => {
      const rc = req.kezek;
      const { id } = req.params as { id: string };
      const { lang, format } = req.query as { lang?: DocumentLang; format: 'pdf' | 'html' };
      await reachableApplication(rc, id);
      const notice = await noticeOf(rc.fresh, rc.rules, rc.calendar, id, rc.date, { rulesAt: rc.ruleLibrary });
      const doc = noticeDocument(notice, lang ?? notice.language, rc.rules);
      const name = `${notice.kind}-${id}.${format}`.replace(/[^\w.-]/g, '_');
      void reply.header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'no-store');
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(printableHtml(doc));
      return reply.type('application/pdf').send(await printablePdf(doc, documentFonts()));
    },
  );

  app.get(
    '/v1/due',
    {
      config: { roles: ['operator'] },
      schema: {
        tags: ['lifecycle'],
        summary: 'What needs a person: offers expiring today and the next working day, rights to prove, enrolment deadlines, restore windows closing within 7 days, complaints due or overdue (a key limited to districts: those districts)',
        security: SECURED,
        querystring: { type: 'object', additionalProperties: false, properties: { date: dateSchema } },
        response: {
          200: {
            type: 'object',
            required: ['date', 'until', 'offers', 'rights', 'enrolments', 'restores', 'complaints'],
            properties: {
              date: { type: 'string' },
              until: { type: 'string', description: 'the next working day' },
              districts: { type: ['array', 'null'], items: { type: 'string' } },
              offers: { type: 'array', items: openObject },
              rights: { type: 'array', items: openObject },
              enrolments: { type: 'array', items: openObject },
              restores: { type: 'array', items: openObject },
              complaints: { type: 'array', items: openObject },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const date = (req.query as { date?: string }).date ?? rc.date;
      if (!isValidDate(date)) throw new KezekError('INPUT_INVALID', `date: ${date} is not a real date`, { field: 'date', reason: 'invalid_date', in: 'query' });
      const params = rc.ruleLibrary.at(date).parameters;
      return dueList(rc.db, { date, districts: keyOf(req).districts, calendar: rc.calendar, params });
    },
  );
};
