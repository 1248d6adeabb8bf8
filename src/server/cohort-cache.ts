import { cohortToken, districtFingerprints } from '../db/cohort-versions.js';
import type { Queryable } from '../db/database.js';
import { APPLICATION_ROW_SQL, cohortApplications, QUEUED_COHORT_SQL } from '../db/queue.js';
import { compareIds } from '../domain/ids.js';
import type { Position } from '../online/position.js';
import type { RuleEvaluator } from '../rules/reference-engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import { cohortPositions } from './cohort-positions.js';

/**
 * A server's copy of each cohort's queue, so that a queue number (positionOf,
 * which judges the whole cohort to number one child) costs one small index
 * lookup instead of reading a few thousand rows. The copy is the rows the
 * cohort read returns, unchanged: the service computes positions from them
 * exactly as from the database. It is used only while the cohort's token is
 * the one it was read under (db/cohort-versions.ts: the service's own
 * changes, in any process, and the district's nights). Changes made outside
 * the service (an import, the command line) raise no version: every
 * `checkEveryMs` a background read of the district's fingerprints (one scan
 * for all its cohorts) confirms each copy, or drops it when its cohort
 * changed; a copy no check confirmed for `maxAgeMs` is read again. So such a
 * change is seen within about `checkEveryMs`, and a cohort is read again only
 * when it changed. When this process itself changed one application of the cohort (and the
 * version moved by exactly its own changes), only that application is read
 * again. With each copy go the positions of its members at a date
 * (cohort-positions.ts), computed once per copy, date and rule set.
 */
export interface CohortCacheConfig {
  /** How often a district's copies are checked against its fingerprints (changes made outside the service are seen within about this). */
  checkEveryMs: number;
  /** How long a copy no check confirmed may be used at most. */
  maxAgeMs: number;
  /** Rows kept across all cohorts; the least recently used cohorts go first. */
  maxRows: number;
}

interface Entry {
  district: string;
  birthYear: number;
  token: string;
  /** The cohort's fingerprint when it was read (districtFingerprints); '' after this process changed it, until the next check. */
  fingerprint: string;
  rows: Row[];
  /** When it was read, or last confirmed by a check. */
  readAt: number;
  /** Positions of the members, by date and rule set hash (the latest few). */
  positions: Map<string, Promise<Map<string, Position>>>;
  /** Versions this process made, each changing one application: version → application id. */
  own: Map<number, string>;
}

/** A row of QUEUED_COHORT_SQL (only its id is looked at here). */
type Row = { id: string; status?: string };

/** An application's row of its cohort (APPLICATION_ROW_SQL's shape), read in one statement with the cohort's token. */
export interface KnownRow {
  token: string;
  district: string;
  birthYear: number;
  row: Row;
}

/** Dates (and rule sets) whose positions a copy keeps: today's, and a request's own date now and then. */
const POSITION_DATES_KEPT = 2;

const parseToken = (token: string): { version: number; nights: string } => {
  const [version, nights] = token.split('/');
  return { version: Number(version), nights: nights ?? '' };
};

export class CohortCache {
  private readonly entries = new Map<string, Entry>();
  /** Reads in flight, by cohort and token: concurrent misses wait for one read. */
  private readonly reading = new Map<string, Promise<Entry>>();
  /** When each district's copies were last checked (or are being checked: in the future). */
  private readonly checked = new Map<string, number>();
  private rows = 0;
  /** Counts, for tests and a curious operator: answers from a copy, reads, copies patched with one application. */
  hits = 0;
  misses = 0;
  patched = 0;

