/**
 * `sleep`: wait without using CPU or a worker's attention — a call to an external API, a
 * fixed network hop. The request keeps whatever it holds while it waits.
 */
import type { Distribution, RandomStream, SimContext } from '../../engine/types.js';
import type { Request } from '../request.js';
import type { FlowControl, Step } from '../step.js';

export class SleepStep implements Step {
  readonly kind = 'sleep';
  private flow: FlowControl | null = null;
  constructor(
    readonly label: string,
    private readonly ctx: SimContext,
    private readonly delay: Distribution,
    private readonly rng: RandomStream,
  ) {}

  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      this.flow = flow;
      this.ctx.schedule(this.delay.sample(this.rng), this.wake, req);
    } else {
      flow.next(req);
    }
  }

  private readonly wake = (req: Request): void => this.flow!.resume(req);
}
