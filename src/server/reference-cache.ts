import type { Queryable } from '../db/database.js';
import { KNOWN_DISTRICTS_SQL, KNOWN_KINDERGARTENS_SQL } from '../db/imports.js';

/**
 * The lists of districts and kindergartens a registration is checked against
 * (every one of them: ten thousand kindergartens for the country), kept for a
 * few seconds instead of read for each registration. They change only by an
 * import; a registration refused for an unknown district or kindergarten by a
 * kept list is checked again with fresh ones (see routes/applications.ts), so
 * a kindergarten imported a moment ago is never refused.
 */
export class ReferenceCache {
  private readonly kept = new Map<string, { rows: Promise<unknown[]>; at: number }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True for the statements this cache answers. */
  static answers(sql: string): boolean {
    return sql === KNOWN_DISTRICTS_SQL || sql === KNOWN_KINDERGARTENS_SQL;
  }

  rows(q: Queryable, sql: string): Promise<unknown[]> {
    const hit = this.kept.get(sql);
    if (hit && this.now() - hit.at < this.maxAgeMs) return hit.rows;
    const rows = q.query(sql);
    this.kept.set(sql, { rows, at: this.now() });
    rows.catch(() => this.kept.delete(sql));
    return rows;
  }

  /** True when a list kept now was read before `t` (so a refusal it gave may be out of date). */
  readBefore(t: number): boolean {
    return [...this.kept.values()].some((k) => k.at < t);
  }

  clear(): void {
    this.kept.clear();
  }
}
