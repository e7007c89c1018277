/**
 * Per-task tallies for one run. Latency is recorded for requests *started* (or intended)
 * inside the measured window; throughput counts responses *completed* inside it, so a
 * server that falls behind shows lower throughput rather than borrowed completions.
 */
import { LatencyHistogram, type LatencySummary } from './histogram.js';
import { emptyErrorCounts, type ErrorCounts, type ErrorKind } from './outcome.js';

export interface RequestStats {
  readonly name: string;
  /** Requests begun inside the measured window. */
  readonly requests: number;
  /** Of those, how many got an HTTP response (any status). */
  readonly responses: number;
  /** Of those, how many had an expected status. */
  readonly ok: number;
  readonly errors: ErrorCounts;
  readonly errorCount: number;
  /** HTTP status → count, over the measured requests. */
  readonly statusCodes: Readonly<Record<string, number>>;
  /** HTTP responses completed inside the window, per second. */
  readonly throughput: number;
  /** Responses with an expected status completed inside the window, per second. */
  readonly okThroughput: number;
  /** Every measured request that got an HTTP response, whatever its status (as wrk2, Locust). */
  readonly latency: LatencySummary;
  /** The first message seen for each error kind, to diagnose without per-request logs. */
  readonly firstErrors: Readonly<Partial<Record<ErrorKind, string>>>;
}

export class TaskTally {
  requests = 0;
  responses = 0;
  ok = 0;
  windowResponses = 0;
  windowOk = 0;
  readonly errors = emptyErrorCounts();
  readonly statusCodes = new Map<number, number>();
  readonly latency = new LatencyHistogram();
  readonly firstErrors: Partial<Record<ErrorKind, string>> = {};

  constructor(readonly name: string) {}

  response(status: number, ok: boolean, latencyMs: number): void {
    this.responses++;
    if (ok) this.ok++;
    this.statusCodes.set(status, (this.statusCodes.get(status) ?? 0) + 1);
    this.latency.recordMs(latencyMs);
  }

  error(kind: ErrorKind, message: string): void {
    this.errors[kind]++;
    this.firstErrors[kind] ??= message;
  }

  /** A response completed inside the window (whenever its request began). */
  windowResponse(ok: boolean): void {
    this.windowResponses++;
    if (ok) this.windowOk++;
  }

  merge(other: TaskTally): void {
    this.requests += other.requests;
    this.responses += other.responses;
    this.ok += other.ok;
    this.windowResponses += other.windowResponses;
    this.windowOk += other.windowOk;
    for (const k of Object.keys(other.errors) as ErrorKind[]) this.errors[k] += other.errors[k];
    for (const [s, n] of other.statusCodes) this.statusCodes.set(s, (this.statusCodes.get(s) ?? 0) + n);
    this.latency.merge(other.latency);
    for (const [k, m] of Object.entries(other.firstErrors)) this.firstErrors[k as ErrorKind] ??= m;
  }

  toJSON(windowSec: number): RequestStats {
    const errorCount = Object.values(this.errors).reduce((a, b) => a + b, 0);
    const statusCodes = Object.fromEntries([...this.statusCodes].sort((a, b) => a[0] - b[0]).map(([s, n]) => [String(s), n]));
    return {
      name: this.name,
      requests: this.requests,
      responses: this.responses,
      ok: this.ok,
      errors: { ...this.errors },
      errorCount,
      statusCodes,
      throughput: this.windowResponses / windowSec,
      okThroughput: this.windowOk / windowSec,
      latency: this.latency.summary(),
      firstErrors: { ...this.firstErrors },
    };
  }
}

/** Overall stats: the merge of every task's tally. */
export function overallStats(tallies: readonly TaskTally[], windowSec: number): RequestStats {
  const all = new TaskTally('all');
  for (const t of tallies) all.merge(t);
  return all.toJSON(windowSec);
}
