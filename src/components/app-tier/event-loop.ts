/**
 * The event_loop runtime (Node, uvicorn): one thread runs every callback to completion, so
 * the CPU steps of all in-flight requests queue FIFO on a single server, while any number of
 * requests wait on I/O at once. With cores < 1 the thread runs at that fraction of a core.
 */
import { Station } from '../../engine/resources/station.js';
import type { Request } from '../../flow/request.js';
import { AppInstance, type InstanceFigures, type InstanceParts } from './instance.js';

export class EventLoopInstance extends AppInstance {
  private readonly loop: Station<Request>;
  /** Work per second of the loop's thread: min(1, cores). */
  private readonly speed: number;

  constructor(name: string, parts: InstanceParts) {
    super(name, parts);
    this.speed = parts.settings.cpuCores;
    this.loop = new Station<Request>(parts.ctx, { servers: 1 }, this.cpuDone);
  }

  get overloaded(): boolean {
    return this.active >= this.settings.acceptLimit;
  }

  cpu(req: Request, work: number): void {
    this.loop.arrive(req, work / this.speed);
  }

  figures(now: number): InstanceFigures {
    return {
      busyCores: this.loop.busy.mean(now) * this.speed,
      queueMean: this.loop.queueLength.mean(now),
      queueMax: this.loop.queueLength.max,
      slotUtilisation: 0,
      acceptWaitSum: 0,
      acceptWaitCount: 0,
    };
  }

  protected admit(req: Request): void {
    this.flow.start(req, this.stepsOf(req));
  }

  protected resetRuntime(now: number): void {
    this.loop.resetStats(now);
  }

  private readonly cpuDone = (req: Request): void => this.flow.resume(req);
}
