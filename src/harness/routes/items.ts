/**
 * GET /items/popular: the most interacted-with items over the last `days` days, an
 * aggregation over the interactions table (the endpoint whose cost the index switch and
 * the cache change most). Cached for cache.popularTtlMs when the cache is on.
 */
import type { FastifyInstance } from 'fastify';
import { cacheAside } from '../cache.js';
import type { AppDeps } from '../deps.js';
import { errorSchema } from './schemas.js';

interface PopularQuery { days: number; limit: number }
interface PopularItem { item_id: number; count: number }

const popularSchema = {
  querystring: {
    type: 'object',
    properties: {
      days: { type: 'integer', minimum: 1, maximum: 365, default: 7 },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
    },
  },
  response: {
    200: {
      type: 'object',
      properties: {
        days: { type: 'integer' }, limit: { type: 'integer' },
        items: {
          type: 'array',
          items: { type: 'object', properties: { item_id: { type: 'integer' }, count: { type: 'integer' } } },
        },
      },
    },
    '4xx': errorSchema,
  },
} as const;

export function itemRoutes(deps: AppDeps) {
  const { db, cache, options } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: PopularQuery }>('/items/popular', { schema: popularSchema }, async (request) => {
      const { days, limit } = request.query;
      const t = request.timing;
      const items = await cacheAside(cache, t, `popular:${days}:${limit}`, options.cache.popularTtlMs, async () => {
        const res = await db.query<PopularItem>(
          t,
          `SELECT item_id, count(*)::int AS count FROM interactions
           WHERE created_at >= now() - make_interval(days => $1)
           GROUP BY item_id ORDER BY count DESC, item_id LIMIT $2`,
          [days, limit],
        );
        return res.rows;
      });
      return { days, limit, items: items ?? [] };
    });
  };
}
