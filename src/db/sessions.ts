import type { Queryable } from './database.js';
import type { ApiKey, KeyRole } from './keys.js';

/** SQL of the staff console's sessions (migration 013): the token's sha256, its key, its CSRF token, when it ends. */

export interface ConsoleSession {
  key: ApiKey;
  csrf: string;
  expiresAt: string;
}

interface Row {
  name: string;
  role: KeyRole;
  districts: string[];
  created_at: string;
  csrf: string;
  expires_at: string;
}

/** Stores a new session of a live key for `hours`; expired sessions of any key are removed on the way. */
export async function insertSession(q: Queryable, s: { tokenHash: string; keyName: string; csrf: string; hours: number }): Promise<void> {
  await q.query(`delete from console_sessions where expires_at < now()`);
  await q.query(`insert into console_sessions (token_hash, key_name, csrf, expires_at) values ($1, $2, $3, now() + make_interval(hours => $4))`, [
    s.tokenHash,
    s.keyName,
    s.csrf,
    s.hours,
  ]);
}

/** The session with this token hash while it lasts and its key is not revoked, else null. */
export async function sessionByHash(q: Queryable, tokenHash: string): Promise<ConsoleSession | null> {
  const rows = await q.query<Row>(
    `select k.name, k.role, k.districts, to_char(k.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at, s.csrf,
            to_char(s.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as expires_at
       from console_sessions s join api_keys k on k.name = s.key_name
      where s.token_hash = $1 and s.expires_at > now() and k.revoked_at is null`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  return { key: { name: r.name, role: r.role, districts: r.districts, createdAt: r.created_at, revokedAt: null }, csrf: r.csrf, expiresAt: r.expires_at };
}

/** Ends a session (signing out). */
export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query(`delete from console_sessions where token_hash = $1`, [tokenHash]);
}
