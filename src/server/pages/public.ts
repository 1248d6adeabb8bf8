import type { FastifyPluginAsync } from 'fastify';

/** The public pages: districts, the vacancy bulletin, statistics, a family's lookup. */
export const publicPages: FastifyPluginAsync = async () => {};
