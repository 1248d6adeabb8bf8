/**
 * The PostgreSQL server a DATABASE_URL names, and why it cannot be used, in
 * words that name what failed (never the password). Pure.
 *
 * A URL that is wrong in itself is bad usage (exit 2); a server that cannot
 * be reached, refuses the user or lacks the database is a database failure
 * (exit 1).
 */
import { DatabaseOpenError, KezekError, UsageError } from '../errors.js';

export interface ServerTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  /** Only to keep it out of messages. */
  password: string;
}

const EXAMPLE = 'postgres://user:password@host:5432/database';

/** Checks that DATABASE_URL is a postgres:// URL and says what it names. */
export function parseDatabaseUrl(url: string): ServerTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // The value is not shown: it may hold a password.
    throw new UsageError(`DATABASE_URL is not a URL; expected ${EXAMPLE}`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new UsageError(`DATABASE_URL must be a postgres:// or postgresql:// URL, not ${u.protocol}//…; expected ${EXAMPLE}`);
  }
  const user = safeDecode(u.username);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1') || u.searchParams.get('host') || 'localhost';
  const port = Number(u.port || u.searchParams.get('port') || 5432);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('DATABASE_URL has an invalid port');
  return { host, port, database: safeDecode(u.pathname.slice(1)) || user, user, password: safeDecode(u.password) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `host:port`, with an IPv6 address in brackets. */
export function serverAddress(t: Pick<ServerTarget, 'host' | 'port'>): string {
  return `${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
}

/** The error for a failed first connection: what failed, where, and nothing secret. */
export function connectionError(e: unknown, t: ServerTarget): KezekError {
  if (e instanceof KezekError) return e;
  const err = e as { code?: unknown; message?: unknown } | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const message = withoutSecret(typeof err?.message === 'string' ? err.message : String(e), t.password);
  const at = `the PostgreSQL server at ${serverAddress(t)} (DATABASE_URL)`;
  const details = { host: t.host, port: t.port, database: t.database, user: t.user };
  const fail = (reason: ConstructorParameters<typeof DatabaseOpenError>[0], text: string) =>
    new DatabaseOpenError(reason, withoutSecret(text, t.password), details, { cause: e });
  switch (code) {
    case 'ECONNREFUSED':
      return fail('connection_refused', `cannot connect to ${at}: connection refused (is PostgreSQL running and listening there?)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return fail('host_not_found', `the host name ${t.host} in DATABASE_URL does not resolve (${code})`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return fail('unreachable', `cannot reach ${at}: ${message}`);
    case 'ECONNRESET':
      // The peer took the connection and dropped it: a reset or a clean close depends only on timing.
      return fail('server_error', `${at} closed the connection at once (is it a PostgreSQL server that accepts this client?)`);
    case '3D000':
      return fail('database_missing', `the database "${t.database}" does not exist on ${at}`);
    case '28P01':
    case '28000':
      return fail('authentication_failed', `${at} refused user "${t.user}": ${message}`);
    default:
  }
  if (/SASL|password must be a string/i.test(message)) {
    return fail('authentication_failed', `${at} wants a password for user "${t.user}" and DATABASE_URL gives none`);
  }
  if (/timeout/i.test(message)) return fail('unreachable', `${at} did not answer in time: ${message}`);
  if (/terminated unexpectedly/i.test(message)) return fail('server_error', `${at} closed the connection at once (is it a PostgreSQL server that accepts this client?)`);
  return fail('server_error', `cannot connect to ${at}: ${message}`);
}

/** The text with every appearance of the password (as given and URL-encoded) masked. */
export function withoutSecret(text: string, password: string): string {
  if (!password) return text;
  let out = text;
  for (const form of new Set([password, encodeURIComponent(password)])) out = out.split(form).join('***');
  return out;
}
