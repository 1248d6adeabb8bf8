import type { FastifyPluginAsync } from 'fastify';

/** The staff console: sign-in with a key, nights and their reports, the due list, applications, complaints, rules. */
export const consolePages: FastifyPluginAsync = async () => {};
