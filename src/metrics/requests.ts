/**
 * Request metrics: subscribed to the flow runner's responses, one streaming latency
 * histogram per endpoint, and counts by status and error cause. Latency percentiles are of
 * successful responses; errors are counted by cause (a fast 503 must not flatter p95).
 * Only requests started after the warm-up count, so the queue built up before it does not.
 */
import { LatencyHistogram } from '../engine/stats/histogram.js';
import type { ErrorCause, Request } from '../flow/request.js';

export class EndpointMetrics {
  readonly latency = new LatencyHistogram();
  ok = 0;
  errors = 0;
  readonly byCause = new Map<ErrorCause, number>();
  readonly byStatus = new Map<number, number>();

  reset(): void {
    this.latency.reset();
    this.ok = this.errors = 0;
    this.byCause.clear();
    this.byStatus.clear();
  }
}

export class RequestMetrics {
  readonly endpoints: EndpointMetrics[];
  /** Requests started before this time are not counted (warm-up). */
  private since = 0;

  constructor(readonly endpointNames: readonly string[]) {
    this.endpoints = endpointNames.map(() => new EndpointMetrics());
  }

  readonly onRespond = (req: Request): void => {
    if (req.startedAt < this.since) return;
    const m = this.endpoints[req.endpoint]!;
    m.byStatus.set(req.status, (m.byStatus.get(req.status) ?? 0) + 1);
    if (req.error === null) {
      m.ok++;
      m.latency.record(req.respondedAt - req.startedAt);
    } else {
      m.errors++;
      m.byCause.set(req.error, (m.byCause.get(req.error) ?? 0) + 1);
    }
  };

  reset(now: number): void {
    this.since = now;
    for (const m of this.endpoints) m.reset();
  }
}
