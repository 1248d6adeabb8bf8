import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { MAX_APPLICATION_BYTES } from '../online/register.js';
import { bearerKey, hashApiKey } from './api-key.js';
import { checkKey } from './auth.js';
import { beginRequest, type InFlightRequest } from './in-flight.js';
import { pageRoutes } from './pages/index.js';
import { errorHandler, problem, sendProblem } from './problem.js';
import type { ServerState } from './request-context.js';
import { actionRoutes } from './routes/actions.js';
import { applicationRoutes } from './routes/applications.js';
import { complaintRoutes } from './routes/complaints.js';
import { healthRoutes } from './routes/health.js';
import { followUpRoutes } from './routes/follow-up.js';
import { publicRoutes } from './routes/public.js';
import { runRoutes } from './routes/runs.js';
import { validatorCompiler } from './validation.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as sent (a registration is stored as it came, like an imported line). */
    rawBody?: string;
  }
}

export interface ServerOptions {
  /** Requests per minute allowed to one key (or to one address without a key); per process. */
  rateLimitPerMinute: number;
  /** Behind a load balancer: take the client's address from X-Forwarded-For. */
  trustProxy?: boolean;
}

/** A request id from the caller (a load balancer's) when it is a sane token, else a new one. */
function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
}

/** A URL for the log: no IIN (a child's, in a lookup's query) ever reaches it. */
export function loggableUrl(url: string): string {
  return url.replace(/\d{12}/g, '[iin]').slice(0, 300);
}

/** Routes exempt from the rate limit: the docs' assets and the probes. */
const unlimited = (req: FastifyRequest) => req.url.startsWith('/docs') || req.url === '/healthz' || req.url === '/readyz';

/**
 * The HTTP service (api.md) on Fastify: the routes' JSON Schemas validate,
 * serialise and make the OpenAPI document; one error handler answers every
 * error as problem+json; each request gets its context (request id, key,
 * date, rules, calendar, database) before its handler runs.
 */
export async function buildServer(state: ServerState, o: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: state.ctx.log.child({ component: 'http' }) as FastifyBaseLogger,
    // One line per request of our own (onResponse below): no body, no IIN in the URL.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestId,
    bodyLimit: MAX_APPLICATION_BYTES,
    // Longer ids reach the schema, which names the problem (too_long), instead of a bare 404.
    routerOptions: { maxParamLength: 1000 },
    trustProxy: o.trustProxy ?? false,
    // A request already sent when SIGTERM comes is served, not refused: stopping finishes what is in flight.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => sendProblem(reply, problem(req, 404, 'NOT_FOUND', `no route ${req.method} ${loggableUrl(req.url.split('?')[0]!)}`)));

  // JSON only (no text/plain): anything else is 415. The text is kept as sent.
  app.removeAllContentTypeParsers();
  const json = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    req.rawBody = body as string;
    json(req, body as string, done);
  });

  // Served over plain HTTP (no TLS proxy in front), the pages' forms and links must stay on HTTP:
  // no upgrade-insecure-requests then, or a browser sends every form to an https:// that is not there.
  await app.register(helmet, { global: true, contentSecurityPolicy: { directives: { upgradeInsecureRequests: o.trustProxy ? [] : null } } });
  await app.register(rateLimit, {
    global: true,
    max: o.rateLimitPerMinute,
    timeWindow: '1 minute',
    // By key (hashed: no key is kept in memory as it was sent), else by address.
    keyGenerator: (req) => {
      const key = bearerKey(req.headers.authorization);
      return key ? `key:${hashApiKey(key).slice(0, 32)}` : `ip:${req.ip}`;
    },
    allowList: unlimited,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kezek: the kindergarten queue (online service)',
        version: '1',
        description:
          'The back end of the electronic service: the e-government portal and front offices register applications, look them up and take the lifecycle steps. Errors are application/problem+json (RFC 9457) with reason codes as in rejects.ndjson.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key made by `kezek keys create`' } } },
      tags: [
        { name: 'applications', description: 'registration and lookups' },
        { name: 'lifecycle', description: 'referral and application steps' },
        { name: 'complaints', description: 'complaints, due in working days' },
        { name: 'runs', description: 'nightly runs' },
        { name: 'public', description: 'the vacancy bulletin and statistics: no key, nothing personal' },
        { name: 'service', description: 'health and documents' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // In flight from the first hook until the handler has answered (a stop closes the pool only after).
  const flights = new WeakMap<FastifyRequest, InFlightRequest>();
  app.addHook('onRequest', async (req, reply) => {
    const flight = beginRequest(state);
    flights.set(req, flight);
    reply.raw.once('close', flight.connectionClosed);
  });
  app.addHook('preHandler', async (req) => {
    flights.get(req)?.handlerStarted();
  });
  // After the rate limit (its hooks run at onRequest), before the body is parsed.
  app.addHook('preParsing', async (req, _reply, payload) => {
    await checkKey(state)(req);
    return payload;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    flights.get(req)?.answered();
    void reply.header('x-request-id', req.id);
    // Stopping: each connection ends with its answer, so that no keep-alive connection holds the stop up.
    if (state.stopping) void reply.header('connection', 'close');
    return payload;
  });
  // One line per request; the URL without IINs, never a body.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ method: req.method, url: loggableUrl(req.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });

  await app.register(healthRoutes(state));
  await app.register(applicationRoutes);
  await app.register(actionRoutes);
  await app.register(complaintRoutes);
  await app.register(runRoutes);
  await app.register(followUpRoutes);
  await app.register(publicRoutes);
  await app.register(pageRoutes);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
