/**
 * The traffic section: a list of sources, each one of
 *  - `open_loop`: arrivals at a rate (constant or a profile) spread over an endpoint mix;
 *  - `closed_loop`: Locust-style users who each run tasks, waiting between them;
 *  - `trace`: replay of recorded requests from a CSV or JSONL file.
 * Endpoints and key spaces are referred to by name; the normalizer checks they exist.
 * Any source may add a `client:` block: timeouts, retries with backoff, a retry budget and a
 * circuit breaker — clients that behave like clients (workload/client/).
 */
import { z } from 'zod';
import { extname } from 'node:path';
import { backoffSchema } from '../../components/policies/backoff/schema.js';
import { keyDistribution, type DistributionSpec } from './distribution.js';
import { reject } from './issue.js';
import { name, weights } from './names.js';
import { rateProfile } from './rate-profile.js';
import { count, duration, fraction, rate } from './units.js';
import { waitTime } from './wait-time.js';

const KEY_KINDS = ['uniform', 'zipf', 'hotset'];

/** Named key spaces (user, item, session…) each with its popularity distribution. */
function keySpaces() {
  return z.record(name('key space'), keyDistribution())
    .superRefine((spaces, ctx) => {
      for (const space of Object.keys(spaces)) {
        if (!KEY_KINDS.includes(space)) continue;
        const hint = `name the key space first: \`keys: { user: { ${space}: … } }\``;
        reject(ctx, space, { detail: `\`${space}\` is a distribution, not a key space name`, hint, atKey: true, subsumes: true }, [space]);
      }
    })
    .describe('Key popularity per key space, e.g. { user: { zipf: { s: 1.1, n: 1M } } }.');
}

const positive = (what: string, example: string) => (value: number, ctx: z.core.$RefinementCtx<any>, path: string[]) => {
  if (!(value > 0)) reject(ctx, value, { code: 'SIM_E_INVALID_VALUE', expected: `${what} > 0, e.g. ${example}` }, path);
};

const client = z.strictObject({
  timeout: duration().optional()
    .describe('How long the client waits for each attempt before giving up on it (the server keeps working on it); default: forever.'),
  retries: z.strictObject({
    max: count().describe('Retries after the first attempt (0: none). Timeouts, 5xx and 429 are retried.'),
    backoff: backoffSchema({ base: '100ms', cap: '10s', jitter: 'full' }).optional()
      .describe('Delay before each retry (exponential, capped, jittered); without it a failed attempt is retried at once.'),
  }).optional().describe('Retries of failed attempts, as new requests with the same keys.'),
  budget: z.strictObject({
    ratio: fraction().describe('Retries allowed per call: each call deposits this many tokens and each retry spends one, e.g. 10% (Finagle-style).'),
    burst: count({ min: 1 }).default(10).describe('Most tokens saved up: retries allowed at once after a quiet spell (default 10).'),
  }).optional().describe('A retry budget (token bucket): with every attempt failing, retries stay below ratio × calls + burst.'),
  circuit_breaker: z.strictObject({
    failure_threshold: fraction().describe('Opens when at least this share of the attempts in the window failed, e.g. 50%.'),
    window: duration().prefault('10s').describe('Sliding window of attempt outcomes (default 10s).'),
    min_requests: count({ min: 1 }).default(20).describe('Outcomes needed in the window before it may open (default 20).'),
    open_for: duration().prefault('5s').describe('How long it stays open, failing calls at once (circuit_open), before letting probes through (default 5s).'),
    half_open_probes: count({ min: 1 }).default(1).describe('Attempts let through when half-open; all must succeed to close again (default 1).'),
  }).superRefine((b, ctx) => {
    positive('a share', '50%')(b.failure_threshold, ctx, ['failure_threshold']);
    positive('a duration', '10s')(b.window, ctx, ['window']);
    positive('a duration', '5s')(b.open_for, ctx, ['open_for']);
  }).optional().describe('A circuit breaker over all of the source\'s attempts: closed → open → half-open → closed.'),
  recovery: z.strictObject({
    window: duration().prefault('10s').describe('Width of the goodput time series (default 10s).'),
    tolerance: fraction().prefault('10%').describe('A window is healthy when goodput is within this share of the calls offered (default 10%).'),
  }).superRefine((r, ctx) => positive('a duration', '10s')(r.window, ctx, ['window']))
    .prefault({}).describe('How recovery is judged: the first time the goodput returns within tolerance of the offered calls and stays.'),
}).superRefine((c, ctx) => {
  if (c.timeout !== undefined) positive('a duration', '1s')(c.timeout, ctx, ['timeout']);
}).describe('How the clients behind this source behave: timeout, retries with backoff, retry budget, circuit breaker.');

