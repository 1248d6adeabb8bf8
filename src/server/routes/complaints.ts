import type { FastifyPluginAsync } from 'fastify';
import { applicationPlace } from '../../db/application-card.js';
import { insertComplaint, listComplaints, markAnswered, readComplaint } from '../../db/complaints.js';
import { provisionalYears } from '../../domain/calendar.js';
import { KezekError, NotFoundError } from '../../errors.js';
import { checkAnswer, COMPLAINT_LEVELS, complaintDueOn, isOverdue, type Complaint, type ComplaintLevel } from '../../lifecycle/complaints.js';
import { mayReachDistrict, requireDistrict } from '../access.js';
import { keyOf } from '../auth.js';
import { problemResponses } from '../problem.js';
import type { RequestContext } from '../request-context.js';
import { idSchema, SECURED } from '../schemas.js';


/** An incoming (registration) number, as `kezek complaint` takes it. */
const numberSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\p{L}\\p{N}\\-_/.№ ]+$', 'x-reason': 'invalid_value' } as const;

const complaintSchema = {
  type: 'object',
  required: ['number', 'level', 'filedOn', 'dueOn', 'subject', 'filedBy', 'overdue'],
  properties: {
    number: { type: 'string' },
    application: { type: ['string', 'null'] },
    level: { type: 'string', enum: COMPLAINT_LEVELS },
    filedOn: { type: 'string' },
    dueOn: { type: 'string', description: 'the last day of the answer: 5 working days at the provider, 15 at the authority' },
    subject: { type: 'string' },
    filedBy: { type: 'string' },
    answeredOn: { type: ['string', 'null'] },
    answeredBy: { type: ['string', 'null'] },
    overdue: { type: 'boolean' },
    provisionalYears: { type: 'array', items: { type: 'integer' }, description: 'the due date runs through years whose decree on days off is not recorded yet' },
  },
} as const;

function complaintView(c: Complaint, rc: RequestContext) {
  return {
    number: c.id,
    application: c.application,
    level: c.level,
    filedOn: c.filedOn,
    dueOn: c.dueOn,
    subject: c.subject,
    filedBy: c.filedBy,
    answeredOn: c.answeredOn,
    answeredBy: c.answeredBy,
    overdue: isOverdue(c, rc.date),
    provisionalYears: provisionalYears(rc.calendar, c.filedOn, c.dueOn),
  };
}

/** A complaint's application must be one the key may reach. */
async function checkApplicationOf(rc: RequestContext, application: string | null): Promise<void> {
  if (!application) return;
  const place = await applicationPlace(rc.db, application);
  if (!place) throw new NotFoundError('application', application);
  requireDistrict(rc.key!, place.district);
}

/** Complaints (the service passport): registered with their incoming number, due in working days, answered once. */
export const complaintRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    '/v1/complaints',
    {
      config: { roles: ['office', 'operator'] },
      schema: {
        tags: ['complaints'],
        summary: 'Register a complaint with its incoming number: 201; the same number and content again: 200; other content: 409 ID_CONFLICT',
        security: SECURED,
        body: {
          type: 'object',
          required: ['number', 'level', 'subject'],
          additionalProperties: false,
          properties: {
            number: numberSchema,
            level: { type: 'string', enum: COMPLAINT_LEVELS, 'x-reason': 'invalid_value' },
            subject: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', 'x-reason': 'wrong_type' },
            application: { anyOf: [idSchema, { type: 'null' }] },
          },
        },
        response: { 200: complaintSchema, 201: complaintSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const rc = req.kezek;
      const body = req.body as { number: string; level: ComplaintLevel; subject: string; application?: string | null };
      const application = body.application ?? null;
      await checkApplicationOf(rc, application);
      const complaint: Complaint = {
        id: body.number.trim(),
        application,
        level: body.level,
        filedOn: rc.date,
        dueOn: complaintDueOn(rc.date, body.level, rc.calendar, rc.rules.parameters),
        subject: body.subject.trim(),
        filedBy: rc.actor,
        answeredOn: null,
        answeredBy: null,
      };
      if (await insertComplaint(rc.db, complaint)) {
        rc.log.info({ complaint: complaint.id, level: complaint.level }, 'complaint registered');
        return reply.code(201).send(complaintView(complaint, rc));
      }
      // A retry of the same registration is answered as the first; another complaint under the number is not.
      const stored = (await readComplaint(rc.db, complaint.id))!;
      if (stored.application !== complaint.application || stored.level !== complaint.level || stored.subject !== complaint.subject) {
        throw new KezekError('ID_CONFLICT', `complaint ${complaint.id} is already registered with other content`, { id: complaint.id });
      }
      return reply.code(200).send(complaintView(stored, rc));
    },
  );

  app.post(
    '/v1/complaints/:number/answer',
    {
      config: { roles: ['operator'] },
      schema: {
        tags: ['complaints'],
        summary: 'Record the answer to a complaint (once): 200 with the complaint; answered before: 409 TRANSITION_REFUSED',
        security: SECURED,
        params: { type: 'object', required: ['number'], additionalProperties: false, properties: { number: numberSchema } },
        body: { type: ['object', 'null'], additionalProperties: false, properties: {} },
        response: { 200: complaintSchema, ...problemResponses },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const { number } = req.params as { number: string };
      const found = await readComplaint(rc.db, number);
      if (!found) throw new NotFoundError('complaint', number);
      await checkApplicationOf(rc, found.application);
      const answered = await rc.db.transaction(async (tx) => {
        const c = await readComplaint(tx, number, true);
        if (!c) throw new NotFoundError('complaint', number);
        checkAnswer(c, rc.date);
        await markAnswered(tx, c.id, rc.date, rc.actor);
        return { ...c, answeredOn: rc.date, answeredBy: rc.actor };
      });
      rc.log.info({ complaint: number }, 'complaint answered');
      return complaintView(answered, rc);
    },
  );

  app.get(
    '/v1/complaints',
    {
      config: { roles: ['office', 'operator'] },
      schema: {
        tags: ['complaints'],
        summary: 'Complaints by due day; `overdue=true`: only those unanswered after their due day',
        security: SECURED,
        querystring: { type: 'object', additionalProperties: false, properties: { overdue: { type: 'boolean', default: false, 'x-reason': 'invalid_value' } } },
        response: {
          200: { type: 'object', required: ['date', 'complaints'], properties: { date: { type: 'string' }, complaints: { type: 'array', items: complaintSchema } } },
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const rc = req.kezek;
      const { overdue } = req.query as { overdue: boolean };
      const key = keyOf(req);
      const all = await listComplaints(rc.db, overdue ? rc.date : undefined);
      const limited = key.districts.length > 0;
      // A key limited to districts sees the complaints about their applications, and those about none.
      const districts = limited ? await districtsOf(rc, all) : new Map<string, string>();
      const visible = all.filter((c) => !limited || !c.application || mayReachDistrict(key, districts.get(c.application) ?? ''));
      return { date: rc.date, complaints: visible.map((c) => complaintView(c, rc)) };
    },
  );
};

async function districtsOf(rc: RequestContext, list: readonly Complaint[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of list) {
    if (!c.application || out.has(c.application)) continue;
    const place = await applicationPlace(rc.db, c.application);
    if (place) out.set(c.application, place.district);
  }
  return out;
}
