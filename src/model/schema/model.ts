/**
 * The whole model file: run settings, the components (their union derived from the
 * registry, so a new component kind appears here by itself), reusable flows, endpoints,
 * key spaces and traffic. Cross-references are checked afterwards by normalize.ts.
 */
import { z } from 'zod';
import { registry } from '../../components/registry.js';
import type { ComponentDef } from '../../components/define.js';
import { keyDistribution } from './distribution.js';
import { endpointSchema, steps } from './endpoint.js';
import { name } from './names.js';
import { traffic } from './traffic.js';
import { duration } from './units.js';

function componentUnion(): z.ZodType {
  const schemas = (Object.values(registry) as ComponentDef[]).map((d) => d.schema);
  if (schemas.length === 0) return z.never();
  if (schemas.length === 1) return schemas[0]!;
  return z.discriminatedUnion('kind', schemas as [any, any, ...any[]]);
}

export const runSettings = z.strictObject({
  duration: duration().prefault('10m').describe('Simulated time to run (after warm-up), e.g. 10m.'),
  warmup: duration().prefault('1m').describe('Simulated time discarded at the start, e.g. 1m.'),
  seed: z.union([z.number().int(), z.string().min(1)]).default(1).describe('Master seed: the same seed and model give the same bytes.'),
}).describe('How long to simulate and with which seed (command-line flags override).');

export const modelSchema = z.strictObject({
  $schema: z.string().optional().describe('JSON Schema for editors (ignored by the simulator).'),
  name: name('model').describe('The model name, used in reports.'),
  description: z.string().optional().describe('What this model describes.'),
  run: runSettings.prefault({}),
  network: z.strictObject({
    rtt: duration().prefault('0.5ms').describe('Round trip between app instances and databases or caches.'),
  }).prefault({}).describe('Network settings.'),
  prices: z.string().optional().describe('Price book file, relative to the model (default: prices.yaml beside it, else the shipped one).'),
  entry: name('component').optional().describe('Where traffic enters (default: the one load_balancer, app_tier, rate_limiter or cdn that no other component sends to).'),
  keys: z.record(name('key space'), keyDistribution()).optional()
    .describe('Key popularity per key space for all traffic, e.g. { user: { zipf: { s: 1.1, n: 1M } } }.'),
  components: z.record(name('component'), componentUnion()).describe('The parts of the stack, by name, each with its kind.'),
  flows: z.record(name('flow'), steps()).optional().describe('Reusable step sequences for `call`.'),
  endpoints: z.record(name('endpoint'), endpointSchema).describe('The endpoints and their flows of steps.'),
  traffic: traffic(),
});

export type ModelConfig = z.output<typeof modelSchema>;
