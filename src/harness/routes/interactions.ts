/**
 * POST /interactions (record_interaction): append one user–item event. The foreign key on
 * user_id is the existence check; a violation becomes 422 naming the missing user.
 * With the task queue on (deps.queue), the validated event is enqueued instead and the answer
 * is 202 Accepted with the job id; a worker (queue/worker.ts) writes it with the same SQL.
 */
import type { FastifyInstance } from 'fastify';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode, type Db } from '../db.js';
import type { AppDeps } from '../deps.js';
import { unprocessable } from '../errors.js';
import { INTERACTION_KINDS } from '../schema.js';
import type { RequestTiming } from '../timing.js';
import { errorSchema, idParam } from './schemas.js';

export interface InteractionBody { user_id: number; item_id: number; kind: (typeof INTERACTION_KINDS)[number] }

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
    202: {
      type: 'object',
      required: ['job_id', 'status'],
      properties: { job_id: { type: 'string' }, status: { type: 'string', enum: ['queued'] } },
    },
    '4xx': errorSchema,
  },
} as const;

/** Write one interaction; a foreign-key violation (unknown user) is rethrown as the pg error. */
export async function insertInteraction(db: Db, t: RequestTiming, body: InteractionBody) {
  const res = await db.query(
    t,
    `INSERT INTO interactions (user_id, item_id, kind) VALUES ($1, $2, $3)
     RETURNING id, user_id, item_id, kind, created_at`,
    [body.user_id, body.item_id, body.kind],
  );
  return res.rows[0];
}

export function interactionRoutes(deps: AppDeps) {
  const { db, queue } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: InteractionBody }>('/interactions', { schema: interactionSchema }, async (request, reply) => {
      const { user_id, item_id, kind } = request.body;
      if (queue) {
        const jobId = await queue.enqueue(request.timing, { user_id, item_id, kind });
        return reply.code(202).send({ job_id: jobId, status: 'queued' });
      }
      const row = await insertInteraction(db, request.timing, { user_id, item_id, kind }).catch((err: unknown) => {
        throw pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION ? unprocessable(`user_id ${user_id} does not exist`) : err;
      });
      return reply.code(201).send(row);
    });
  };
}
