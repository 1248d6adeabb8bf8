import { APPLICATION_STATUSES, CHANNELS, GROUP_TYPES, LANGUAGES } from '../domain/types.js';

/**
 * Building blocks of the routes' JSON Schemas. `x-reason` names the reject
 * reason (rejects.ndjson) a value failing the schema's pattern or enum gives,
 * as the import's line checks (src/intake/lines.ts) name it; those checks run
 * on every application too, for what a schema cannot say (check digits, an
 * IIN against the birth date, real dates, known districts).
 */

/** An id: non-empty, at most 100 characters, no control characters (lines.ts FIELD_LIMITS). */
export const idSchema = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$', 'x-reason': 'invalid_value' } as const;

/**
 * An id in a URL path: letters, digits and `- _ . : @ №` only, so that an odd
 * character (a space, a NUL, a quote) is a 400 that names it, not a lookup.
 */
export const pathIdSchema = { type: 'string', minLength: 1, maxLength: 100, pattern: '^[\\p{L}\\p{N}][\\p{L}\\p{N}._:@№-]*$', 'x-reason': 'invalid_value' } as const;

/** The params of a route whose path names one thing by its id (`/…/:id`). */
export const idParams = { type: 'object', required: ['id'], additionalProperties: false, properties: { id: pathIdSchema } } as const;

/** A route that needs an API key (the OpenAPI security requirement). */
export const SECURED = [{ apiKey: [] }];

/** A non-empty text of at most 500 characters. */
export const textSchema = { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S', 'x-reason': 'wrong_type' } as const;
export const optionalText = { type: ['string', 'null'], minLength: 1, maxLength: 500, pattern: '\\S', 'x-reason': 'wrong_type' } as const;

export const dateSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', 'x-reason': 'invalid_date', examples: ['2026-09-01'] } as const;
export const iinSchema = { type: 'string', pattern: '^\\d{12}$', 'x-reason': 'iin_format', description: '12-digit IIN with a valid check digit' } as const;

const rightSchema = {
  type: 'object',
  required: ['category', 'document', 'validUntil'],
  additionalProperties: false,
  properties: { category: textSchema, document: textSchema, validUntil: dateSchema },
} as const;

/** One application as formats.md writes it; unknown top-level fields are kept (and ignored), as in a file. */
export const applicationBodySchema = {
  type: 'object',
  description: 'One application (formats.md). `registeredAt` is optional: now, UTC+05:00. Unknown top-level fields are kept but ignored; inside child, applicant and rights they are refused.',
  required: ['id', 'child', 'applicant', 'district', 'channel', 'preferences', 'language', 'groupType', 'desiredFrom'],
  additionalProperties: true,
  properties: {
    id: idSchema,
    child: {
      type: 'object',
      required: ['iin', 'birthDate'],
      additionalProperties: false,
      properties: { iin: iinSchema, birthDate: dateSchema, name: optionalText },
    },
    applicant: {
      type: 'object',
      required: ['iin'],
      additionalProperties: false,
      properties: { iin: iinSchema, name: optionalText, relation: optionalText },
    },
    district: textSchema,
    registeredAt: { type: 'string', description: 'ISO 8601 instant with an offset', examples: ['2026-09-01T10:15:00+05:00'] },
    channel: { type: 'string', enum: CHANNELS, 'x-reason': 'invalid_value' },
    preferences: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      'x-reason': 'repeated_preference',
      description: '1 to maxPreferences kindergarten ids of the district, no repeats',
      items: textSchema,
    },
    acceptAnyInDistrict: { type: ['boolean', 'null'] },
    language: { type: 'string', enum: LANGUAGES, 'x-reason': 'invalid_value' },
    groupType: { type: 'string', enum: GROUP_TYPES, 'x-reason': 'invalid_value' },
    desiredFrom: dateSchema,
    stopListUntil: { ...dateSchema, type: ['string', 'null'] },
    rights: { type: ['array', 'null'], items: rightSchema },
    status: { type: ['string', 'null'], enum: [...APPLICATION_STATUSES, null], 'x-reason': 'invalid_value', description: 'ignored: a registration is queued, or refused by the rules' },
  },
  examples: [
    {
      id: 'APP-000001',
      child: { iin: '220315600123', birthDate: '2022-03-15', name: 'Айару Сапарова' },
      applicant: { iin: '900101400456', name: 'Гүлнар Сапарова', relation: 'mother' },
      district: 'ALA-MED',
      channel: 'portal',
      preferences: ['KG-ALA-0001', 'KG-ALA-0007'],
      acceptAnyInDistrict: false,
      language: 'kk',
      groupType: 'general',
      desiredFrom: '2025-09-01',
      rights: [{ category: 'large_family', document: 'ANP-77812', validUntil: '2027-01-01' }],
    },
  ],
} as const;

const categorySchema = { type: 'string', enum: ['extraordinary', 'primary', 'general'] } as const;
const aheadSchema = {
  type: 'object',
  required: ['extraordinary', 'primary', 'general'],
  properties: { extraordinary: { type: 'integer' }, primary: { type: 'integer' }, general: { type: 'integer' } },
} as const;

