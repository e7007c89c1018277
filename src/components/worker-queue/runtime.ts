/**
 * The built worker_queue: publish (the `enqueue` step and beat), the broker's ready queues,
 * dispatch to free worker slots, and the fate of each attempt — completed, retried after a
 * backoff, dead-lettered once its retries are spent, or, when its worker crashes,
 * redelivered (acks_late) or lost. Attempts run on a private flow runner, so tasks never
 * count as HTTP requests; components resume them through the shared runner as usual.
 */
import type { ProbeChannel, ProbeEvent, RandomStream, SimContext } from '../../engine/types.js';
import type { Releasable, Request } from '../../flow/request.js';
import { FlowRunner } from '../../flow/runner.js';
import type { Step } from '../../flow/step.js';
import type { ConnectionSource, Scalable, TaskQueue } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import { delayOf } from '../policies/backoff/index.js';
import { attemptFlow } from './attempt.js';
import { Broker } from './broker.js';
import { Fleet } from './fleet.js';
import { scalerMetric, type MetricCursor } from './metrics.js';
import { Publisher } from './publisher.js';
import { queueReport } from './report.js';
import type { QueueSettings } from './settings.js';
import { QueueStats } from './stats.js';
import { Task } from './task.js';
import type { DepthPoint } from './timeline.js';
import type { Worker } from './worker.js';

/** Width of the depth timeline's windows before any merging. */
const TIMELINE_WINDOW = 10;

export type AttemptOutcome = 'completed' | 'retry' | 'dead_lettered' | 'redelivered' | 'lost';

/** Emitted when an attempt ends (probe `worker_queue.attempt`); the object is reused. */
export interface AttemptProbe extends ProbeEvent {
  type: 'worker_queue.attempt';
  queue: string;
  task: string;
  id: number;
  attempt: number;
  outcome: AttemptOutcome;
  /** Seconds since the task was first published. */
  age: number;
}

export interface QueueParts {
  contextFor(index: number): SimContext;
  poolFor(name: string): ConnectionSource | null;
  /** The context of the private runner that starts attempts. */
  readonly taskContext: SimContext;
}

