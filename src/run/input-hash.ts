import { createHash } from 'node:crypto';
import type { DistrictData } from '../db/runs.js';

/**
 * What the district's allocation was computed from, as a hash (recorded in
 * the ledger): one compact line per place and per application, hashed in
 * large pieces (much cheaper than serialising the objects).
 */
export function hashDistrictInput(data: DistrictData): string {
  const h = createHash('sha256');
  let chunk = '';
  for (const p of data.places) chunk += `P\t${p.kindergarten}\t${p.group}\t${p.birthYear}\t${p.language}\t${p.groupType}\t${p.seats}\n`;
  for (const a of data.applications) {
    chunk += `A\t${a.id}\t${a.birthDate}\t${a.registeredAtUs}\t${a.channel}\t${a.preferences.join(',')}\t${a.acceptAnyInDistrict}\t${a.language}\t${a.groupType}\t${a.desiredFrom}\t${a.stopListUntil ?? ''}\t${a.rights.length ? JSON.stringify(a.rights) : ''}\t${a.status}\n`;
    if (chunk.length > 1 << 20) {
      h.update(chunk);
      chunk = '';
    }
  }
  return h.update(chunk).digest('hex');
}
