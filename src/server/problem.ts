import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { isKezekError, type ErrorCode, type KezekError } from '../errors.js';
import { mediaResponse } from './schemas.js';
import { fieldProblems, pointerOfField, type FieldProblem } from './validation.js';

/**
 * Every error the service answers is `application/problem+json` (RFC 9457):
 * status, a stable `code`, a title, what happened in `detail`, and for input
 * errors one `{path, in, reason}` per problem. Never a stack trace.
 */
export const PROBLEM_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  status: number;
  code: string;
  title: string;
  detail: string;
  requestId: string;
  errors?: FieldProblem[];
  /** DUPLICATE_CHILD: the child's live application. */
  existing?: string;
  /** TRANSITION_REFUSED: why the change is not allowed. */
  reason?: string;
}

/** HTTP status of each code kezek raises. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  INPUT_INVALID: 400,
  USAGE: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  ID_CONFLICT: 409,
  DUPLICATE_CHILD: 409,
  TRANSITION_REFUSED: 409,
  RUN_IN_PROGRESS: 409,
  CONCURRENT_CHANGE: 409,
  RUN_LOCKED: 409,
  DATABASE_BUSY: 503,
  DB_FAILED: 503,
};

/** Short titles (the problem type in words); `detail` says what happened this time. */
const TITLES: Record<string, string> = {
  INPUT_INVALID: 'The request is not valid',
  NOT_FOUND: 'Not found',
  UNAUTHORIZED: 'An API key is needed',
  FORBIDDEN: 'Not allowed for this key',
  ID_CONFLICT: 'This id is already registered with other content',
  DUPLICATE_CHILD: 'The child already has a live application',
  TRANSITION_REFUSED: 'This change is not allowed now',
  RUN_IN_PROGRESS: 'The district is being allocated by the nightly run',
  CONCURRENT_CHANGE: 'The data changed during the request',
  RATE_LIMITED: 'Too many requests',
  NOT_READY: 'Not ready',
  UNAVAILABLE: 'The database cannot be used now',
  INTERNAL: 'Internal error',
};

/** Seconds a client should wait before trying a RUN_IN_PROGRESS request again. */
export const RUN_RETRY_AFTER_S = 2;

