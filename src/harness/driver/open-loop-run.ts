/**
 * The open-loop send loop. Each send time is t0 + offset (never "last send + gap"), every
 * request already due is sent in one batch, and the timer is re-armed for the next due
 * time, so timer jitter shows up as measured lag rather than as drift. One timer for the
 * schedule, one periodic sweep for deadlines: nothing is allocated per request but the
 * request itself.
 */
import type { Dispatcher } from 'undici';
import { arrivalSchedule, type ArrivalProcess, type ArrivalSchedule } from './arrivals.js';
import { ExchangePool, nowMs, type Exchange, type ExchangeOwner } from './exchange.js';
import { LatencyHistogram, type LatencySummary } from './histogram.js';
import { driverStream, type Rng } from './keys.js';
import { settle, type Window } from './settle.js';
import { TaskTally } from './stats.js';
import { ClientSideError, cumulativeWeights, pickTask, prepareRequest, type CompiledTask, type UserContext } from './tasks.js';

/** Cap on sends per timer callback, so a driver that cannot keep up still reads responses. */
const MAX_BATCH = 256;

export interface ScheduleStats {
  /** How late each measured send left, relative to its intended time. */
  readonly lag: LatencySummary;
  /** The furthest behind schedule the driver fell inside the measured window, in ms. */
  readonly maxLagMs: number;
  /** The same during warm-up, where opening connections and JIT warm-up usually put it. */
  readonly warmupMaxLagMs: number;
  /** Time from dispatch to socket write: > 0 when every pooled connection was busy. */
  readonly clientQueue: LatencySummary;
  readonly maxInFlight: number;
  /** Time from the last intended send to the last outcome. */
  readonly drainMs: number;
}

export interface OpenLoopRunConfig {
  readonly dispatcher: Dispatcher;
  readonly tasks: readonly CompiledTask[];
  readonly user: UserContext;
  readonly rate: number;
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly arrival: ArrivalProcess;
  readonly seed: string;
  readonly runId: string;
  readonly timeoutMs: number;
  readonly spinMs: number;
}

export class OpenLoopRun implements ExchangeOwner {
  readonly tallies: TaskTally[];
  readonly fromWrite = new LatencyHistogram();
  private readonly lag = new LatencyHistogram();
  private readonly clientQueue = new LatencyHistogram();
  private readonly exchanges = new ExchangePool();
  private readonly inFlight = new Set<Exchange>();
  private readonly schedule: ArrivalSchedule;
  private readonly cum: Float64Array;
  private readonly rng: Rng;
  private readonly tick = (): void => this.sendDue();
  private t0 = 0;
  private window: Window = { startMs: 0, endMs: 0 };
  private nextAt = Infinity;
  private lastIntended = 0;
  private seq = 0;
  private maxInFlight = 0;
  private warmupMaxLag = 0;
  private sendingDone = false;
  private sweep: NodeJS.Timeout | null = null;
  private resolve: ((s: ScheduleStats) => void) | null = null;

  constructor(private readonly cfg: OpenLoopRunConfig) {
    this.tallies = cfg.tasks.map((t) => new TaskTally(t.name));
    this.schedule = arrivalSchedule(cfg.arrival, cfg.rate, cfg.warmupSec + cfg.durationSec, cfg.seed);
    this.cum = cumulativeWeights(cfg.tasks);
    this.rng = driverStream(cfg.seed, 'requests');
  }

  run(): Promise<ScheduleStats> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.t0 = nowMs();
      const startMs = this.t0 + this.cfg.warmupSec * 1000;
      this.window = { startMs, endMs: startMs + this.cfg.durationSec * 1000 };
      this.nextAt = this.t0 + this.schedule.next() * 1000;
      const every = Math.min(100, Math.max(5, this.cfg.timeoutMs / 10));
      this.sweep = setInterval(() => this.expireLate(), every);
      this.sendDue();
    });
  }

  private sendDue(): void {
    let now = nowMs();
    for (let n = 0; this.nextAt <= now; n++) {
      if (n === MAX_BATCH) {
        setImmediate(this.tick); // let responses in before continuing the backlog
        return;
      }
      this.send(this.nextAt, now);
      this.lastIntended = this.nextAt;
      this.nextAt = this.t0 + this.schedule.next() * 1000;
      now = nowMs();
    }
    if (this.nextAt === Infinity) {
      this.sendingDone = true;
      this.maybeDone();
    } else if (this.nextAt - now <= this.cfg.spinMs) {
      setImmediate(this.tick); // polls I/O too, so responses still flow while we spin
    } else {
      // Node timers have 1 ms granularity and often wake early, then need another 1 ms timer:
      // that costs ~0.7 ms of lag per send unless the last spinMs are spun away.
      setTimeout(this.tick, this.nextAt - now - this.cfg.spinMs);
    }
  }

  private send(intendedMs: number, now: number): void {
    const tasks = this.cfg.tasks;
    // With a single task no draw is spent on choosing it.
    const task = tasks.length === 1 ? tasks[0]! : pickTask(tasks, this.cum, this.rng.next());
    const measured = intendedMs >= this.window.startMs;
    const tally = this.tallies[task.index]!;
    if (measured) tally.requests++;
    if (measured) this.lag.recordMs(now - intendedMs);
    else if (now - intendedMs > this.warmupMaxLag) this.warmupMaxLag = now - intendedMs;
    let req;
    try {
      req = prepareRequest(task, this.cfg.user, ++this.seq, this.cfg.runId, this.rng);
    } catch (err) {
      if (!(err instanceof ClientSideError)) throw err;
      if (measured) tally.error('client', err.message);
      return;
    }
    const ex = this.exchanges.acquire(this, task, intendedMs, measured);
    this.inFlight.add(ex);
    if (this.inFlight.size > this.maxInFlight) this.maxInFlight = this.inFlight.size;
    ex.start(this.cfg.dispatcher, req, this.cfg.timeoutMs);
  }

  finish(ex: Exchange): void {
    this.inFlight.delete(ex);
    settle(ex, this.tallies[ex.task!.index]!, this.window);
    if (ex.measured && ex.writtenMs > 0) {
      this.clientQueue.recordMs(ex.writtenMs - ex.dispatchedMs);
      if (ex.error === null) this.fromWrite.recordMs(ex.endMs - ex.writtenMs);
    }
    this.exchanges.release(ex);
    this.maybeDone();
  }

  private expireLate(): void {
    const now = nowMs();
    for (const ex of this.inFlight) ex.expireIfLate(now, this.cfg.timeoutMs);
  }

  private maybeDone(): void {
    if (!this.sendingDone || this.inFlight.size > 0 || this.resolve === null) return;
    clearInterval(this.sweep!);
    const resolve = this.resolve;
    this.resolve = null;
    resolve({
      lag: this.lag.summary(),
      maxLagMs: this.lag.maxMs(),
      warmupMaxLagMs: this.warmupMaxLag,
      clientQueue: this.clientQueue.summary(),
      maxInFlight: this.maxInFlight,
      drainMs: nowMs() - this.lastIntended,
    });
  }
}
