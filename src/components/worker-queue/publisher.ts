/**
 * The way into the broker: a request's `enqueue` (resumed once the broker has the task),
 * beat's periodic publishes, and tasks coming back later — retries after their backoff,
 * redeliveries after a crash. Each task reaches the ready queues through `arrive`, which
 * then lets the queue dispatch.
 */
import type { RandomStream, SimContext } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { Broker } from './broker.js';
import type { QueueSettings } from './settings.js';
import type { QueueStats } from './stats.js';
import { Task } from './task.js';

export class Publisher {
  /** Tasks on their way back (retry backoff, redelivery delay), now. */
  scheduled = 0;
  private readonly rng: RandomStream;
  private noKeys: number[] = [];
  private nextId = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    private readonly settings: QueueSettings,
    private readonly broker: Broker,
    private readonly stats: QueueStats,
    /** Tasks are ready: dispatch them. */
    private readonly onReady: () => void,
  ) {
    this.rng = ctx.stream('broker');
    for (const b of settings.beat) ctx.schedule(b.start, this.beat, b);
  }

  /** Beat's tasks carry no request keys: all zero, one per key space. */
  setKeySpaces(n: number): void {
    this.noKeys = new Array<number>(n).fill(0);
  }

  publish(req: Request, task: number): void {
    const t = Task.publish(this.settings.tasks[task]!, this.nextId++, req.keys, this.ctx.now);
    t.publisher = req;
    this.send(t);
  }

  /** Put `t` back in its queue after `delay` (a retry's backoff, a redelivery's delay). */
  later(delay: number, t: Task): void {
    this.scheduled++;
    this.ctx.schedule(delay, this.requeue, t);
  }

  private send(t: Task): void {
    const latency = this.settings.latency.sample(this.rng);
    this.ctx.schedule(latency > 0 ? latency : 0, this.arrive, t);
  }

  // bound once: every handler takes the task (or the beat entry) as its payload
  private readonly arrive = (t: Task): void => {
    this.stats.enqueued++;
    this.broker.push(t, this.ctx.now);
    this.onReady();
    const p = t.publisher;
    if (p !== null) {
      t.publisher = null;
      this.flow.resume(p);
    }
  };

  private readonly requeue = (t: Task): void => {
    this.scheduled--;
    this.broker.push(t, this.ctx.now);
    this.onReady();
  };

  private readonly beat = (b: QueueSettings['beat'][number]): void => {
    this.send(Task.publish(this.settings.tasks[b.task]!, this.nextId++, this.noKeys, this.ctx.now));
    this.ctx.schedule(b.every, this.beat, b);
  };
}
