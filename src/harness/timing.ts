/**
 * Per-request instrumentation for calibration: where one request's time went.
 * `cpu` is synchronous work on the event loop (schema validation, hashing, token and cache
 * (de)serialisation, response serialisation); `pool` is waiting in pool.connect(); `db` is
 * query round trips; `cache` is cache (and Redis session) round trips. All in milliseconds.
 */
import { performance } from 'node:perf_hooks';

export const now = (): number => performance.now();

export const COMPONENTS = ['cpu', 'pool', 'db', 'cache'] as const;
export type Component = (typeof COMPONENTS)[number];

export class RequestTiming {
  readonly start: number;
  cpu = 0;
  pool = 0;
  db = 0;
  cache = 0;
  queries = 0;
  cacheHits = 0;
  cacheMisses = 0;
  /** Start of a hook-delimited CPU phase (validation, serialisation); see app.ts. */
  phaseStart: number | undefined;

  constructor(start = now()) {
    this.start = start;
  }

  /** Run synchronous work and charge it to `cpu`. */
  cpuWork<T>(work: () => T): T {
    const t0 = now();
    try {
      return work();
    } finally {
      this.cpu += now() - t0;
    }
  }

  /** Await a promise and charge the wait to `component`. */
  async wait<T>(component: 'pool' | 'db' | 'cache', promise: () => Promise<T>): Promise<T> {
    const t0 = now();
    try {
      return await promise();
    } finally {
      this[component] += now() - t0;
    }
  }
}

const ms = (x: number): string => x.toFixed(3);

/** The Server-Timing header value: the four components, then the server time so far. */
export function serverTimingHeader(t: RequestTiming, at = now()): string {
  const parts = COMPONENTS.map((c) => `${c};dur=${ms(t[c])}`);
  parts.push(`total;dur=${ms(at - t.start)}`);
  return parts.join(', ');
}

/** Parse a Server-Timing header into name → duration (ms); handy for clients and tests. */
export function parseServerTiming(header: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const metric of header.split(',')) {
    const [name, ...params] = metric.trim().split(';');
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith('dur='));
    if (name && dur) out[name.trim()] = Number(dur.slice(4));
  }
  return out;
}
