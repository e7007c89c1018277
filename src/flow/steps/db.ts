/**
 * `db`: run a query from the database's catalogue, through the instance's connection pool
 * when it has one. `repeat: N` issues the query N times in a row — the N+1 pattern, one
 * round trip per row, against one join (select_related) with repeat 1.
 * Coroutine phases: 0 start → 1 connection in hand → 2 query returned.
 */
import type { Database, Instance, QueryPlan, ReadRoute } from '../../components/contracts.js';
import type { Request } from '../request.js';
import type { FlowControl, Step } from '../step.js';

export class DbStep implements Step {
  readonly kind = 'db';
  constructor(
    readonly label: string,
    private readonly db: Database,
    private readonly plan: QueryPlan,
    private readonly route: ReadRoute,
    private readonly repeat: number,
  ) {}

  run(req: Request, flow: FlowControl): void {
    const pool = (req.instance as Instance | null)?.pool ?? null;
    if (req.phase === 0) {
      req.counter = this.repeat;
      req.phase = 1;
      // without a pool, or with a connection already held for the request, query at once
      if (pool !== null && req.conn === null && !pool.acquire(req)) return;
    }
    if (req.phase === 1) {
      req.phase = 2;
      this.db.query(req, this.plan, this.route);
      return;
    }
    if (--req.counter > 0) {
      this.db.query(req, this.plan, this.route);
      return;
    }
    if (pool !== null && !pool.holdForRequest) pool.releaseEarly(req);
    flow.next(req);
  }
}
