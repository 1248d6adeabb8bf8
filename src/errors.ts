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
  | 'DATABASE_BUSY'
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
  | 'RULES_UNSUPPORTED'
  /** Done, but a person must look (formats.md exit code 3): e.g. rules no test covers. */
  | 'NEEDS_ATTENTION'
  /** A district's allocation broke an invariant of allocation.md: the district is not stored (a bug; report it with the counterexample). */
  | 'AUDIT_FAILED'
  /** The server's schema lacks migrations this kezek has: `kezek db migrate` first (it may lock large tables). */
  | 'SCHEMA_BEHIND'
  /** The district's nightly transaction held what a request needs for longer than it may wait: nothing was stored; try again shortly. */
  | 'RUN_IN_PROGRESS'
  /** The online service: no API key, or one it does not know (or revoked). */
  | 'UNAUTHORIZED'
  /** The online service: the key's role or districts do not allow the request. */
  | 'FORBIDDEN';

/** Exit codes of the command line (formats.md): 2 bad usage or input, 1 run error, 3 done but a person must look. */
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
  NEEDS_ATTENTION: 3,
  AUDIT_FAILED: 1,
  RUN_LOCKED: 1,
  RUN_FAILED: 1,
  DB_FAILED: 1,
  DATABASE_BUSY: 1,
  SCHEMA_BEHIND: 2,
  RUN_IN_PROGRESS: 1,
  UNAUTHORIZED: 2,
  FORBIDDEN: 2,
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

/** Bad input in a file: names the file, the line and the field (and the reject reason, as rejects.ndjson says it). */
export class InputError extends KezekError {
  constructor(message: string, where: { file?: string; line?: number; field?: string; reason?: string } = {}) {
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

/** What the process holding an embedded database folder says about itself (see db/folder-lock.ts). */
export interface FolderHolder {
  pid: number;
  /** The kezek command's name: `allocate`, `register`, `serve`, … */
  name: string;
  /** The command line as typed, e.g. `kezek allocate --date 2026-09-01`. */
  command: string;
  /** When it took the folder (ISO instant). */
  since: string;
  /** Where a long-running holder (`kezek serve`) answers instead. */
  url?: string | undefined;
}

/** Another process holds the embedded database folder, and did not let go within the wait. */
export class DatabaseBusyError extends KezekError {
  constructor(folder: string, holder: FolderHolder | undefined, waitedMs: number) {
    const waited = `waited ${formatSeconds(waitedMs)} (--wait)`;
    let message: string;
    if (!holder) {
      message = `the embedded database ${folder} is in use by another process, which did not say which; ${waited}`;
    } else if (holder.name === 'serve') {
      const where = holder.url ? ` at ${holder.url}` : '';
      message = `the embedded database ${folder} is held by kezek serve (process ${holder.pid}, since ${holder.since}): use the server${where} instead, or stop it first`;
    } else {
      message = `the embedded database ${folder} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}); ${waited}, try again when it has finished`;
    }
    super('DATABASE_BUSY', message, { folder, holder, waitedMs });
    this.name = 'DatabaseBusyError';
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Why a database could not be opened, as a stable word for machines; the
 * message says it for people (with the folder or the server, never a password).
 */
export type OpenFailure =
  | 'permission_denied'
  | 'read_only'
  | 'disk_full'
  | 'damaged'
  | 'start_timeout'
  | 'connection_refused'
  | 'host_not_found'
  | 'unreachable'
  | 'database_missing'
  | 'authentication_failed'
  | 'server_error';

/** A database (embedded folder or server) that cannot be opened, with why. */
export class DatabaseOpenError extends KezekError {
  readonly reason: OpenFailure;
  constructor(reason: OpenFailure, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super('DB_FAILED', message, { reason, ...details }, options);
    this.name = 'DatabaseOpenError';
    this.reason = reason;
  }
}

export function isKezekError(e: unknown): e is KezekError {
  return e instanceof KezekError;
}