/** Where an application stands at a date (online/position.ts), as the notice carries it. */
export const positionSchema = {
  type: 'object',
  required: ['application', 'state'],
  properties: {
    application: { type: 'string' },
    state: { type: 'string', enum: ['queued', 'waiting', 'refused', 'not_queued'] },
    status: { type: 'string' },
    reasons: { type: 'array', items: { type: 'string' } },
    why: { type: 'string', enum: ['desired_from', 'stop_list'] },
    until: { type: 'string' },
    district: { type: 'string' },
    birthYear: { type: 'integer' },
    category: categorySchema,
    rights: { type: 'array', items: { type: 'string' } },
    queueNumber: { type: 'integer' },
    cohortSize: { type: 'integer' },
    ahead: aheadSchema,
  },
} as const;

/** The notice of a registration: refused with reasons, or registered with its queue position. */
export const noticeSchema = {
  type: 'object',
  required: ['application', 'outcome', 'reasons', 'position', 'date'],
  properties: {
    application: { type: 'string' },
    outcome: { type: 'string', enum: ['registered', 'refused'] },
    reasons: { type: 'array', items: { type: 'string' } },
    position: { anyOf: [positionSchema, { type: 'null' }] },
    date: { type: 'string', description: 'the date the position is at' },
  },
} as const;

export const referralSchema = {
  type: 'object',
  required: ['id', 'application', 'district', 'kindergarten', 'group', 'status', 'category', 'issuedOn', 'confirmBy'],
  properties: {
    id: { type: 'string' },
    application: { type: 'string' },
    district: { type: 'string' },
    kindergarten: { type: 'string' },
    group: { type: 'string' },
    status: { type: 'string', enum: ['offered', 'confirmed', 'enrolled', 'declined', 'lapsed', 'cancelled'] },
    category: categorySchema,
    rights: { type: 'array', items: { type: 'string' } },
    preferenceRank: { type: 'integer' },
    issuedOn: { type: 'string' },
    confirmBy: { type: 'string', description: 'the last day to confirm or decline the offer' },
    confirmedOn: { type: ['string', 'null'] },
    enrollBy: { type: ['string', 'null'], description: 'the last day to enrol (after confirming; extended once at most)' },
    extendedDays: { type: ['integer', 'null'] },
    proofBy: { type: ['string', 'null'], description: 'a priority referral: the last day to prove the right in person (null when proven or general)' },
    rightProvenOn: { type: ['string', 'null'] },
    nextDeadline: {
      anyOf: [
        {
          type: 'object',
          required: ['step', 'by'],
          properties: { step: { type: 'string', enum: ['confirm', 'enroll', 'prove_right'] }, by: { type: 'string' } },
        },
        { type: 'null' },
      ],
    },
    provisionalYears: { type: 'array', items: { type: 'integer' }, description: 'years without a recorded decree on days off that the deadlines run through' },
  },
} as const;

const personSchema = {
  type: 'object',
  properties: { iin: { type: 'string' }, name: { type: ['string', 'null'] }, relation: { type: ['string', 'null'] }, birthDate: { type: 'string' } },
} as const;

/** An application as the portal and the offices see it (api.md: status, category, queue number, the live referral). */
export const applicationViewSchema = {
  type: 'object',
  required: ['id', 'district', 'status', 'date', 'category', 'queue', 'referral'],
  properties: {
    id: { type: 'string' },
    district: { type: 'string' },
    status: { type: 'string' },
    birthYear: { type: 'integer' },
    registeredAt: { type: 'string' },
    channel: { type: 'string' },
    child: personSchema,
    applicant: personSchema,
    date: { type: 'string', description: 'the date the queue number is at (today in Kazakhstan)' },
    category: { anyOf: [categorySchema, { type: 'null' }] },
    rights: { type: 'array', items: { type: 'string' } },
    queue: {
      anyOf: [
        {
          type: 'object',
          required: ['number', 'of', 'ahead'],
          properties: { number: { type: 'integer' }, of: { type: 'integer', description: 'candidates in the cohort' }, ahead: aheadSchema },
        },
        { type: 'null' },
      ],
    },
    waiting: {
      anyOf: [{ type: 'object', properties: { why: { type: 'string', enum: ['desired_from', 'stop_list'] }, until: { type: 'string' } } }, { type: 'null' }],
    },
    refusal: { anyOf: [{ type: 'object', properties: { reasons: { type: 'array', items: { type: 'string' } } } }, { type: 'null' }] },
    referral: { anyOf: [referralSchema, { type: 'null' }] },
  },
} as const;

/** A JSON object response whose inner shape is documented elsewhere (kept as it is). */
export const openObject = { type: 'object', additionalProperties: true } as const;

/**
 * A response documented by media type (OpenAPI's `content` map): each type
 * with its schema, so a route names only its types and their schemas.
 */
export function mediaResponse(description: string, schemas: Readonly<Record<string, object>>): { description: string; content: Record<string, { schema: object }> } {
  return { description, content: Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, { schema }])) };
}
