import { createHash, randomBytes } from 'node:crypto';

/**
 * API keys: 32 random bytes (256 bits) as base64url with a `kzk_` prefix (so a
 * leaked key is recognisable in logs and by secret scanners). Only the sha256
 * of a key is stored. A fast hash is right here, unlike for passwords: a key
 * is random, not chosen by a person, so there is nothing to guess from its
 * hash, and a slow hash would only make every request slower.
 */
export const KEY_PREFIX = 'kzk_';

export function newApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The key of an `Authorization: Bearer KEY` header, or null when there is none or it is not a key's shape. */
export function bearerKey(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer[ \t]+([A-Za-z0-9_-]{8,200})[ \t]*$/i.exec(header);
  return m ? m[1]! : null;
}
