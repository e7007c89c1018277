/**
 * Bearer-token authentication as a route-level onRequest hook: it runs before the body is
 * parsed, so an unauthenticated request is refused (401) without further work, and sets
 * `request.userId` for the handler's ownership check (403).
 */
import type { FastifyRequest } from 'fastify';
import { unauthorized } from './errors.js';
import { TOKEN_PATTERN, type SessionStore } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user, set by `authenticate`. */
    userId: number | undefined;
  }
}

export function authenticate(sessions: SessionStore) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthorized('missing bearer token: send "Authorization: Bearer <token>" with a token from POST /login');
    const token = match[1]!;
    // Malformed tokens cannot exist in the store; skip the lookup.
    const userId = TOKEN_PATTERN.test(token) ? await sessions.lookup(request.timing, token) : undefined;
    if (userId === undefined) throw unauthorized('invalid or expired token');
    request.userId = userId;
  };
}
