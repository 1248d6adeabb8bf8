import { Ajv, type ErrorObject } from 'ajv';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

/**
 * The JSON Schemas of the routes are their validation, their serialisation
 * and the OpenAPI document at once. Bodies are checked as sent (no coercion,
 * nothing removed, every problem reported); path and query values are text
 * and are coerced to the schema's types. A failed check answers 400 with one
 * `{path, in, reason}` per problem, in the reason codes of rejects.ndjson.
 */

/** Where a problem is: JSON pointer into the body, or the name of a path or query parameter. */
export interface FieldProblem {
  path: string;
  in: 'body' | 'path' | 'query' | 'header';
  reason: string;
  message: string;
}

/**
 * `x-reason` on a schema names the reject reason a value failing its pattern,
 * enum or bounds gives (e.g. `iin_format`, `invalid_date`), as the line
 * checks of src/intake/lines.ts name it. Type, presence and unknown fields
 * give the import's general reasons.
 */
export const REASON_KEYWORD = 'x-reason';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false,
    useDefaults: coerce,
    coerceTypes: coerce ? 'array' : false,
    verbose: true,
    strict: true,
    strictRequired: false,
    // OpenAPI words the documents use; they change nothing in a check.
    keywords: ['example'],
  });
  ajv.addKeyword({ keyword: REASON_KEYWORD, schemaType: 'string' });
  return ajv;
}

const bodyAjv = makeAjv(false);
const textAjv = makeAjv(true);

/** Fastify's validator compiler: bodies strictly, parameters and query strings coerced. */
export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  // ajv's own function: Fastify reads its `errors`, and lets it coerce the root of a query string.
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object);

/** The import's reason for one failed keyword. */
export function reasonOf(e: ErrorObject): string {
  const declared = (e.parentSchema as Record<string, unknown> | undefined)?.[REASON_KEYWORD];
  switch (e.keyword) {
    case 'required':
      return 'missing_field';
    case 'type':
      return 'wrong_type';
    // The import says a blank or empty text is not a non-empty string.
    case 'minLength':
      return 'wrong_type';
    case 'maxLength':
      return 'too_long';
    case 'additionalProperties':
      return 'unknown_field';
    // The import: "must list 1 to N".
    case 'minItems':
    case 'maxItems':
      return 'invalid_value';
    case 'uniqueItems':
      return typeof declared === 'string' ? declared : 'repeated_value';
    default:
      return typeof declared === 'string' ? declared : 'invalid_value';
  }
}

const CONTEXTS: Record<string, FieldProblem['in']> = { body: 'body', params: 'path', querystring: 'query', headers: 'header' };

/** ajv's errors as problems: JSON pointers for the body, parameter names for the path and query. */
export function fieldProblems(errors: readonly ErrorObject[], context: string | undefined): FieldProblem[] {
  const where = CONTEXTS[context ?? 'body'] ?? 'body';
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  // A value of the wrong type is that, and nothing more (the import checks the type first).
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const e of errors) {
    // `if`/`anyOf` wrappers repeat what their branches said.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    if (e.keyword !== 'type' && e.keyword !== 'required' && e.keyword !== 'additionalProperties' && wrongType.has(e.instancePath)) continue;
    const child = (e.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (e.params as { additionalProperty?: string }).additionalProperty;
    const pointer = child === undefined ? e.instancePath : `${e.instancePath}/${escapePointer(child)}`;
    const path = where === 'body' ? pointer || '/' : pointer.replace(/^\//, '');
    // The import takes a null field as a missing one: one problem, whatever else its schema says.
    const missing = e.data === null && e.keyword !== 'required';
    const reason = e.keyword === 'type' && e.instancePath === '' && where === 'body' ? 'not_object' : missing ? 'missing_field' : reasonOf(e);
    const key = missing ? `${path}\u0000null` : `${path}\u0000${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, in: where, reason, message: `${path || 'value'} ${e.message ?? 'is invalid'}` });
  }
  return out;
}

function escapePointer(s: string): string {
  return s.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A field as the line checks name it (`rights[0].category`) as a JSON pointer (`/rights/0/category`). */
export function pointerOfField(field: string): string {
  return '/' + field.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).map(escapePointer).join('/');
}
