import type { KezekContext } from '../context.js';
import type { Database } from '../db/database.js';
import type { ApiKey } from '../db/keys.js';
import type { Calendar } from '../domain/calendar.js';
import type { Logger } from '../log.js';
import type { Position } from '../online/position.js';
import { fastestEvaluator } from '../rules/engine.js';
import type { RuleLibrary } from '../rules/library.js';
import type { RuleEvaluator } from '../rules/reference-engine.js';
import type { RuleSet } from '../rules/ruleset.js';
import { cachedReads } from './cached-reads.js';
import type { CohortCache } from './cohort-cache.js';
import type { ReferenceCache } from './reference-cache.js';
import { serviceDatabase, type RunWaits, type WriteScope } from './service-db.js';

/** What the server holds for its lifetime: made once at start. */
export interface ServerState {
  /** The process's context: config, logger, the rules folder, the calendar. */
  readonly ctx: KezekContext;
  readonly db: Database;
  readonly cohorts: CohortCache;
  /** The districts and kindergartens a registration is checked against, kept a few seconds. */
  readonly reference: ReferenceCache;
  /** The business date of a request: today in Kazakhstan, or the date the server was started for. */
  readonly today: () => string;
  /** How long and how many writes wait for a district's nightly transaction before RUN_IN_PROGRESS. */
  readonly runWaits: RunWaits;
  /** Evaluators by rule set hash: compiling rules takes longer than judging a cohort. */
  readonly evaluators: Map<string, RuleEvaluator>;
  /** Set when the process is stopping: readiness answers 503. */
  stopping: boolean;
  /** Requests being answered now, and when the last one ended (a stop waits for quiet). */
  inFlight: number;
  lastAnsweredAt: number;
}

/**
 * One request's context: its logger (with the request id), its business
 * date, the rule set in force at that date and its evaluator, the calendar,
 * the database (reads through the cohort copy) and who acts (`key:NAME`).
 */
export class RequestContext {
  readonly date: string;
  /** When the request began (ms since the epoch). */
  readonly startedAt = Date.now();
  private ruleSet: RuleSet | undefined;

  constructor(
    private readonly state: ServerState,
    readonly log: Logger,
    readonly key: ApiKey | null,
  ) {
    this.date = state.today();
  }

  /** The same request acting as `key` (a console page signed in with it). */
  withKey(key: ApiKey, log: Logger): RequestContext {
    return new RequestContext(this.state, log, key);
  }

  /** The rule set in force at the request's date. */
  get rules(): RuleSet {
    return (this.ruleSet ??= this.state.ctx.rules.at(this.date));
  }

  get evaluator(): RuleEvaluator {
    const rules = this.rules;
    let e = this.state.evaluators.get(rules.hash);
    if (!e) this.state.evaluators.set(rules.hash, (e = fastestEvaluator(rules)));
    return e;
  }

  get calendar(): Calendar {
    return this.state.ctx.calendar;
  }

  /** Every rule set of the rules folder (a past decision is explained with the rules of its day). */
  get ruleLibrary(): RuleLibrary {
    return this.state.ctx.rules;
  }

  /** Hashes of every rule set of the rules folder (explain: whether a past run's rules are still there). */
  get knownRuleHashes(): ReadonlySet<string> {
    return this.state.ctx.rules.hashes();
  }

  /** The actor of every event this request causes. */
  get actor(): string {
    return this.key ? `key:${this.key.name}` : 'anonymous';
  }

  /** Every queued member's position in a cohort at the request's date (cohort-positions.ts), from the server's copy. */
  cohortPositions(district: string, birthYear: number, token?: string): Promise<Map<string, Position>> {
    return this.state.cohorts.positions(this.state.db, district, birthYear, this.date, this.rules, this.evaluator, token);
  }

  /** True when the kept lists of districts and kindergartens were read before this request began. */
  get referenceKeptFromBefore(): boolean {
    return this.state.reference.readBefore(this.startedAt);
  }

  forgetReference(): void {
    this.state.reference.clear();
  }

  /** Reads straight from the database (positionOf for one child, when its cohort's copy may not have it yet). */
  get fresh(): Database {
    return serviceDatabase(this.state.db, this.state.db, null, this.state.runWaits);
  }

  /** For reads and for writes that change no queue (referral actions, complaints): lock waits bounded. */
  get db(): Database {
    return this.writing(null);
  }

  /** For a write that changes a district's queue: held against the district's nightly run, cohort versions raised. */
  writing(scope: WriteScope | null): Database {
    const { db, cohorts, reference } = this.state;
    return serviceDatabase(db, cachedReads(db, cohorts, reference), scope, this.state.runWaits, (c, version) => cohorts.changedHere(c.district, c.birthYear, version, c.application));
  }
}
