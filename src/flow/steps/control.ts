/**
 * Control steps: `call` runs a named flow as a sub-flow; `respond` sends the response now
 * (e.g. 202 Accepted) while the rest of the flow runs in the background; `visit` queues at
 * a plain station (textbook networks).
 */
import type { Visitable } from '../../components/contracts.js';
import type { Request } from '../request.js';
import type { FlowControl, Step } from '../step.js';

export class CallStep implements Step {
  readonly kind = 'call';
  /** Set after construction: flows may call flows defined later in the file. */
  target: readonly Step[] = [];
  constructor(readonly label: string) {}
  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      flow.enter(req, this.target);
    } else {
      flow.next(req);
    }
  }
}

export class RespondStep implements Step {
  readonly kind = 'respond';
  constructor(readonly label: string, private readonly status: number) {}
  run(req: Request, flow: FlowControl): void {
    flow.respond(req, this.status);
    flow.next(req);
  }
}

export class VisitStep implements Step {
  readonly kind = 'visit';
  constructor(readonly label: string, private readonly station: Visitable) {}
  run(req: Request, flow: FlowControl): void {
    if (req.phase === 0) {
      req.phase = 1;
      this.station.visit(req);
    } else {
      flow.next(req);
    }
  }
}
