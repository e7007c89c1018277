/**
 * The event_loop runtime (Node, uvicorn): one thread runs every callback to completion, so
 * the CPU steps of all in-flight requests queue FIFO on a single server, while any number of
 * requests wait on I/O at once. With cores < 1 the thread runs at that fraction of a core.
 * With `wake_up`, a callback that finds the loop idle for longer than `after_idle` pays the
 * core's wake-up — before it runs, or (charge: after) right after it, delaying only the work
 * queued behind it: so CPU per request falls as load rises and idle gaps get shorter.
 */
import { Station } from '../../engine/resources/station.js';
import type { Distribution, RandomStream } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import { AppInstance, type InstanceFigures, type InstanceParts } from './instance.js';

/** The loop's work of waking up when charged after the callback: a job no request waits for. */
const WAKE_UP = Object.freeze({}) as Request;

export class EventLoopInstance extends AppInstance {
  private readonly loop: Station<Request>;
  /** Work per second of the loop's thread: min(1, cores). */
  private readonly speed: number;
  private readonly wake: { readonly afterIdle: number; readonly cost: Distribution; readonly after: boolean; readonly rng: RandomStream } | null;
  /** When the loop last ran out of work (it starts idle, asleep since time 0). */
  private idleSince = 0;
  /** Wake-ups and the CPU seconds they took, since the last statistics reset. */
  wakeUps = 0;
  wakeSeconds = 0;

  constructor(name: string, parts: InstanceParts) {
    super(name, parts);
    this.speed = parts.settings.cpuCores;
    this.loop = new Station<Request>(parts.ctx, { servers: 1 }, this.cpuDone);
    const w = parts.settings.wake;
    this.wake = w === null ? null : { ...w, rng: parts.ctx.stream('wake') };
  }

  get overloaded(): boolean {
    return this.active >= this.settings.acceptLimit;
  }

  cpu(req: Request, work: number): void {
    const w = this.wake;
    if (w !== null && this.loop.inSystem === 0 && this.ctx.now - this.idleSince > w.afterIdle) {
      const cost = w.cost.sample(w.rng);
      this.wakeUps++;
      this.wakeSeconds += cost;
      if (w.after) {
        this.loop.arrive(req, work / this.speed);
        this.loop.arrive(WAKE_UP, cost / this.speed);
        return;
      }
      work += cost;
    }
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
    this.wakeUps = 0;
    this.wakeSeconds = 0;
  }

  private readonly cpuDone = (req: Request): void => {
    if (this.loop.inSystem === 0) this.idleSince = this.ctx.now;
    if (req !== WAKE_UP) this.flow.resume(req);
  };
}
