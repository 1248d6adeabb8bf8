import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/database.js';
import { deleteSession, insertSession, sessionByHash, type ConsoleSession } from '../../db/sessions.js';
import { LANGS, type Lang } from '../../i18n/messages.js';

/**
 * The staff console's sign-in: a person signs in with an API key; the
 * browser gets a random session token in a cookie (HttpOnly, SameSite=Lax,
 * Path=/console, Secure when the request came over TLS) and the database
 * keeps only its sha256 with the key's name and the session's CSRF token
 * (db/sessions.ts). Every console request reads the session with its key, so
 * any number of server processes on one database agree, and revoking the key
 * ends its sessions at once. Every form that changes something carries the
 * CSRF token (a synchronizer token: the server compares it with the
 * session's), and the sign-in form carries one of its own, held in a
 * short-lived cookie (double submit), since there is no session yet.
 */

/** How long a session lasts: a working day. */
export const SESSION_HOURS = 10;
export const SESSION_COOKIE = 'kezek_console';
/** The sign-in form's CSRF token (no session yet). */
export const LOGIN_COOKIE = 'kezek_login';
export const LANG_COOKIE = 'lang';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** The console's cookies: never readable by scripts, sent on top-level navigation only within the site, over TLS when the request came over TLS. */
export function cookieOptions(req: FastifyRequest, o: { maxAge?: number } = {}): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/console', secure: req.protocol === 'https', ...(o.maxAge !== undefined ? { maxAge: o.maxAge } : {}) };
}

/** Two tokens equal, compared in constant time. */
export function sameToken(a: string | undefined | null, b: string | undefined | null): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || !a || !b) return false;
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Starts a session for a live key: the cookie is set on the reply. */
export async function startSession(db: Queryable, req: FastifyRequest, reply: FastifyReply, keyName: string): Promise<void> {
  const t = token();
  await insertSession(db, { tokenHash: sha256(t), keyName, csrf: token(), hours: SESSION_HOURS });
  void reply.setCookie(SESSION_COOKIE, t, cookieOptions(req, { maxAge: SESSION_HOURS * 3600 }));
}

/** The request's session (its key live, not expired), or null; `hadCookie` tells an ended session from none. */
export async function currentSession(db: Queryable, req: FastifyRequest): Promise<{ session: ConsoleSession | null; hadCookie: boolean }> {
  const t = req.cookies[SESSION_COOKIE];
  if (!t) return { session: null, hadCookie: false };
  return { session: await sessionByHash(db, sha256(t)), hadCookie: true };
}

/** Ends the request's session; `reply` given: its cookie is cleared too (signing out). */
export async function endSession(db: Queryable, req: FastifyRequest, reply?: FastifyReply): Promise<void> {
  const t = req.cookies[SESSION_COOKIE];
  if (t) await deleteSession(db, sha256(t));
  if (reply) void reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/** The sign-in form's token: the cookie's when there is one, else a new one set in a cookie for an hour. */
export function loginToken(req: FastifyRequest, reply: FastifyReply): string {
  const have = req.cookies[LOGIN_COOKIE];
  if (have && /^[A-Za-z0-9_-]{43}$/.test(have)) return have;
  const t = token();
  void reply.setCookie(LOGIN_COOKIE, t, cookieOptions(req, { maxAge: 3600 }));
  return t;
}

const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** The page's language: `?lang=` (then remembered in the `lang` cookie for every page), else the cookie's, else Kazakh. */
export function pageLang(req: FastifyRequest, reply: FastifyReply): Lang {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (isLang(asked)) {
    if (req.cookies[LANG_COOKIE] !== asked) void reply.setCookie(LANG_COOKIE, asked, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600, secure: req.protocol === 'https' });
    return asked;
  }
  const kept = req.cookies[LANG_COOKIE];
  return isLang(kept) ? kept : 'kk';
}

/** A console path to go back to after signing in (anything else: the console's first page). */
export function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/console(\/[\w\-./%?=&]*)?$/.test(v) && !v.startsWith('/console/login') && !v.includes('//') ? v : '/console';
}
