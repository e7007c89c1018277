/**
 * `enqueue`: publish a task to a worker queue and continue once the broker has it (the
 * publish latency is the only time the request spends). The task then runs on a worker on
 * its own; with `respond: 202` before this step the client is answered before it is even
 * published, so the response latency excludes the task entirely.
 */
import type { TaskQueue } from '../../components/contracts.js';
import type { Request } from '../request.js';
import type { FlowControl, Step } from '../step.js';

export class EnqueueStep implements Step {
  readonly kind = 'enqueue';
  constructor(
    readonly label: string,
    private readonly queue: TaskQueue,
    private readonly task: number,
  ) {}

  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      this.queue.publish(req, this.task);
    } else {
      flow.next(req);
    }
  }
}
