import type { CommandModule } from 'yargs';
import { checkDate, todayInKazakhstan } from '../../config.js';
import { openDatabase } from '../../db/open.js';
import { UsageError } from '../../errors.js';
import { SERVE_DEFAULTS } from '../../server/serve-config.js';
import { contextOf, print, type Common } from '../context.js';

interface Args extends Common {
  host: string;
  port: number;
  date?: string | undefined;
  'rate-limit': number;
  'trust-proxy': boolean;
}

/** Connections of a server process to PostgreSQL: requests in flight share them. */
const POOL_SIZE = 20;
/** After SIGTERM, how long requests in flight may take before the process gives up on them. */
const STOP_GRACE_MS = 20_000;

export const serveCommand: CommandModule<Common, Args> = {
  command: 'serve',
  describe: 'the online service: the HTTP API the e-government portal and front offices call (api.md)',
  builder: (y) =>
    y
      .option('host', { type: 'string', default: SERVE_DEFAULTS.host, describe: 'address to listen on' })
      .option('port', { type: 'number', default: SERVE_DEFAULTS.port, describe: 'port to listen on (0: any free port)' })
      .option('date', { type: 'string', describe: 'serve as of this business date (drills and tests; default today in Kazakhstan)' })
      .option('rate-limit', { type: 'number', default: SERVE_DEFAULTS.rateLimitPerMinute, describe: 'requests per minute per API key (or per address without one), per process' })
      .option('trust-proxy', { type: 'boolean', default: false, describe: "behind a load balancer: take the client's address from X-Forwarded-For" })
      .example('$0 serve --port 8080', 'serve on 127.0.0.1:8080 (the embedded database, or DATABASE_URL)')
      .example('DATABASE_URL=postgres://kezek@db/kezek $0 serve --host 0.0.0.0 --trust-proxy --log-level info', 'one of several servers behind a load balancer'),
  handler: async (argv) => {
    const port = Number(argv.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0 to 65535');
    const rateLimit = Number(argv['rate-limit']);
    if (!Number.isInteger(rateLimit) || rateLimit < 1) throw new UsageError('--rate-limit must be a whole number of requests per minute, 1 or more');
    const date = argv.date === undefined ? undefined : checkDate(argv.date, '--date');
    const ctx = contextOf(argv);
    // The rules and the calendar are checked before the database is opened: broken ones stop the start.
    ctx.rules.at(date ?? todayInKazakhstan());
    void ctx.calendar;
    const host = argv.host.includes(':') ? `[${argv.host}]` : argv.host;
    const owner = ctx.config.database.owner ?? { name: 'serve', command: 'kezek serve' };
    const db = await openDatabase({ ...ctx.config.database, owner: { ...owner, url: `http://${host}:${port}` }, maxConnections: POOL_SIZE });
    try {
      // Fastify and the routes are loaded when a server starts, not for every command's help.
      const { startServer } = await import('../../server/serve.js');
      const server = await startServer(ctx, db, { ...SERVE_DEFAULTS, host: argv.host, port, date, rateLimitPerMinute: rateLimit, trustProxy: argv['trust-proxy'] });
      print(`kezek serve: listening on ${server.url} (${db.kind === 'postgres' ? 'PostgreSQL' : 'embedded database'}${date ? `, as of ${date}` : ''}); API documents at ${server.url}/docs; stop with SIGTERM or Ctrl-C`);
      // The first signal stops the server gracefully; a repeated one changes nothing (the grace period bounds the wait).
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.on('SIGTERM', () => resolve('SIGTERM'));
        process.on('SIGINT', () => resolve('SIGINT'));
      });
      ctx.log.info({ signal }, 'stopping: finishing the requests in flight');
      const grace = setTimeout(() => {
        ctx.log.error({ ms: STOP_GRACE_MS }, 'requests in flight did not finish in time; stopping anyway');
        process.exit(1);
      }, STOP_GRACE_MS);
      grace.unref();
      await server.stop();
      clearTimeout(grace);
      print('kezek serve: stopped');
    } finally {
      await db.close();
    }
  },
};
