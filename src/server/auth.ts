import type { FastifyRequest } from 'fastify';
import { keyByHash, type ApiKey, type KeyRole } from '../db/keys.js';
import { KezekError } from '../errors.js';
import type { Logger } from '../log.js';
import { requireRole } from './access.js';
import { bearerKey, hashApiKey } from './api-key.js';
import { RequestContext, type ServerState } from './request-context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The roles a route serves; absent for public routes (no key needed). */
    roles?: readonly KeyRole[];
  }
  interface FastifyRequest {
    /** The request's context (made when the key is known). */
    kezek: RequestContext;
  }
}

/**
 * The key check of every request (api.md): a route that names roles needs
 * `Authorization: Bearer KEY` of a live key (401 otherwise) whose role it
 * serves (403 otherwise). Then the request's context is made.
 */
export function checkKey(state: ServerState) {
  return async (req: FastifyRequest): Promise<void> => {
    const roles = req.routeOptions.config?.roles;
    let key: ApiKey | null = null;
    if (roles) {
      const raw = bearerKey(req.headers.authorization);
      if (!raw) throw new KezekError('UNAUTHORIZED', 'send an API key: Authorization: Bearer KEY');
      key = await keyByHash(state.db, hashApiKey(raw));
      if (!key) throw new KezekError('UNAUTHORIZED', 'the API key is not known, or was revoked');
      requireRole(key, roles, `${req.method} ${req.routeOptions.url ?? req.url}`);
    }
    req.kezek = new RequestContext(state, (key ? req.log.child({ key: key.name }) : req.log) as Logger, key);
  };
}

/** The request's key (routes that name roles always have one). */
export function keyOf(req: FastifyRequest): ApiKey {
  const key = req.kezek.key;
  if (!key) throw new KezekError('UNAUTHORIZED', 'send an API key: Authorization: Bearer KEY');
  return key;
}
