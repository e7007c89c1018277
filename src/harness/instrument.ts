/**
 * Fastify hooks that time every request (see timing.ts) and report it twice: a Server-Timing
 * response header, and the per-route aggregates behind GET /__stats. Hooks are callback-style
 * (not async) so the phases they bracket stay synchronous and can be charged to `cpu`:
 * preValidation→preHandler is schema validation, preSerialization→onSend is serialisation.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RouteStats } from './route-stats.js';
import { now, RequestTiming, serverTimingHeader } from './timing.js';

declare module 'fastify' {
  interface FastifyRequest {
    timing: RequestTiming;
  }
}

/** Charge the open hook-delimited phase, if any, to cpu. */
function closePhase(t: RequestTiming): void {
  if (t.phaseStart !== undefined) {
    t.cpu += now() - t.phaseStart;
    t.phaseStart = undefined;
  }
}

/** "GET /users/:id"; requests that matched no route are pooled under "(unmatched)". */
export function routeKey(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? '(unmatched)'}`;
}

export const STATS_PATH = '/__stats';

export function installInstrumentation(app: FastifyInstance, stats: RouteStats): void {
  app.decorateRequest('timing', null as unknown as RequestTiming);
  app.addHook('onRequest', (request, _reply, done) => {
    request.timing = new RequestTiming();
    done();
  });
  app.addHook('preValidation', (request, _reply, done) => {
    request.timing.phaseStart = now();
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    closePhase(request.timing);
    done();
  });
  app.addHook('preSerialization', (request, _reply, payload, done) => {
    closePhase(request.timing); // a failed validation leaves its phase open
    request.timing.phaseStart = now();
    done(null, payload);
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    closePhase(request.timing);
    void reply.header('server-timing', serverTimingHeader(request.timing));
    done(null, payload);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const t = request.timing;
    if (!request.routeOptions.url?.startsWith(STATS_PATH)) {
      stats.record(routeKey(request), t, reply.statusCode, now() - t.start);
    }
    done();
  });
}
