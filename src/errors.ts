/**
 * Every error kezek raises on purpose is a KezekError with a stable code.
 * The CLI maps the code to an exit code and prints one line; users never
 * see a stack trace for bad input.
 */
export type ErrorCode =
  | 'INPUT_INVALID'
  | 'USAGE'
  | 'RULES_INVALID'
  | 'RUN_LOCKED'
  | 'RUN_FAILED'
  | 'NOT_FOUND'
  | 'DB_FAILED'
  | 'CALENDAR_MISSING'
  | 'TRANSITION_REFUSED'
  | 'ID_CONFLICT'
  | 'DUPLICATE_CHILD'
  /** Data changed under an operation (another process): nothing was stored; try again. */
  | 'CONCURRENT_CHANGE'
  /** kezek met a state its own rules say cannot happen: nothing was stored; report it. */
  | 'INVARIANT_BROKEN'
  /** kezek itself is not installed whole (a missing build file). */
  | 'INSTALL_BROKEN'
  /** A rule uses something the compiled engine does not handle (json-rules-engine runs it instead). */
  | 'RULES_UNSUPPORTED';

/** Exit codes of the command line (formats.md): 2 bad usage or input, 1 run error. */
const EXIT_CODES: Record<ErrorCode, number> = {
  INPUT_INVALID: 2,
  USAGE: 2,
  RULES_INVALID: 2,
  NOT_FOUND: 2,
  CALENDAR_MISSING: 2,
  TRANSITION_REFUSED: 2,
  ID_CONFLICT: 2,
  DUPLICATE_CHILD: 2,
  CONCURRENT_CHANGE: 1,
  INVARIANT_BROKEN: 1,
  INSTALL_BROKEN: 1,
  RULES_UNSUPPORTED: 2,
  RUN_LOCKED: 1,
  RUN_FAILED: 1,
  DB_FAILED: 1,
};

export class KezekError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KezekError';
    this.code = code;
    this.details = details;
  }
  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

/** Bad input in a file: names the file, the line and the field. */
export class InputError extends KezekError {
  constructor(message: string, where: { file?: string; line?: number; field?: string } = {}) {
    const prefix = where.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : '';
    super('INPUT_INVALID', `${prefix}${message}${where.field ? ` (field ${where.field})` : ''}`, where);
    this.name = 'InputError';
  }
}

export class UsageError extends KezekError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

export class RulesError extends KezekError {
  readonly problems: readonly RuleProblem[];
  constructor(problems: readonly RuleProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super('RULES_INVALID', first ? `${first.file}${first.path ? ` ${first.path}` : ''}: ${first.message}${more}` : 'rules are invalid', {
      problems,
    });
    this.name = 'RulesError';
    this.problems = problems;
  }
}

export interface RuleProblem {
  file: string;
  /** JSON path inside the file, e.g. `$.rules[2].conditions.any[0].fact`. */
  path: string;
  message: string;
}

export class NotFoundError extends KezekError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} not found`, { what, id });
    this.name = 'NotFoundError';
  }
}

/** A lifecycle change the rules do not allow (enrol a declined referral, restore twice, …). */
export class TransitionError extends KezekError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('TRANSITION_REFUSED', message, details);
    this.name = 'TransitionError';
  }
}

/** A rule construct the compiled engine does not handle; the caller falls back to json-rules-engine. */
export class CompileUnsupported extends KezekError {
  constructor(message: string) {
    super('RULES_UNSUPPORTED', message);
    this.name = 'CompileUnsupported';
  }
}

export function isKezekError(e: unknown): e is KezekError {
  return e instanceof KezekError;
}
