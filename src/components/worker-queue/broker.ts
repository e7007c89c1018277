/**
 * The broker's ready queues: one FIFO per named queue, served in priority order (a worker
 * takes from the first non-empty queue, as a Celery worker consuming several queues with
 * priorities does). It keeps the depth gauges the report, the scaler and the timeline read.
 */
import { FifoQueue } from '../../engine/resources/wait-queue.js';
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import { DepthTimeline } from './timeline.js';
import type { Task } from './task.js';

export class Broker {
  private readonly queues: FifoQueue<Task>[];
  /** Ready tasks per named queue, and in all (statistics since the last reset). */
  readonly depthOf: TimeWeighted[];
  readonly depth: TimeWeighted;
  /** Total depth never reset: the scaler averages it between its own calls. */
  readonly depthForever: TimeWeighted;
  readonly timeline: DepthTimeline;
  private size = 0;

  constructor(queueCount: number, now: number, timelineWindow: number) {
    this.queues = Array.from({ length: queueCount }, () => new FifoQueue<Task>());
    this.depthOf = this.queues.map(() => new TimeWeighted(now));
    this.depth = new TimeWeighted(now);
    this.depthForever = new TimeWeighted(now);
    this.timeline = new DepthTimeline(timelineWindow, now);
  }

  get ready(): number {
    return this.size;
  }

  push(task: Task, now: number): void {
    const q = task.def.queue;
    this.queues[q]!.push(task, now, 0, 0);
    task.readyAt = now;
    this.depthOf[q]!.set(now, this.queues[q]!.size);
    this.changed(now, 1);
  }

  /** The oldest task of the highest-priority non-empty queue, or undefined. */
  shift(now: number): Task | undefined {
    for (let q = 0; q < this.queues.length; q++) {
      const fifo = this.queues[q]!;
      if (fifo.size === 0) continue;
      const task = fifo.shift()!;
      this.depthOf[q]!.set(now, fifo.size);
      this.changed(now, -1);
      return task;
    }
    return undefined;
  }

  resetStats(now: number): void {
    for (const g of this.depthOf) g.reset(now);
    this.depth.reset(now);
  }

  private changed(now: number, delta: number): void {
    this.size += delta;
    this.depth.set(now, this.size);
    this.depthForever.set(now, this.size);
    this.timeline.set(now, this.size);
  }
}