  constructor(
    private readonly config: CohortCacheConfig,
    /** Where background reads go (the pool, not a request's transaction). */
    private readonly background: Queryable,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The cohort read answered from the copy (positionOf through `q`). `known`: a member's row
   * read with the cohort's token just before (cached-reads.ts), so the token is not read again.
   */
  cohortRows(q: Queryable, district: string, birthYear: number, known?: KnownRow): Promise<unknown[]> {
    return this.current(q, district, birthYear, known?.token, known).then((e) => e.rows);
  }

  /**
   * Every queued member's position at the date (as positionOf gives each), from the current copy.
   * `token`: the cohort's token when the caller just read it (with the application), else it is read here.
   */
  async positions(q: Queryable, district: string, birthYear: number, date: string, rules: RuleSet, evaluator: RuleEvaluator, token?: string): Promise<Map<string, Position>> {
    const entry = await this.current(q, district, birthYear, token);
    const key = `${date}\u0000${rules.hash}`;
    let table = entry.positions.get(key);
    if (!table) {
      table = cohortPositions(cohortApplications(entry.rows), evaluator, rules.parameters.primaryQuota, date);
      entry.positions.set(key, table);
      table.catch(() => entry.positions.delete(key));
      for (const k of entry.positions.keys()) {
        if (entry.positions.size <= POSITION_DATES_KEPT) break;
        entry.positions.delete(k);
      }
    }
    return table;
  }

  /**
   * This process committed a change of one application of the cohort, which
   * raised the cohort's version to `version`: the copy may follow by reading
   * that application alone, if no one else changed the cohort meanwhile.
   */
  changedHere(district: string, birthYear: number, version: number, application: string): void {
    const entry = this.entries.get(`${district}\u0000${birthYear}`);
    if (entry && version > parseToken(entry.token).version) entry.own.set(version, application);
  }

  /** The cohort's current copy: the one held when its token is unchanged (and it is young enough), else a fresh or patched one. */
  private async current(q: Queryable, district: string, birthYear: number, knownToken?: string, known?: KnownRow): Promise<Entry> {
    const key = `${district}\u0000${birthYear}`;
    const token = knownToken ?? (await cohortToken(q, district, birthYear));
    let entry = this.entries.get(key);
    const young = (e: Entry) => this.now() - e.readAt < this.config.maxAgeMs;
    if (entry && entry.token !== token && young(entry)) entry = (await this.patch(q, key, entry, token, known?.token === token ? known.row : undefined)) ?? entry;
    if (entry && entry.token === token && young(entry)) {
      this.hits++;
      // Most recently used last, for the eviction order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.checkSoon(district);
      return entry;
    }
    this.misses++;
    return this.read(q, key, district, birthYear, token);
  }

  /**
   * Checks the district's copies against its fingerprints in the background,
   * when the last check is older than `checkEveryMs` (less up to a quarter, so
   * districts read together are not checked together): a copy whose cohort
   * is unchanged is confirmed, another dropped (read again when asked for).
   */
  private checkSoon(district: string): void {
    const last = this.checked.get(district) ?? 0;
    const now = this.now();
    if (now - last < this.config.checkEveryMs * (0.75 + Math.random() / 4)) return;
    // Marked as checked now, so that the requests meanwhile do not start another check.
    this.checked.set(district, now);
    void districtFingerprints(this.background, district)
      .then((prints) => {
        for (const [key, e] of this.entries) {
          if (e.district !== district) continue;
          const print = prints.get(e.birthYear) ?? '';
          if (e.fingerprint === '') e.fingerprint = print;
          else if (print === e.fingerprint) e.readAt = Math.max(e.readAt, now);
          else this.drop(key);
        }
      })
      .catch(() => this.checked.delete(district));
  }

  private drop(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.rows -= e.rows.length;
  }

  /**
   * The copy brought to `token` by reading again only the applications this
   * process changed, when its own versions lead there one by one and no night
   * came between; undefined when they do not. `knownRow`: one of them as read
   * in one statement with `token` (so as of `token`), not read again.
   */
  private async patch(q: Queryable, key: string, entry: Entry, token: string, knownRow?: Row): Promise<Entry | undefined> {
    const from = parseToken(entry.token);
    const to = parseToken(token);
    if (from.nights !== to.nights || to.version <= from.version) return undefined;
    const ids: string[] = [];
    for (let v = from.version + 1; v <= to.version; v++) {
      const id = entry.own.get(v);
      if (id === undefined) return undefined;
      ids.push(id);
    }
    let rows = entry.rows;
    for (const id of new Set(ids)) {
      const [now] = id === knownRow?.id ? [knownRow] : await q.query<Row>(APPLICATION_ROW_SQL, [id]);
      rows = rows.filter((r) => r.id !== id);
      if (now?.status === 'queued') {
        const at = rows.findIndex((r) => compareIds(r.id, id) > 0);
        rows = at < 0 ? [...rows, now] : [...rows.slice(0, at), now, ...rows.slice(at)];
      }
    }
    // Another request may have moved the copy on while this one read.
    const held = this.entries.get(key);
    if (held !== entry) return held?.token === token ? held : undefined;
    this.patched++;
    // The fingerprint moved with the change; the next check takes the new one (a district scan per
    // registration would cost more than the copy saves). A change made outside the service in between
    // is then seen when the copy grows too old (maxAgeMs), not at that check.
    const next: Entry = { ...entry, token, fingerprint: '', rows, positions: new Map(), own: new Map([...entry.own].filter(([v]) => v > to.version)) };
    this.entries.set(key, next);
    this.rows += rows.length - entry.rows.length;
    return next;
  }

  /**
   * Reads the cohort: the token first, then the rows, so a change committed in
   * between leaves a copy older than its token says, which the next request
   * reads again (never one newer than it says).
   */
  private read(q: Queryable, key: string, district: string, birthYear: number, knownToken?: string): Promise<Entry> {
    const flight = `${key}\u0000${knownToken ?? ''}`;
    const pending = this.reading.get(flight);
    if (pending) return pending;
    const work = (async () => {
      const token = knownToken ?? (await cohortToken(q, district, birthYear));
      const readAt = this.now();
      const fingerprint = (await districtFingerprints(q, district, birthYear)).get(birthYear) ?? '';
      const rows = await q.query<Row>(QUEUED_COHORT_SQL, [district, birthYear]);
      const entry: Entry = { district, birthYear, token, fingerprint, rows, readAt, positions: new Map(), own: new Map() };
      this.store(key, entry);
      return entry;
    })();
    this.reading.set(flight, work);
    const done = () => this.reading.delete(flight);
    work.then(done, done);
    return work;
  }

  private store(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    // A read that started earlier than the copy held is not newer than it.
    if (old && old.readAt > entry.readAt) return;
    if (old) {
      this.rows -= old.rows.length;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.rows += entry.rows.length;
    for (const [k, e] of this.entries) {
      if (this.rows <= this.config.maxRows || k === key) break;
      this.entries.delete(k);
      this.rows -= e.rows.length;
    }
  }

  /** Forgets every copy (tests; a process told its data was replaced). */
  clear(): void {
    this.entries.clear();
    this.rows = 0;
  }

  get size(): { cohorts: number; rows: number } {
    return { cohorts: this.entries.size, rows: this.rows };
  }
}
