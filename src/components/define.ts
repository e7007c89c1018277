/**
 * The shape of a component definition: one file per component exports
 * `defineComponent({ kind, summary, schema, refs, build })`, and the registry lists them.
 * The YAML `kind` union, the JSON Schema and `stacksim components` all derive from it, so
 * a new component costs one file, one registry line and one test.
 */
import { z } from 'zod';
import type { SimContext } from '../engine/types.js';
import type { FlowRunner } from '../flow/runner.js';
import type { Step } from '../flow/step.js';

/** What a built component reports at the end of a run (RunSummary.components[]). */
export interface ComponentReport {
  name: string;
  kind: string;
  /** Busy fraction of its bottleneck resource (0..1), where it has one. */
  utilisation?: number;
  meanQueue?: number;
  maxQueue?: number;
  /** Connection pools: the 95th percentile of the wait for a connection, in ms. */
  poolWaitP95Ms?: number;
  /** Caches: hits / lookups. */
  hitRatio?: number;
  /** Databases with replicas: reads that saw data older than the latest write. */
  staleReads?: number;
  /** Cost of running it, per hour (from prices or the model). */
  costPerHour: number;
  /** Further named figures (per-replica utilisation, evictions, …). */
  extra?: Record<string, number>;
}

/** Every built component can reset its statistics (warm-up) and report. */
export interface ComponentInstance {
  readonly name: string;
  readonly kind: string;
  resetStats(now: number): void;
  report(now: number): ComponentReport;
}

/** A reference from one component's config to another component, for checks and build order. */
export interface ComponentRef {
  /** Path of the referring field inside the component's config, e.g. ['pool']. */
  path: (string | number)[];
  name: string;
  /** Kinds allowed at the other end. */
  kinds: readonly string[];
}

/** The price book: instance type -> dollars per hour. */
export interface PriceBook {
  perHour(instanceType: string): number;
  has(instanceType: string): boolean;
}

export interface BuildEnv {
  /** The component's own context (time, schedule, its named random stream, probes). */
  readonly ctx: SimContext;
  /** The flow runner: resume/fail requests when operations complete. */
  readonly flow: FlowRunner;
  /** Another component's built instance (built before this one: refs decide the order). */
  lookup<T>(name: string): T;
  readonly prices: PriceBook;
  /** Model-wide settings components may need. */
  readonly network: { rtt: number };
  /** Number of key spaces and the index of a key space by name. */
  keySpaceIndex(name: string): number;
  /** Contexts for sub-parts (e.g. one per instance), named `${component}/${sub}`. */
  subContext(sub: string): SimContext;
  /** The index of an endpoint by name (what `req.endpoint` holds); throws on an unknown name.
   * Optional for now: a station's `priorities` need it (the builder should provide it). */
  endpointIndex?(name: string): number;
  /** Each endpoint's compiled steps, by endpoint index. Filled in after every component is
   * built (steps refer to components), before the run starts: read it when a request arrives. */
  readonly flows: FlowTable;
}

/** A problem found by `crossCheck`, reported as SIM_E_INVALID_VALUE at `path`. */
export interface ConfigProblem {
  path: (string | number)[];
  detail: string;
  expected?: string;
  hint?: string;
}

export interface FlowTable {
  readonly endpoints: readonly (readonly Step[])[];
}

export interface ComponentDef<K extends string = string, S extends z.ZodType = z.ZodType, I extends ComponentInstance = ComponentInstance> {
  readonly kind: K;
  /** One line for `stacksim components` and the JSON Schema. */
  readonly summary: string;
  readonly schema: S;
  refs(config: z.output<S>): ComponentRef[];
  /** Key spaces the config names (e.g. a hash policy's key), checked by the normalizer. */
  keySpaces?(config: z.output<S>): { path: (string | number)[]; name: string }[];
  /** Endpoints the config names (e.g. a CDN's cacheable endpoints), checked by the normalizer. */
  endpoints?(config: z.output<S>): { path: (string | number)[]; name: string }[];
  /** Checks against the configs of other components (e.g. a replica number against the
   * database's replica count), run by the normalizer with every component by name (a name
   * that is missing or of the wrong kind is reported by `refs`: skip it). Each problem's path
   * is inside this component's config. */
  crossCheck?(config: z.output<S>, components: ReadonlyMap<string, { kind: string; config: unknown }>): ConfigProblem[];
  build(name: string, config: z.output<S>, env: BuildEnv): I;
}

export function defineComponent<K extends string, S extends z.ZodType, I extends ComponentInstance>(
  def: ComponentDef<K, S, I>,
): ComponentDef<K, S, I> {
  return def;
}

/** Fields every priced component accepts: an instance type from the price book, or a price. */
export const costFields = {
  instance_type: z.string().min(1).optional()
    .describe('Instance type priced in models/prices.yaml (e.g. m5.large); sets the cost per hour of each instance.'),
  price_per_hour: z.number().nonnegative().optional()
    .describe('Cost per instance per hour in dollars, when no instance_type is given.'),
};

/** Cost per hour of `count` instances priced by `instance_type` or `price_per_hour` (0 when neither). */
export function priceOf(config: { instance_type?: string | undefined; price_per_hour?: number | undefined }, prices: PriceBook, count = 1): number {
  if (config.price_per_hour !== undefined) return config.price_per_hour * count;
  if (config.instance_type !== undefined) return prices.perHour(config.instance_type) * count;
  return 0;
}