export function problem(req: FastifyRequest, status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:kezek:problem:${code}`, status, code, title: TITLES[code] ?? code, detail, requestId: String(req.id), ...extra };
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type(PROBLEM_TYPE).send(p);
}

/** Fastify's own errors before a handler runs: body size, media type, JSON syntax, validation, rate limit. */
function frameworkProblem(req: FastifyRequest, e: FastifyError): Problem | null {
  if (e.validation) {
    const errors = fieldProblems(e.validation as ErrorObject[], e.validationContext);
    return problem(req, 400, 'INPUT_INVALID', errors.map((x) => `${x.path}: ${x.reason}`).join('; '), { errors });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(req, 413, 'INPUT_INVALID', 'the body is larger than 64 KiB', { errors: [{ path: '/', in: 'body', reason: 'body_too_large', message: 'at most 64 KiB' }] });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(req, 415, 'INPUT_INVALID', 'send the body as application/json', {
        errors: [{ path: 'content-type', in: 'header', reason: 'unsupported_media_type', message: 'only application/json is accepted' }],
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(req, 400, 'INPUT_INVALID', `the body is not valid JSON: ${e.message}`, { errors: [{ path: '/', in: 'body', reason: 'invalid_json', message: e.message }] });
  }
  if (e.statusCode === 429) return problem(req, 429, 'RATE_LIMITED', e.message);
  if (e.statusCode === 400 && /JSON|prototype/i.test(e.message)) {
    return problem(req, 400, 'INPUT_INVALID', `the body is not valid JSON: ${e.message}`, { errors: [{ path: '/', in: 'body', reason: 'invalid_json', message: e.message }] });
  }
  return null;
}

function kezekProblem(req: FastifyRequest, e: KezekError): Problem {
  const status = STATUS[e.code] ?? 500;
  if (status >= 500 && e.code !== 'DATABASE_BUSY' && e.code !== 'DB_FAILED') return problem(req, 500, 'INTERNAL', 'the service failed; the request id names it in the log');
  if (status === 503) return problem(req, 503, 'UNAVAILABLE', 'the database cannot be used now; try again later');
  const d = e.details;
  switch (e.code) {
    case 'INPUT_INVALID': {
      const field = typeof d.field === 'string' ? d.field : '';
      const where: FieldProblem['in'] = d.in === 'query' || d.in === 'path' ? d.in : 'body';
      const reason = typeof d.reason === 'string' ? d.reason : (/^([a-z_]+):/.exec(e.message.replace(/^[^:]*: /, ''))?.[1] ?? 'invalid_value');
      const message = e.message.replace(/^body: /, '');
      const path = where === 'body' ? (field ? pointerOfField(field) : '/') : field;
      return problem(req, 400, e.code, message, { errors: [{ path, in: where, reason, message }] });
    }
    case 'DUPLICATE_CHILD':
      return problem(req, 409, e.code, e.message, { existing: String(d.existing), errors: [{ path: '/child/iin', in: 'body', reason: 'duplicate_child', message: e.message }] });
    case 'TRANSITION_REFUSED':
      return problem(req, 409, e.code, e.message, { reason: e.message });
    default:
      return problem(req, status, e.code, e.message);
  }
}

/** The database cannot be reached or is shutting down (a connection error, PostgreSQL's classes 08 and 57P). */
function databaseGone(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (/^(08|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code));
}

/** The one error handler: coded errors as problems, anything else as a 500 that names the request id (the log has the rest). */
export function errorHandler(e: FastifyError | KezekError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  let p: Problem | null = null;
  if (isKezekError(e)) p = kezekProblem(req, e);
  else if (databaseGone(e)) p = problem(req, 503, 'UNAVAILABLE', 'the database cannot be reached now; try again later');
  else p = frameworkProblem(req, e as FastifyError);
  if (!p) {
    const status = (e as FastifyError).statusCode;
    p = status && status >= 400 && status < 500 ? problem(req, status, 'INPUT_INVALID', e.message) : problem(req, 500, 'INTERNAL', 'the service failed; the request id names it in the log');
  }
  if (p.status >= 500) req.log.error({ err: e }, 'request failed');
  else req.log.info({ code: p.code, status: p.status }, 'request refused');
  if (p.code === 'RUN_IN_PROGRESS' || p.code === 'UNAVAILABLE' || p.code === 'CONCURRENT_CHANGE') void reply.header('retry-after', String(RUN_RETRY_AFTER_S));
  if (p.code === 'UNAUTHORIZED') void reply.header('www-authenticate', 'Bearer');
  return sendProblem(reply, p);
}

/** The problem document's schema (for every 4xx and 5xx answer). */
export const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'status', 'code', 'title', 'detail', 'requestId'],
  properties: {
    type: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', examples: ['INPUT_INVALID', 'NOT_FOUND', 'DUPLICATE_CHILD', 'TRANSITION_REFUSED', 'RUN_IN_PROGRESS'] },
    title: { type: 'string' },
    detail: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'in', 'reason'],
        properties: {
          path: { type: 'string', description: 'a JSON pointer into the body, or the name of a path or query parameter or header' },
          in: { type: 'string', enum: ['body', 'path', 'query', 'header'] },
          reason: { type: 'string', description: 'the reason code, as in rejects.ndjson (e.g. iin_check_digit)' },
          message: { type: 'string' },
        },
      },
    },
    existing: { type: 'string', description: 'DUPLICATE_CHILD: the live application of the child' },
    reason: { type: 'string', description: 'TRANSITION_REFUSED: why' },
  },
} as const;

/** Response schemas every route shares: any problem. */
const problemResponse = mediaResponse('a problem (RFC 9457)', { [PROBLEM_TYPE]: problemSchema });
export const problemResponses = { '4xx': problemResponse, '5xx': problemResponse } as const;