export type ClientConfig = z.output<typeof client>;

const common = {
  name: name('source name').optional().describe('A label for reports (default: the source type and its position).'),
  keys: keySpaces().optional(),
  client: client.optional(),
};

const openLoop = z.strictObject({
  type: z.literal('open_loop'),
  ...common,
  rate: rateProfile(),
  poisson: z.boolean().default(true).describe('Poisson arrivals (exponential gaps) when true; evenly spaced when false.'),
  mix: weights('endpoint').describe('Endpoints hit, with relative weights, e.g. { get_user: 8, update_user: 1 }.'),
}).describe('Requests arrive at a given rate whatever the response times (an open system).');

const closedLoop = z.strictObject({
  type: z.literal('closed_loop'),
  ...common,
  users: count({ min: 1 }).describe('How many concurrent users.'),
  spawn_rate: rate().optional().describe('How fast users are started, e.g. 10/s (default: all at once).'),
  wait_time: waitTime(),
  tasks: weights('endpoint').describe('What each user does next, chosen by weight, e.g. { browse: 5, update_profile: 1 }.'),
  on_start: name('endpoint').optional().describe('An endpoint each user calls once when it starts (e.g. login).'),
}).describe('A fixed population of users, each waiting for a response before its next request (Locust-style).');

const TRACE_FORMATS = ['csv', 'jsonl'] as const;

const trace = z.strictObject({
  type: z.literal('trace'),
  ...common,
  file: z.string().min(1).describe('The recorded requests, relative to the model file.'),
  format: z.enum(TRACE_FORMATS).optional().describe('csv or jsonl (default: from the file extension).'),
  columns: z.strictObject({
    timestamp: z.string().default('timestamp').describe('Column holding the arrival time.'),
    endpoint: z.string().default('endpoint').describe('Column holding the endpoint name.'),
    key: z.string().optional().describe('Column holding the key touched (optional).'),
  }).prefault({}).describe('Which columns hold what (defaults: timestamp, endpoint).'),
  time_unit: z.enum(['ns', 'us', 'ms', 's']).default('s').describe('Unit of the timestamp column.'),
  time_scale: z.number().positive().default(1).describe('Multiplies the gaps between requests: 0.5 replays twice as fast.'),
}).superRefine((t, ctx) => {
  const ext = extname(t.file).slice(1).toLowerCase();
  if (t.format !== undefined || (TRACE_FORMATS as readonly string[]).includes(ext)) return;
  const detail = `cannot tell the format of \`${t.file}\` from its extension`;
  reject(ctx, t.file, { detail, hint: 'add `format: csv` or `format: jsonl`' }, ['file']);
}).describe('Replay recorded requests from a CSV or JSONL file.');

const source = z.discriminatedUnion('type', [openLoop, closedLoop, trace])
  .describe('A traffic source: type open_loop, closed_loop or trace.');

export type TrafficSource = z.output<typeof source>;
export type OpenLoopSource = z.output<typeof openLoop>;
export type ClosedLoopSource = z.output<typeof closedLoop>;
export type TraceSource = z.output<typeof trace>;
export type { DistributionSpec };

/** One traffic source. */
export function trafficSource(): z.ZodType<TrafficSource, unknown> {
  return source;
}

/** The whole traffic section: one or more sources, all running at once. */
export function traffic(): z.ZodType<TrafficSource[], unknown> {
  return z.array(source).min(1).describe('Where requests come from: open_loop, closed_loop or trace sources.');
}
