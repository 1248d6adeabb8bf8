import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import { consolePages } from './console.js';
import { publicPages } from './public.js';

/**
 * The pages people open in a browser: the public pages (no login) and the
 * staff console. In their own scope: forms (application/x-www-form-urlencoded)
 * and cookies are understood here only; the API stays JSON.
 */
export const pageRoutes: FastifyPluginAsync = async (app) => {
  await app.register(cookie);
  await app.register(formbody);
  await app.register(publicPages);
  await app.register(consolePages);
};