export class WorkerQueue implements ComponentInstance, TaskQueue, Scalable {
  readonly kind = 'worker_queue';
  readonly broker: Broker;
  readonly fleet: Fleet;
  readonly stats: QueueStats;
  readonly publisher: Publisher;
  private readonly runner: FlowRunner;
  private readonly attempt: readonly Step[];
  private readonly backoffRng: RandomStream;
  private readonly probe: ProbeChannel<AttemptProbe>;
  private readonly event: AttemptProbe;
  private readonly cursors = new Map<string, MetricCursor>();
  private cpuBase: { busy: number; serving: number };
  private pumpPending = false;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    /** The shared runner: components resume tasks through it; the publisher resumes requests. */
    flow: FlowRunner,
    readonly settings: QueueSettings,
    parts: QueueParts,
  ) {
    const now = ctx.now;
    this.broker = new Broker(settings.queues.length, now, TIMELINE_WINDOW);
    this.stats = new QueueStats(settings.tasks.length, now);
    this.runner = new FlowRunner(parts.taskContext, () => {});
    this.attempt = attemptFlow(name, ctx.stream('failure'));
    this.backoffRng = ctx.stream('backoff');
    this.probe = ctx.probes.channel<AttemptProbe>('worker_queue.attempt');
    this.event = { type: 'worker_queue.attempt', queue: name, task: '', id: 0, attempt: 0, outcome: 'completed', age: 0 };
    this.fleet = new Fleet({ name, ctx, flow, settings, contextFor: parts.contextFor, poolFor: parts.poolFor, onUp: this.schedulePump });
    this.publisher = new Publisher(ctx, flow, settings, this.broker, this.stats, this.pumpNow);
    this.cpuBase = { busy: 0, serving: 0 };
    for (const k of settings.crashes) ctx.schedule(k.at, this.scheduledCrash, k);
  }

  taskIndex(name: string): number {
    const i = this.settings.tasks.findIndex((t) => t.name === name);
    if (i < 0) throw new Error(`worker_queue ${this.name}: no task ${name} (normalize should have caught it)`);
    return i;
  }

  /** Give each task its compiled flow (the builder compiles them after every component is built). */
  bindTasks(flows: ReadonlyMap<string, readonly Step[]>, keySpaces: number): void {
    for (const t of this.settings.tasks) {
      const steps = flows.get(t.name);
      if (steps === undefined) throw new Error(`worker_queue ${this.name}: no compiled flow for task ${t.name}`);
      t.steps = steps;
    }
    this.publisher.setKeySpaces(keySpaces);
  }

  publish(req: Request, task: number): void {
    this.publisher.publish(req, task);
  }

  /** Kill worker instance `worker` (its 1-based number or name): its running tasks are
   * redelivered (acks_late) or lost. False when it was not running. For fault schedules. */
  crash(worker: number | string): boolean {
    const w = typeof worker === 'number' ? this.fleet.worker(worker) : this.fleet.live.find((x) => x.name === worker);
    const tasks = w === undefined ? null : this.fleet.crash(w);
    if (tasks === null) return false;
    const now = this.ctx.now;
    this.stats.crashes++;
    this.stats.busySlots.add(now, -tasks.length);
    for (const t of tasks) {
      t.lost = true;
      // stop at its next completion; what it holds (connections) is released then
      this.runner.abort(t, 'task_failed');
      if (this.settings.acksLate) {
        this.stats.redelivered++;
        this.publisher.later(this.settings.redeliveryDelay, Task.again(t, false));
        this.emit(t, 'redelivered');
      } else {
        this.stats.lost++;
        this.emit(t, 'lost');
      }
    }
    return true;
  }

  get replicas(): number {
    return this.fleet.replicas;
  }

  get starting(): number {
    return this.fleet.starting;
  }

  metric(name: string, now: number): number {
    return scalerMetric(this, name, now, this.cursors);
  }

  scaleTo(n: number): void {
    this.fleet.scaleTo(n);
  }

  /** Ready-queue depth over time (mean and peak per window), from the start of the run. */
  timeline(now: number): DepthPoint[] {
    return this.broker.timeline.snapshot(now);
  }

  /** CPU core-seconds used and serving instance-seconds since the last reset. */
  cpuSinceReset(now: number): { busy: number; serving: number } {
    return { busy: this.fleet.busyCoreSeconds(now) - this.cpuBase.busy, serving: this.fleet.serving.integral(now) - this.cpuBase.serving };
  }

  resetStats(now: number): void {
    this.stats.reset(now);
    this.broker.resetStats(now);
    this.fleet.resetStats(now);
    this.cpuBase = { busy: this.fleet.busyCoreSeconds(now), serving: this.fleet.serving.integral(now) };
  }

  report(now: number): ComponentReport {
    return queueReport(this, now);
  }

  /** Start ready tasks on free slots, highest-priority queue first. */
  private pump(): void {
    this.pumpPending = false;
    const now = this.ctx.now;
    while (this.broker.ready > 0) {
      const w = this.fleet.pick();
      if (w === null) return;
      const task = this.broker.shift(now)!;
      w.add(task);
      this.stats.attempts++;
      if (this.stats.measured(task)) this.stats.wait.record(now - task.readyAt);
      this.stats.busySlots.add(now, 1);
      task.held.push(this.ended);
      this.runner.start(task, this.attempt);
    }
  }

  private attemptEnded(task: Task): void {
    if (task.lost) return; // its worker crashed: the crash settled it
    const w = task.worker as Worker;
    w.remove(task);
    this.stats.busySlots.add(this.ctx.now, -1);
    this.settle(task);
    this.fleet.retireIfIdle(w);
    this.schedulePump();
  }

  private settle(task: Task): void {
    if (task.succeeded) {
      this.stats.complete(task, this.ctx.now);
      return this.emit(task, 'completed');
    }
    this.stats.failedAttempts++;
    if (!task.finished) this.stats.failedByError++;
    if (task.attempt >= task.def.maxRetries) {
      this.stats.deadLettered++;
      return this.emit(task, 'dead_lettered');
    }
    this.stats.retries++;
    const next = Task.again(task, true);
    next.previousDelay = delayOf(task.def.backoff, task.attempt, task.previousDelay, this.backoffRng);
    this.publisher.later(next.previousDelay, next);
    this.emit(task, 'retry');
  }

  private emit(task: Task, outcome: AttemptOutcome): void {
    if (!this.probe.active) return;
    const e = this.event;
    e.task = task.def.name;
    e.id = task.id;
    e.attempt = task.attempt;
    e.outcome = outcome;
    e.age = this.ctx.now - task.enqueuedAt;
    this.probe.emit(e);
  }

  // bound once, shared by every task: handlers take the task as their payload
  private readonly ended: Releasable = { release: (req) => this.attemptEnded(req as Task) };

  // after a slot frees, from the event loop: never inside the runner's release of another task
  private readonly schedulePump = (): void => {
    if (this.pumpPending) return;
    this.pumpPending = true;
    this.ctx.schedule(0, this.pumpNow, null);
  };

  private readonly pumpNow = (): void => this.pump();

  private readonly scheduledCrash = (k: QueueSettings['crashes'][number]): void => {
    this.crash(k.worker);
  };
}
