/**
 * `cpu`: compute on the instance running the request (hashing a password, rendering JSON).
 * The work is drawn from the step's own stream, so the same request needs the same CPU
 * whatever else the model contains.
 */
import type { Distribution, RandomStream } from '../../engine/types.js';
import type { Instance } from '../../components/contracts.js';
import type { Request } from '../request.js';
import type { FlowControl, Step } from '../step.js';

export class CpuStep implements Step {
  readonly kind = 'cpu';
  constructor(
    readonly label: string,
    private readonly work: Distribution,
    private readonly rng: RandomStream,
  ) {}

  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      (req.instance as Instance).cpu(req, this.work.sample(this.rng));
    } else {
      flow.next(req);
    }
  }
}
