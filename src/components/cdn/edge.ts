/**
 * The built CDN: an Entry in front of the origin entry. A request for a cacheable endpoint
 * whose object is fresh at the edge is answered there after the edge's own latency, with no
 * origin work; a miss goes to the origin, and its successful response stores the object for
 * its class's TTL (the CDN stands in as the request's source to see the response, then hands
 * it back). Concurrent misses on one object wait for the first (request collapsing, as
 * CloudFront and Fastly do). Other endpoints pass straight through.
 */
import type { Distribution, RandomStream, SimContext } from '../../engine/types.js';
import type { Request, RequestSource } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { Step } from '../../flow/step.js';
import { CacheStore } from '../cache/store.js';
import type { Entry } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import { objectKey, type ObjectClass } from './object-key.js';

export interface CdnParts {
  readonly ctx: SimContext;
  readonly flow: FlowRunner;
  readonly origin: Entry;
  readonly store: CacheStore;
  /** Object class by endpoint index; null (or absent) for endpoints that pass through. */
  readonly classes: readonly (ObjectClass | null)[];
  readonly hitLatency: Distribution;
  /** Edge ↔ origin round trip, added before a request reaches the origin. */
  readonly originRtt: number;
  readonly collapse: boolean;
  readonly pricePerMillion: number;
}

/** A hit answers with no steps: the runner responds 200 and ends the request. */
const SERVED: readonly Step[] = [];

export class Cdn implements Entry, RequestSource, ComponentInstance {
  readonly kind = 'cdn';
  readonly store: CacheStore;
  private readonly ctx: SimContext;
  private readonly rng: RandomStream;
  /** Misses out at the origin: the object each fetches and the source it came with. */
  private readonly fetching = new Map<Request, number>();
  private readonly fetchKey: number[] = [];
  private readonly fetchSource: (RequestSource | null)[] = [];
  private readonly freeFetches: number[] = [];
  /** Requests waiting for an object another request is fetching (collapsing). */
  private readonly waiting = new Map<number, Request[]>();
  /** Extra latency on every request while a fault's latency spike lasts. */
  private extra = 0;

  // statistics since the last reset
  private since = 0;
  requests = 0;
  hits = 0;
  misses = 0;
  collapsed = 0;
  passed = 0;
  stored = 0;

  constructor(readonly name: string, private readonly p: CdnParts) {
    this.ctx = p.ctx;
    this.rng = p.ctx.stream('latency');
    this.store = p.store;
  }

  accept(req: Request): void {
    this.requests++;
    const cls = this.p.classes[req.endpoint] ?? null;
    if (cls === null) {
      this.passed++;
      return this.toOrigin(req);
    }
    const key = objectKey(req.endpoint, cls, req.keys);
    if (this.store.get(key, this.ctx.now)) {
      this.hits++;
      return this.serve(req);
    }
    const waiters = this.p.collapse ? this.waiting.get(key) : undefined;
    if (waiters !== undefined) {
      this.collapsed++;
      waiters.push(req);
      return;
    }
    this.misses++;
    if (this.p.collapse) this.waiting.set(key, []);
    this.fetch(req, key);
  }

  /** The origin answered a miss: store the object if the answer is a success, then pass it on. */
  onResponse(req: Request): void {
    const job = this.fetching.get(req);
    if (job === undefined) throw new Error(`cdn ${this.name}: response for a request it did not fetch`);
    this.fetching.delete(req);
    const key = this.fetchKey[job]!;
    req.source = this.fetchSource[job]!;
    this.fetchSource[job] = null;
    this.freeFetches.push(job);
    const ok = req.error === null && req.status === 200;
    if (ok) {
      const cls = this.p.classes[req.endpoint]!;
      this.store.set(key, this.ctx.now + cls.ttl, this.ctx.now);
      this.stored++;
    }
    this.release(key, ok);
    req.source?.onResponse(req);
  }

  /** Purge every object (a fault's flush); returns how many were dropped. */
  flush(): number {
    return this.store.clear(this.ctx.now);
  }

  /** Add `seconds` (negative to remove) to every request's time at the edge. */
  addLatency(seconds: number): void {
    this.extra = Math.max(0, this.extra + seconds);
  }

  resetStats(now: number): void {
    this.since = now;
    this.requests = this.hits = this.misses = this.collapsed = this.passed = this.stored = 0;
    this.store.resetStats(now);
  }

  report(now: number): ComponentReport {
    // a collapsed request found no object at the edge (not a hit), though the origin never saw it
    const lookups = this.hits + this.misses + this.collapsed;
    const elapsed = now - this.since;
    const origin = this.misses + this.passed;
    const report: ComponentReport = {
      name: this.name,
      kind: this.kind,
      costPerHour: elapsed > 0 ? (this.requests / elapsed) * 3600 * (this.p.pricePerMillion / 1e6) : 0,
      extra: {
        requests: this.requests,
        hits: this.hits,
        misses: this.misses,
        collapsed: this.collapsed,
        passed: this.passed,
        origin_requests: origin,
        origin_offload: this.requests > 0 ? 1 - origin / this.requests : 0,
        stored: this.stored,
        evictions: this.store.evictions,
        expirations: this.store.expirations,
        mean_objects: this.store.entries.mean(now),
      },
    };
    if (lookups > 0) report.hitRatio = this.hits / lookups;
    return report;
  }

  /** Collapsed waiters of `key`: served with the object, or sent to fetch it themselves. */
  private release(key: number, ok: boolean): void {
    const waiters = this.waiting.get(key);
    if (waiters === undefined) return;
    this.waiting.delete(key);
    if (ok) {
      for (const w of waiters) this.serve(w);
      return;
    }
    // the fetch failed: the first waiter fetches, the rest keep waiting for it
    const next = waiters.shift();
    if (next === undefined) return;
    this.waiting.set(key, waiters);
    this.misses++;
    this.collapsed--;
    this.fetch(next, key);
  }

  private serve(req: Request): void {
    const t = this.p.hitLatency.sample(this.rng) + this.extra;
    this.ctx.schedule(t > 0 ? t : 0, this.served, req);
  }

  private readonly served = (req: Request): void => this.p.flow.start(req, SERVED);

  private fetch(req: Request, key: number): void {
    const job = this.freeFetches.length > 0 ? this.freeFetches.pop()! : this.fetchKey.length;
    this.fetchKey[job] = key;
    this.fetchSource[job] = req.source;
    this.fetching.set(req, job);
    req.source = this;
    this.toOrigin(req);
  }

  private toOrigin(req: Request): void {
    const delay = this.p.originRtt + this.extra;
    if (delay > 0) this.ctx.schedule(delay, this.forward, req);
    else this.p.origin.accept(req);
  }

  private readonly forward = (req: Request): void => this.p.origin.accept(req);
}
