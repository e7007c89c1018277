/**
 * The workers and threads runtimes (Gunicorn sync workers, a thread pool): a request takes
 * a worker when it starts and holds it through all its I/O until it ends, waiting FIFO in the
 * accept queue when every worker is busy. The CPU work of busy workers shares the instance's
 * cores by processor sharing — or one core, for Python threads under the GIL. With at least
 * as many cores as workers the sharing never slows anyone, and CPU work is a plain delay.
 */
import { Pool } from '../../engine/resources/pool.js';
import { PsStation } from '../../engine/resources/ps-station.js';
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import type { Releasable, Request } from '../../flow/request.js';
import type { FlowControl, Step } from '../../flow/step.js';
import { AppInstance, type InstanceFigures, type InstanceParts } from './instance.js';

/** The first step of every request on a slotted instance: wait for a worker, then run the
 * endpoint's flow as a sub-flow. Phases: 0 arrive → 1 worker in hand. */
class TakeWorker implements Step {
  readonly kind = 'take_worker';
  readonly label: string;
  constructor(private readonly instance: SlottedInstance) {
    this.label = `worker of ${instance.name}`;
  }
  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      if (!this.instance.takeWorker(req)) return; // resumed when a worker is free
    }
    flow.enter(req, this.instance.endpointSteps(req));
  }
}

export class SlottedInstance extends AppInstance {
  private readonly workers: Pool<Request>;
  private readonly processors: PsStation<Request>;
  /** cores >= workers: every CPU burst runs at full speed, so it needs no PS station. */
  private readonly uncontended: boolean;
  /** Cores busy on the uncontended path (the PS station keeps its own gauge). */
  private readonly busy = new TimeWeighted();
  private readonly admission: readonly Step[];

  constructor(name: string, parts: InstanceParts) {
    super(name, parts);
    this.workers = new Pool<Request>(parts.ctx, { size: parts.settings.slots }, this.granted);
    this.processors = new PsStation<Request>(parts.ctx, { cores: parts.settings.cpuCores }, this.cpuDone);
    this.admission = [new TakeWorker(this)];
    this.uncontended = parts.settings.cpuCores >= parts.settings.slots;
  }

  get overloaded(): boolean {
    return this.workers.inUseCount >= this.workers.size && this.workers.waiting >= this.settings.acceptLimit;
  }

  cpu(req: Request, work: number): void {
    if (!this.uncontended) {
      this.processors.arrive(req, work);
      return;
    }
    this.busy.add(this.ctx.now, 1);
    this.ctx.schedule(work, this.burstDone, req);
  }

  /** Take a worker now (true) or queue for one (false: the request resumes when granted). */
  takeWorker(req: Request): boolean {
    if (!this.workers.acquire(req)) return false;
    req.held.push(this.worker);
    return true;
  }

  endpointSteps(req: Request): readonly Step[] {
    return this.stepsOf(req);
  }

  figures(now: number): InstanceFigures {
    return {
      busyCores: this.uncontended ? this.busy.mean(now) : this.processors.busy.mean(now),
      queueMean: this.workers.waitingGauge.mean(now),
      queueMax: this.workers.waitingGauge.max,
      slotUtilisation: this.workers.inUse.mean(now) / this.workers.size,
      acceptWaitSum: this.workers.waitSum,
      acceptWaitCount: this.workers.acquired,
    };
  }

  protected admit(req: Request): void {
    this.flow.start(req, this.admission);
  }

  protected resetRuntime(now: number): void {
    this.workers.resetStats(now);
    this.processors.resetStats(now);
    this.busy.reset(now);
  }

  // bound once, shared by every request: the runner hands the request back on release
  private readonly worker: Releasable = { release: () => this.workers.release() };

  // A request given up while queued (timeout) still gets its worker here and the runner ends
  // it at once, freeing the worker for the next: the backlog holds dead requests, as a real one does.
  private readonly granted = (req: Request): void => {
    req.held.push(this.worker);
    this.flow.resume(req);
  };

  private readonly cpuDone = (req: Request): void => this.flow.resume(req);

  private readonly burstDone = (req: Request): void => {
    this.busy.add(this.ctx.now, -1);
    this.flow.resume(req);
  };
}
