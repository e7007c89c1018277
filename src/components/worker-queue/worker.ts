/**
 * One worker instance of a worker_queue (a Celery worker on its own machine or pod): the
 * Instance a task's cpu steps run on, with `concurrency` task slots and its cores shared by
 * processor sharing among the tasks computing. It keeps the list of tasks it runs so a crash
 * can hand them back; the fleet (fleet.ts) decides its life cycle.
 */
import { PsStation } from '../../engine/resources/ps-station.js';
import type { EventId, SimContext } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { ConnectionSource, Instance } from '../contracts.js';
import type { Task } from './task.js';

/** starting → up ⇄ down (crash, restart); up → draining → retired (scaled in). */
export type WorkerState = 'starting' | 'up' | 'draining' | 'down' | 'retired';

export class Worker implements Instance {
  state: WorkerState;
  /** The tasks running now; a task's `slot` is its position here. */
  readonly running: Task[] = [];
  /** The pending start or restart event, if any. */
  timer: EventId = -1;
  private processors: PsStation<Request>;
  /** Busy core-seconds of earlier incarnations: a crash replaces the processors. */
  private busyBefore = 0;

  constructor(
    readonly name: string,
    /** 1-based, never reused: worker k keeps its context (and streams) whatever else scales. */
    readonly index: number,
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    readonly pool: ConnectionSource | null,
    readonly cores: number,
    readonly concurrency: number,
    state: WorkerState,
  ) {
    this.state = state;
    this.processors = this.newProcessors();
  }

  get active(): number {
    return this.running.length;
  }

  /** Up with a free slot: it may take a task now. */
  get free(): boolean {
    return this.state === 'up' && this.running.length < this.concurrency;
  }

  cpu(req: Request, work: number): void {
    this.processors.arrive(req, work > 0 ? work : 0);
  }

  add(task: Task): void {
    task.slot = this.running.length;
    task.worker = this;
    task.instance = this;
    this.running.push(task);
  }

  /** O(1): the last running task takes the leaving one's slot. */
  remove(task: Task): void {
    const last = this.running.pop()!;
    if (last !== task) {
      this.running[task.slot] = last;
      last.slot = task.slot;
    }
    task.slot = -1;
  }

  /** Core-seconds of CPU work done up to `now`, over every incarnation. */
  busyCoreSeconds(now: number): number {
    return this.busyBefore + this.processors.busy.integral(now);
  }

  /** Die: return the tasks that were running (the caller settles them). Their CPU bursts
   * finish on the old processors, unseen, so the restarted instance starts with idle cores. */
  crash(now: number): Task[] {
    const lost = this.running.splice(0);
    for (const t of lost) t.slot = -1;
    this.busyBefore += this.processors.busy.integral(now);
    this.processors = this.newProcessors();
    this.state = 'down';
    return lost;
  }

  private newProcessors(): PsStation<Request> {
    return new PsStation<Request>(this.ctx, { cores: this.cores }, this.cpuDone);
  }

  private readonly cpuDone = (req: Request): void => this.flow.resume(req);
}
