/**
 * The traffic section: a list of sources, each one of
 *  - `open_loop`: arrivals at a rate (constant or a profile) spread over an endpoint mix;
 *  - `closed_loop`: Locust-style users who each run tasks, waiting between them;
 *  - `trace`: replay of recorded requests from a CSV or JSONL file.
 * Endpoints and key spaces are referred to by name; the normalizer checks they exist.
 */
import { z } from 'zod';
import { extname } from 'node:path';
import { keyDistribution, type DistributionSpec } from './distribution.js';
import { reject } from './issue.js';
import { name, weights } from './names.js';
import { rateProfile } from './rate-profile.js';
import { count, rate } from './units.js';
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

const common = {
  name: name('source name').optional().describe('A label for reports (default: the source type and its position).'),
  keys: keySpaces().optional(),
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
