/**
 * Scatter-gather: a query without the routing key runs on every shard at once, and the
 * request resumes when the slowest shard has answered. Each shard sees a "leg" — a Request
 * sharing the parent's keys whose one-step flow counts the answer in — so the shards need
 * no special case; legs and gathers are pooled, and the flow runner never counts them.
 */
import type { FlowControl, Step } from '../../flow/step.js';
import { Request } from '../../flow/request.js';
import type { Database, QueryPlan, ReadRoute } from '../contracts.js';

interface Gather {
  parent: Request | null;
  left: number;
}

class Leg extends Request {
  gather: Gather | null = null;
}

export class ScatterGather implements Step {
  readonly kind = 'gather';
  readonly label = 'shard_router:gather';
  private readonly flowOfLeg: readonly Step[] = [this];
  private readonly freeLegs: Leg[] = [];
  private readonly freeGathers: Gather[] = [];
  /** Scatters still waiting for a shard (tests, reports). */
  inFlight = 0;

  /** Run `plans[s]` on `shards[s]` for every s in `targets`; `parent` resumes when all have answered. */
  scatter(parent: Request, targets: Int32Array, shards: readonly Database[], plans: readonly QueryPlan[], route: ReadRoute): void {
    const gather = this.freeGathers.pop() ?? { parent: null, left: 0 };
    gather.parent = parent;
    gather.left = targets.length;
    this.inFlight++;
    for (let i = 0; i < targets.length; i++) {
      const s = targets[i]!;
      shards[s]!.query(this.leg(parent, gather), plans[s]!, route);
    }
  }

  /** A shard answered one leg (the runner resumes the leg into this one-step flow). */
  run(req: Request, flow: FlowControl): void {
    const leg = req as Leg;
    const gather = leg.gather!;
    leg.gather = null;
    leg.instance = null;
    this.freeLegs.push(leg);
    if (--gather.left > 0) return;
    const parent = gather.parent!;
    gather.parent = null;
    this.freeGathers.push(gather);
    this.inFlight--;
    flow.resume(parent);
  }

  private leg(parent: Request, gather: Gather): Leg {
    const leg = this.freeLegs.pop() ?? new Leg(0);
    // shared, not copied: the shards read the keys (staleness, read-your-writes), never write them
    leg.keys = parent.keys;
    leg.instance = parent.instance;
    leg.id = parent.id;
    leg.endpoint = parent.endpoint;
    leg.flow = this.flowOfLeg;
    leg.pc = 0;
    leg.gather = gather;
    return leg;
  }
}
