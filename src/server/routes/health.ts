import type { FastifyPluginAsync } from 'fastify';
import { pendingMigrations } from '../../db/migrate.js';
import { problem, problemResponses, sendProblem } from '../problem.js';
import type { ServerState } from '../request-context.js';

/** How long readiness waits for the database to answer. */
const READY_TIMEOUT_MS = 2000;

/** Liveness and readiness, for the load balancer and the process supervisor (no key). */
export function healthRoutes(state: ServerState): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['service'],
          summary: '200 while the process lives',
          response: { 200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } },
        },
      },
      async () => ({ status: 'ok' }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['service'],
          summary: '200 when the database answers and its schema is current; else 503',
          response: {
            200: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ready'] }, database: { type: 'string' } } },
            ...problemResponses,
          },
        },
      },
      async (req, reply) => {
        if (state.stopping) return sendProblem(reply, problem(req, 503, 'NOT_READY', 'the server is stopping'));
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), READY_TIMEOUT_MS)));
        try {
          const pending = await Promise.race([pendingMigrations(state.db), timeout]);
          if (pending === 'timeout') return sendProblem(reply, problem(req, 503, 'NOT_READY', `the database did not answer within ${READY_TIMEOUT_MS / 1000} s`));
          if (pending.length) return sendProblem(reply, problem(req, 503, 'NOT_READY', `the database schema is behind: migrations ${pending.map((m) => m.name).join(', ')} are not applied`));
          return { status: 'ready', database: state.db.kind };
        } catch (e) {
          req.log.warn({ err: e }, 'readiness: the database does not answer');
          return sendProblem(reply, problem(req, 503, 'NOT_READY', 'the database does not answer'));
        } finally {
          clearTimeout(timer);
        }
      },
    );
  };
}
