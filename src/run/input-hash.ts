import { createHash } from 'node:crypto';
import type { DistrictData } from '../db/runs.js';

/** What the district's allocation was computed from, as a hash (recorded in the ledger). */
export function hashDistrictInput(data: DistrictData): string {
  return createHash('sha256').update(JSON.stringify(data.places)).update('\n').update(JSON.stringify(data.applications)).digest('hex');
}
