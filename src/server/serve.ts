import type { FastifyInstance } from 'fastify';
import type { KezekContext } from '../context.js';
import type { Database } from '../db/database.js';
import { todayInKazakhstan } from '../config.js';
import { buildServer } from './app.js';
import { CohortCache } from './cohort-cache.js';
import { ReferenceCache } from './reference-cache.js';
import { RunWaits } from './service-db.js';
import type { ServerState } from './request-context.js';

export { SERVE_DEFAULTS, type ServeConfig } from './serve-config.js';
import type { ServeConfig } from './serve-config.js';

/** How long the lists of districts and kindergartens are kept (a registration refused by a kept list is checked again). */
const REFERENCE_MAX_AGE_MS = 5000;

/** After the drain, a stop waits for this long without a request before it stops listening. */
const QUIET_MS = 200;

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly state: ServerState;
  /** Where it listens, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /**
   * Stops: readiness says 503 and answers close their connections for the
   * drain period, then it stops listening and finishes the requests in
   * flight. The database stays open: its owner closes it.
   */
  stop(): Promise<void>;
}

export function serverState(ctx: KezekContext, db: Database, config: Pick<ServeConfig, 'date' | 'runWaitMs' | 'runWaiters' | 'cohortCheckEveryMs' | 'cohortMaxAgeMs' | 'cohortMaxRows'>): ServerState {
  return {
    ctx,
    db,
    cohorts: new CohortCache({ checkEveryMs: config.cohortCheckEveryMs, maxAgeMs: config.cohortMaxAgeMs, maxRows: config.cohortMaxRows }, db),
    reference: new ReferenceCache(REFERENCE_MAX_AGE_MS),
    today: config.date ? () => config.date! : () => todayInKazakhstan(),
    runWaits: new RunWaits(config.runWaitMs, config.runWaiters),
    evaluators: new Map(),
    stopping: false,
    inFlight: 0,
    lastAnsweredAt: 0,
  };
}

/** Builds the service on an open database and listens. */
export async function startServer(ctx: KezekContext, db: Database, config: ServeConfig): Promise<RunningServer> {
  const state = serverState(ctx, db, config);
  const app = await buildServer(state, { rateLimitPerMinute: config.rateLimitPerMinute, trustProxy: config.trustProxy });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    app,
    state,
    url: `http://${host}:${port}`,
    async stop() {
      state.stopping = true;
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      await sleep(config.drainMs);
      // The embedded database answers one request at a time, and reads the next only then:
      // requests already sent may still be arriving. Stop listening once none has for a moment.
      while (state.inFlight > 0 || Date.now() - state.lastAnsweredAt < QUIET_MS) await sleep(50);
      await app.close();
    },
  };
}
