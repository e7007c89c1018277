/**
 * Client behaviour for one traffic source: each call (a first request) may time out, be
 * retried with backoff under a retry budget, and be refused at once by a circuit breaker.
 * A timed-out attempt is abandoned, not cancelled: the server keeps working on it, and its
 * late answer is ignored — the wasted work behind retry storms. A retry is a new Request
 * (attempt + 1, same endpoint and keys). Whoever made the call hears one answer, at the end.
 * Timeouts, 5xx and 429 are retried; a breaker's refusal is not (it fails the call at once).
 */
import type { Entry } from '../../components/contracts.js';
import { delayOf } from '../../components/policies/backoff/index.js';
import { LatencyHistogram } from '../../engine/stats/histogram.js';
import type { RandomStream, SimContext } from '../../engine/types.js';
import type { ErrorCause, Request, RequestSource } from '../../flow/request.js';
import { CircuitBreaker, REFUSE, SEND } from './breaker.js';
import { RetryBudget } from './budget.js';
import { clientReport, type ClientReport } from './report.js';
import { WindowSeries } from './series.js';
import type { ClientSettings } from './settings.js';

/** One logical call through its attempts; pooled, so `current` tells a live answer from a late one. */
class Call implements RequestSource {
  origin: RequestSource | null = null;
  /** The attempt the client is waiting for; null between attempts and after giving up. */
  current: Request | null = null;
  /** The latest attempt (a retry copies its endpoint and keys). */
  last: Request | null = null;
  startedAt = 0;
  timer = -1;
  /** The breaker's answer when the current attempt was sent (SEND or PROBE). */
  sent = SEND;
  /** The delay drawn before the previous retry (decorrelated jitter grows from it). */
  delay = 0;
  constructor(private readonly client: Client) {}
  onResponse(req: Request): void {
    this.client.answered(this, req);
  }
}

export interface ClientEnv {
  readonly ctx: SimContext;
  readonly entry: Entry;
  /** A fresh request for the next attempt: same endpoint and keys, attempt + 1, stamped now. */
  retryOf(previous: Request): Request;
}

export class Client {
  readonly budget: RetryBudget | null;
  readonly breaker: CircuitBreaker | null;
  readonly series: WindowSeries;
  private readonly rng: RandomStream;
  private readonly free: Call[] = [];

  // statistics since the last reset
  since = 0;
  calls = 0;
  attempts = 0;
  retries = 0;
  timeouts = 0;
  /** Answers that came back after the client had given up on the attempt. */
  late = 0;
  succeeded = 0;
  failed = 0;
  readonly failures = new Map<ErrorCause, number>();
  readonly latency = new LatencyHistogram();

  constructor(readonly settings: ClientSettings, private readonly env: ClientEnv) {
    this.budget = settings.budget === null ? null : new RetryBudget(settings.budget.ratio, settings.budget.burst);
    this.breaker = settings.breaker === null ? null : new CircuitBreaker(settings.breaker);
    this.series = new WindowSeries(settings.window);
    this.rng = env.ctx.stream('client/backoff');
  }

  /** Start a call with its first attempt `req`, whose `source` is who hears the final answer. */
  call(req: Request): void {
    const call = this.free.pop() ?? new Call(this);
    call.origin = req.source;
    call.startedAt = this.env.ctx.now;
    call.delay = this.settings.backoff?.base ?? 0;
    this.calls++;
    this.series.call(call.startedAt);
    this.budget?.called();
    this.send(call, req);
  }

  /** The server answered an attempt (the flow runner calls this through `req.source`). */
  answered(call: Call, req: Request): void {
    if (req !== call.current) {
      this.late++;
      return;
    }
    this.env.ctx.cancel(call.timer);
    call.timer = -1;
    call.current = null;
    const ok = req.error === null;
    this.breaker?.record(ok, this.env.ctx.now, call.sent);
    if (ok) this.finish(call, req, null);
    else this.failedAttempt(call, req, req.error!);
  }

  resetStats(now: number): void {
    this.since = now;
    this.calls = this.attempts = this.retries = this.timeouts = this.late = this.succeeded = this.failed = 0;
    this.failures.clear();
    this.latency.reset();
    this.budget?.resetStats();
    this.breaker?.resetStats(now);
  }

  report(name: string, now: number): ClientReport {
    return clientReport(name, this, now);
  }

  private send(call: Call, req: Request): void {
    const now = this.env.ctx.now;
    const permit = this.breaker === null ? SEND : this.breaker.allow(now);
    req.source = call;
    call.last = req;
    if (permit === REFUSE) {
      // never reaches the server: answered here, as a fast 503
      req.error = 'circuit_open';
      req.status = 503;
      req.responded = true;
      req.respondedAt = now;
      return this.finish(call, req, 'circuit_open');
    }
    call.sent = permit;
    call.current = req;
    this.attempts++;
    this.series.attempt(now);
    if (this.settings.timeout !== Infinity) call.timer = this.env.ctx.schedule(this.settings.timeout, this.expire, call);
    this.env.entry.accept(req);
  }

  private readonly expire = (call: Call): void => {
    call.timer = -1;
    call.current = null;
    this.timeouts++;
    this.breaker?.record(false, this.env.ctx.now, call.sent);
    this.failedAttempt(call, call.last!, 'client_timeout');
  };

  private failedAttempt(call: Call, req: Request, cause: ErrorCause): void {
    const s = this.settings;
    if (req.attempt < s.maxRetries && (this.budget === null || this.budget.withdraw())) {
      let wait = 0;
      if (s.backoff !== null) {
        wait = delayOf(s.backoff, req.attempt, call.delay, this.rng);
        call.delay = wait;
      }
      this.retries++;
      this.env.ctx.schedule(wait, this.retry, call);
      return;
    }
    this.finish(call, req, cause);
  }

  private readonly retry = (call: Call): void => {
    this.send(call, this.env.retryOf(call.last!));
  };

  private finish(call: Call, req: Request, cause: ErrorCause | null): void {
    const now = this.env.ctx.now;
    if (cause === null) {
      this.succeeded++;
      this.latency.record(now - call.startedAt);
      this.series.success(now);
    } else {
      this.failed++;
      this.failures.set(cause, (this.failures.get(cause) ?? 0) + 1);
    }
    const origin = call.origin;
    call.origin = call.last = null;
    this.free.push(call);
    origin?.onResponse(req);
  }
}
