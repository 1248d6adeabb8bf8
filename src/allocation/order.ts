import { compareIds } from '../domain/ids.js';
import type { Application } from '../domain/types.js';

/** Within a category: earlier registration instant (UTC) first, then id in byte order. */
export function compareByRegistration(a: Application, b: Application): number {
  return a.registeredAtUs - b.registeredAtUs || compareIds(a.id, b.id);
}
