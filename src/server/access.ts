import type { ApiKey, KeyRole } from '../db/keys.js';
import { KezekError } from '../errors.js';

/**
 * Who may do what (api.md): a route names the roles it serves (the routes
 * that answer personal data serve portal, office and operator only); a key
 * limited to districts reaches only applications (and runs' districts) of those.
 */

export function mayReachDistrict(key: ApiKey, district: string): boolean {
  return key.districts.length === 0 || key.districts.includes(district);
}

/** 403 unless the key may reach the district. */
export function requireDistrict(key: ApiKey, district: string): void {
  if (!mayReachDistrict(key, district)) {
    throw new KezekError('FORBIDDEN', `key ${key.name} is limited to districts ${key.districts.join(', ')}; this is district ${district}`, { district });
  }
}

/** 403 unless the key's role is one of `roles`. */
export function requireRole(key: ApiKey, roles: readonly KeyRole[], what: string): void {
  if (!roles.includes(key.role)) throw new KezekError('FORBIDDEN', `a ${key.role} key may not ${what} (allowed: ${roles.join(', ')})`, { role: key.role });
}
