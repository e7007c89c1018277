/**
 * POST /interactions (record_interaction): append one user–item event. The foreign key on
 * user_id is the existence check; a violation becomes 422 naming the missing user.
 */
import type { FastifyInstance } from 'fastify';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '../db.js';
import type { AppDeps } from '../deps.js';
import { unprocessable } from '../errors.js';
import { INTERACTION_KINDS } from '../schema.js';
import { errorSchema, idParam } from './schemas.js';

interface InteractionBody { user_id: number; item_id: number; kind: (typeof INTERACTION_KINDS)[number] }

const interactionSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['user_id', 'item_id', 'kind'],
    properties: { user_id: idParam, item_id: idParam, kind: { type: 'string', enum: [...INTERACTION_KINDS] } },
  },
  response: {
    201: {
      type: 'object',
      properties: {
        id: { type: 'integer' }, user_id: { type: 'integer' }, item_id: { type: 'integer' },
        kind: { type: 'string' }, created_at: { type: 'string', format: 'date-time' },
      },
    },
    '4xx': errorSchema,
  },
} as const;

export function interactionRoutes(deps: AppDeps) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: InteractionBody }>('/interactions', { schema: interactionSchema }, async (request, reply) => {
      const { user_id, item_id, kind } = request.body;
      const res = await db
        .query(
          request.timing,
          `INSERT INTO interactions (user_id, item_id, kind) VALUES ($1, $2, $3)
           RETURNING id, user_id, item_id, kind, created_at`,
          [user_id, item_id, kind],
        )
        .catch((err: unknown) => {
          throw pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION ? unprocessable(`user_id ${user_id} does not exist`) : err;
        });
      return reply.code(201).send(res.rows[0]);
    });
  };
}
