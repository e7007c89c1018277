/**
 * The Explanation: what `stacksim explain` computes without simulating, as plain JSON-ready
 * data. Times are in milliseconds, rates per second, utilisations as fractions. A figure
 * theory cannot give (an unstable queue) is null with a reason, never NaN or Infinity.
 */

/** saturated: a closed loop's users keep it fully busy (they queue there; it cannot grow);
 * overloaded: an open loop offers more than it can do (its queue grows without bound). */
export type Verdict = 'idle' | 'ok' | 'busy' | 'saturating' | 'saturated' | 'overloaded';

export interface ResourceRow {
  /** `component/role`, e.g. `db/primary`, `app/workers`; a station is its own name. */
  readonly id: string;
  readonly component: string;
  readonly kind: string;
  readonly role: string;
  /** Identical copies sharing the load (instances, replicas). */
  readonly units: number;
  /** Servers per unit: cores, workers, threads. */
  readonly servers: number;
  readonly visitsPerRequest: number;
  /** Visits per second over all units. */
  readonly throughput: number;
  /** Mean service per visit (workers: the time a request holds one). */
  readonly demandMsPerVisit: number;
  /** Service demand D per request of the mix. */
  readonly demandMsPerRequest: number;
  /** U = X·D / (units × servers). */
  readonly utilisation: number;
  /** units × servers / D: the mix's throughput at which this resource saturates. */
  readonly saturatesAt: number | null;
  /** Mean time a request of the mix spends here (queueing included); null when unstable. */
  readonly residenceMsPerRequest: number | null;
  readonly formula: string;
  readonly verdict: Verdict;
}

export interface EndpointRow {
  readonly name: string;
  /** Share of the requests. */
  readonly share: number;
  readonly requestsPerSecond: number;
  /** Demand per request on each resource (ms), by resource id. */
  readonly demandMs: Readonly<Record<string, number>>;
  /** Pure delays per request: round trips, cache latencies, sleeps (ms). */
  readonly delayMs: number;
  /** Mean response time (ms), null when a queue on the way is unstable. */
  readonly latencyMs: number | null;
  readonly formula: string;
}

export interface CacheRow {
  readonly name: string;
  readonly capacity: number;
  readonly eviction: string;
  readonly ttlSeconds: number | null;
  /** Stores the load is spread over (app instances, for an in-process cache). */
  readonly stores: number;
  readonly hitRatio: number;
  /** Che's characteristic time, null when every key fits or the method has none. */
  readonly characteristicSeconds: number | null;
  readonly keys: readonly { readonly key: string; readonly keys: number; readonly getsPerSecond: number; readonly deletesPerSecond: number; readonly hitRatio: number }[];
  readonly method: string;
}

export interface PoolRow {
  readonly name: string;
  readonly kind: 'connection_pool' | 'pgbouncer';
  /** The app tier whose instances own the pool; null for a shared PgBouncer. */
  readonly tier: string | null;
  readonly instances: number;
  readonly holds: 'request' | 'query' | 'transaction' | 'session';
  /** Mean time a request holds a connection (ms). */
  readonly holdMs: number | null;
  /** Mean connections in use (per instance for a pool), by Little's law. */
  readonly inUse: number | null;
  readonly size: number;
  readonly overflow: number;
  /** Probability a checkout waits (Erlang C); null when saturated. */
  readonly pWait: number | null;
  readonly verdict: 'ok' | 'queues' | 'saturated';
}

export interface LoadRow {
  readonly type: 'open' | 'closed' | 'mixed' | 'none';
  /** Offered (open) or predicted (closed) requests per second of the mix. */
  readonly requestsPerSecond: number;
  readonly peakRequestsPerSecond: number | null;
  readonly users: number | null;
  readonly thinkSeconds: number | null;
  readonly mix: Readonly<Record<string, number>>;
  readonly sources: readonly { readonly name: string; readonly type: string; readonly rate?: number; readonly users?: number; readonly thinkSeconds?: number }[];
}

export interface Explanation {
  readonly model: { readonly name: string; readonly file: string; readonly hash: string };
  readonly method: string;
  readonly load: LoadRow;
  /** Predicted throughput (open loop: the offered rate while stable). */
  readonly throughput: number;
  /** Mean response time of the mix (ms), null when unstable. */
  readonly responseMs: number | null;
  readonly resources: readonly ResourceRow[];
  readonly bottleneck: { readonly resource: string; readonly utilisation: number; readonly sentence: string } | null;
  readonly maxThroughput: { readonly requestsPerSecond: number; readonly limitedBy: string; readonly sentence: string } | null;
  readonly endpoints: readonly EndpointRow[];
  readonly caches: readonly CacheRow[];
  readonly pools: readonly PoolRow[];
  readonly warnings: readonly string[];
  /** The approximations behind the numbers. */
  readonly notes: readonly string[];
}
