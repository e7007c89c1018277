/**
 * The closed-loop run: spawns users at the spawn rate, lends them the dispatcher, tallies
 * their outcomes, and stops them all at the end of the window. A request's latency is
 * measured from its dispatch: a closed-loop user waits for its previous response, so
 * there is no intended time to measure from (that waiting *is* the model, X = N/(R+Z)).
 */
import type { Dispatcher } from 'undici';
import { ExchangePool, nowMs, type Exchange } from './exchange.js';
import { settle, type Window } from './settle.js';
import { TaskTally } from './stats.js';
import { ClientSideError, cumulativeWeights, prepareRequest, type CompiledTask } from './tasks.js';
import type { ThinkTime } from './think.js';
import { VirtualUser, type UserHost } from './virtual-user.js';

export interface ClosedLoopRunConfig {
  readonly dispatcher: Dispatcher;
  readonly users: number;
  /** Users started per second; Infinity starts all at once. */
  readonly spawnRate: number;
  readonly onStart: readonly CompiledTask[];
  readonly tasks: readonly CompiledTask[];
  readonly think: ThinkTime;
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly seed: string;
  readonly runId: string;
  readonly timeoutMs: number;
}

export class ClosedLoopRun implements UserHost {
  /** Indexed by CompiledTask.index: on_start tasks first, then the weighted tasks. */
  readonly tallies: TaskTally[];
  readonly onStart: readonly CompiledTask[];
  readonly tasks: readonly CompiledTask[];
  readonly cum: Float64Array;
  readonly think: ThinkTime;
  stopped = false;
  spawned = 0;
  onStartCompleted = 0;
  private readonly users: VirtualUser[] = [];
  private readonly exchanges = new ExchangePool();
  private readonly inFlight = new Set<Exchange>();
  private readonly busy = new Set<VirtualUser>();
  private readonly spawnTick = (): void => this.spawnDue();
  private window: Window = { startMs: 0, endMs: 0 };
  private t0 = 0;
  private seq = 0;
  private spawnTimer: NodeJS.Timeout | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private resolve: (() => void) | null = null;

  constructor(private readonly cfg: ClosedLoopRunConfig) {
    this.onStart = cfg.onStart;
    this.tasks = cfg.tasks;
    this.cum = cumulativeWeights(cfg.tasks);
    this.think = cfg.think;
    this.tallies = [...cfg.onStart, ...cfg.tasks].map((t, i) => {
      if (t.index !== i) throw new Error('task index invariant violated: on_start tasks first, then tasks');
      return new TaskTally(t.name);
    });
  }

  run(): Promise<void> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.t0 = nowMs();
      const startMs = this.t0 + this.cfg.warmupSec * 1000;
      this.window = { startMs, endMs: startMs + this.cfg.durationSec * 1000 };
      setTimeout(() => this.stop(), this.window.endMs - this.t0);
      this.sweep = setInterval(() => this.expireLate(), Math.min(100, Math.max(5, this.cfg.timeoutMs / 10)));
      this.spawnDue();
    });
  }

  private spawnDue(): void {
    this.spawnTimer = null;
    const elapsedSec = (nowMs() - this.t0) / 1000;
    while (this.spawned < this.cfg.users && this.spawned / this.cfg.spawnRate <= elapsedSec) {
      const user = new VirtualUser(this.spawned++, this, this.cfg.seed);
      this.users.push(user);
      this.busy.add(user);
      user.step();
    }
    if (this.spawned < this.cfg.users) {
      const dueMs = this.t0 + (this.spawned / this.cfg.spawnRate) * 1000;
      this.spawnTimer = setTimeout(this.spawnTick, dueMs - nowMs());
    }
  }

  send(user: VirtualUser, task: CompiledTask): void {
    const now = nowMs();
    const measured = now >= this.window.startMs;
    const tally = this.tallies[task.index]!;
    if (measured) tally.requests++;
    let req;
    try {
      req = prepareRequest(task, user.ctx, ++this.seq, this.cfg.runId, user.rng);
    } catch (err) {
      if (!(err instanceof ClientSideError)) throw err;
      if (measured) tally.error('client', err.message);
      return user.after(0.001); // a short pause, so a broken task cannot spin the event loop
    }
    const ex = this.exchanges.acquire(user, task, now, measured);
    this.inFlight.add(ex);
    ex.start(this.cfg.dispatcher, req, this.cfg.timeoutMs);
  }

  settle(ex: Exchange): boolean {
    this.inFlight.delete(ex);
    const ok = settle(ex, this.tallies[ex.task!.index]!, this.window);
    this.exchanges.release(ex);
    return ok;
  }

  userStartedLoop(): void {
    this.onStartCompleted++;
  }

  userIdle(user: VirtualUser): void {
    this.busy.delete(user);
    if (this.busy.size === 0 && this.stopped) this.done();
  }

  private stop(): void {
    this.stopped = true;
    if (this.spawnTimer !== null) clearTimeout(this.spawnTimer);
    for (const user of this.users) if (user.interrupt()) this.busy.delete(user);
    if (this.busy.size === 0) this.done();
  }

  private expireLate(): void {
    const now = nowMs();
    for (const ex of this.inFlight) ex.expireIfLate(now, this.cfg.timeoutMs);
  }

  private done(): void {
    if (this.resolve === null) return;
    clearInterval(this.sweep!);
    const resolve = this.resolve;
    this.resolve = null;
    resolve();
  }
}
