/**
 * `kezek serve`'s settings and their defaults, apart from the server itself:
 * the command line names them in its help without loading Fastify.
 */
/** How `kezek serve` runs; every field has its default in SERVE_DEFAULTS. */
export interface ServeConfig {
  host: string;
  port: number;
  /** Serve as of this business date instead of today in Kazakhstan (drills, tests). */
  date?: string | undefined;
  /** Requests per minute per key (or per address without one), per process. */
  rateLimitPerMinute: number;
  /** How long a write waits for a district's nightly transaction before 409 RUN_IN_PROGRESS. */
  runWaitMs: number;
  /**
   * How many writes may wait for nightly transactions at once (each holds one
   * of the process's 20 database connections while it waits); further writes
   * to a district the night holds get 409 RUN_IN_PROGRESS at once.
   */
  runWaiters: number;
  /** How often a server checks its cohort copies for changes made outside the service (an import, the command line): how late such a change is seen. */
  cohortCheckEveryMs: number;
  /** The longest a cohort copy no check confirmed is used. */
  cohortMaxAgeMs: number;
  /** Rows of cohort queues kept in memory at most (about 1 KB each). */
  cohortMaxRows: number;
  /** Behind a load balancer: the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /**
   * After SIGTERM: how long the server keeps answering (readiness 503, every
   * answer closing its connection) before it stops listening, so that requests
   * already on their way are served, not reset.
   */
  drainMs: number;
}

export const SERVE_DEFAULTS: Readonly<Omit<ServeConfig, 'date'>> = Object.freeze({
  host: '127.0.0.1',
  port: 8080,
  rateLimitPerMinute: 60_000,
  runWaitMs: 3000,
  runWaiters: 8,
  cohortCheckEveryMs: 15_000,
  cohortMaxAgeMs: 60_000,
  cohortMaxRows: 400_000,
  trustProxy: false,
  drainMs: 1000,
});
