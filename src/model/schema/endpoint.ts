/**
 * Endpoints as flows of steps. Each step is a one-key mapping naming what it does:
 *   - cpu: { lognormal: { mean: 2ms, cv: 0.5 } }        compute on the app instance
 *   - db: get_user  |  db: { query: list_users, route: replica, repeat: 21 }
 *   - cache_get: { cache: redis, key: "user:{user}", on_miss: [ …steps… ] }
 *   - cache_set / cache_delete: { cache: redis, key: "user:{user}" }
 *   - call: load_profile        (a named flow)     - sleep: { constant: 20ms }
 *   - visit: q                  (a plain station)  - respond: 202   (respond now, go on)
 *   - enqueue: { queue: emails, task: send_welcome_email }   (publish a background task)
 * Names are checked against the rest of the model by the normalizer.
 */
import { z } from 'zod';
import { keyedUnion, type OneKeyOf } from './keyed.js';
import { name } from './names.js';
import { count } from './units.js';
import { timeDistribution } from './distribution.js';

const KEY_PATTERN = String.raw`^[^{}]*(\{[A-Za-z_][A-Za-z0-9_]*\}[^{}]*)?$`;

function key() {
  return z.string().min(1)
    .regex(new RegExp(KEY_PATTERN), { message: 'a key holds at most one {key_space} placeholder, e.g. user:{user}' })
    .describe('The cache key, with at most one {key_space} placeholder filled from the request, e.g. "user:{user}".');
}

const dbQuery = z.strictObject({
  query: name('query').describe("A query from a database's `queries` catalogue."),
  database: name('component').optional().describe('The database holding the query (default: the one database that defines it).'),
  route: z.enum(['auto', 'primary', 'replica']).default('auto')
    .describe('Where a read goes: auto (replicas when configured, primary within the read-your-writes window), primary, replica.'),
  repeat: count({ min: 1 }).default(1).describe('Run the query this many times in a row: the N+1 pattern is repeat: N+1.'),
});

const cacheOp = z.strictObject({
  cache: name('component').describe('The cache component.'),
  key: key(),
});

const enqueueOp = z.strictObject({
  queue: name('component').describe('The worker_queue component.'),
  task: name('task').describe("A task defined under that worker_queue's `tasks`."),
});

export interface CacheGetConfig {
  cache: string;
  key: string;
  on_miss?: Step[] | undefined;
}

const stepVariants = {
  cpu: timeDistribution().describe('CPU work on the app instance running the request.'),
  sleep: timeDistribution().describe('Wait without CPU (an external call); the request keeps what it holds.'),
  db: z.union([name('query'), dbQuery]).describe('Run a database query: a query name, or { query, route, repeat, database }.'),
  cache_get: z.strictObject({
    cache: name('component').describe('The cache component.'),
    key: key(),
    on_miss: z.lazy(() => steps()).optional().describe('Steps run when the key is not cached (load it, then cache_set).'),
  }).describe('Look a key up in a cache; on a miss run on_miss, then continue.'),
  cache_set: cacheOp.describe('Store a key in a cache (after loading it).'),
  cache_delete: cacheOp.describe('Invalidate a key (after a write).'),
  call: name('flow').describe('Run a named flow from `flows:`, then continue.'),
  visit: name('component').describe('Queue at a station component and receive its service.'),
  respond: z.number().int().min(100).max(599).describe('Send the response now with this HTTP status (e.g. 202); the flow goes on in the background.'),
  enqueue: enqueueOp.describe('Publish a task to a worker_queue (the request waits only for the broker), then continue; `respond: 202` before it answers at once.'),
};

export type Step = OneKeyOf<typeof stepVariantsForType>;
// the type view of the variants, with on_miss's recursion spelled out
declare const stepVariantsForType: {
  cpu: typeof stepVariants.cpu;
  sleep: typeof stepVariants.sleep;
  db: typeof stepVariants.db;
  cache_get: z.ZodType<CacheGetConfig>;
  cache_set: typeof cacheOp;
  cache_delete: typeof cacheOp;
  call: z.ZodString;
  visit: z.ZodString;
  respond: z.ZodNumber;
  enqueue: typeof enqueueOp;
};

let stepSchema: z.ZodType<Step, unknown> | undefined;

export function step(): z.ZodType<Step, unknown> {
  stepSchema ??= keyedUnion('step', stepVariants, { example: '{ cpu: { exponential: { mean: 2ms } } }' }) as unknown as z.ZodType<Step, unknown>;
  return stepSchema;
}

export function steps(): z.ZodType<Step[], unknown> {
  return z.array(step()).min(1).describe('Steps run in order.');
}

export const endpointSchema = z.union([
  steps(),
  z.strictObject({
    description: z.string().optional().describe('What the endpoint does.'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional().describe('HTTP method (for reports).'),
    path: z.string().optional().describe('HTTP path (for reports), e.g. /users/{id}.'),
    steps: steps(),
  }),
]).describe('An endpoint: its steps, or { description, method, path, steps }.');

export type EndpointConfig = z.output<typeof endpointSchema>;

/** The steps of an endpoint in either form. */
export function endpointSteps(e: EndpointConfig): readonly Step[] {
  return Array.isArray(e) ? e : (e as { steps: Step[] }).steps;
}
