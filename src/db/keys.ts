import type { Queryable } from './database.js';

/** SQL of the online service's API keys (the keys themselves are never stored: their sha256 is). */

export type KeyRole = 'portal' | 'office' | 'operator' | 'policy';
export const KEY_ROLES: readonly KeyRole[] = ['portal', 'office', 'operator', 'policy'];

/** A key as the service knows it. */
export interface ApiKey {
  name: string;
  role: KeyRole;
  /** The districts it is limited to; empty: every district. */
  districts: string[];
  createdAt: string;
  revokedAt: string | null;
}

interface Row {
  name: string;
  role: KeyRole;
  districts: string[];
  created_at: string;
  revoked_at: string | null;
}

const COLUMNS = `name, role, districts, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
  to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as revoked_at`;

const toKey = (r: Row): ApiKey => ({ name: r.name, role: r.role, districts: r.districts, createdAt: r.created_at, revokedAt: r.revoked_at });

/** Stores a new key; false when the name was ever used (names stay with the key they named, revoked or not). */
export async function insertKey(q: Queryable, key: { name: string; role: KeyRole; districts: readonly string[]; hash: string }): Promise<boolean> {
  const rows = await q.query(
    `insert into api_keys (name, role, districts, key_hash) values ($1, $2, $3, $4) on conflict (name) do nothing returning name`,
    [key.name, key.role, key.districts, key.hash],
  );
  return rows.length === 1;
}

/** The live (not revoked) key with this hash, or null. */
export async function keyByHash(q: Queryable, hash: string): Promise<ApiKey | null> {
  const rows = await q.query<Row>(`select ${COLUMNS} from api_keys where key_hash = $1 and revoked_at is null`, [hash]);
  return rows[0] ? toKey(rows[0]) : null;
}

export async function listKeys(q: Queryable): Promise<ApiKey[]> {
  return (await q.query<Row>(`select ${COLUMNS} from api_keys order by name collate "C"`)).map(toKey);
}

/** Revokes a live key: 'revoked', 'already' (revoked before) or 'unknown'. */
export async function revokeKey(q: Queryable, name: string): Promise<'revoked' | 'already' | 'unknown'> {
  const rows = await q.query<{ revoked_now: boolean }>(
    `with k as (select name, revoked_at from api_keys where name = $1 for update),
          up as (update api_keys a set revoked_at = now() from k where a.name = k.name and k.revoked_at is null returning a.name)
     select exists (select 1 from up) as revoked_now from k`,
    [name],
  );
  if (!rows[0]) return 'unknown';
  return rows[0].revoked_now ? 'revoked' : 'already';
}
