/**
 * GET /__stats (per-route timing aggregates, see route-stats.ts) and POST /__stats/reset.
 * These two routes are not themselves counted.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { STATS_PATH } from '../instrument.js';

export function statsRoutes(deps: AppDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(STATS_PATH, async () => deps.stats.snapshot());
    app.post(`${STATS_PATH}/reset`, async (_request, reply) => {
      deps.stats.reset();
      return reply.code(204).send();
    });
  };
}
