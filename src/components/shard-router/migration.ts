/**
 * The data migration after a resharding: a background mover walks keys 1..keys in order and,
 * at `rate` rows per second, copies each moved row — a read query on the shard it leaves,
 * then a write query on the shard it joins. The load lands on the shards involved through
 * their own cost models and queues, for about moved / rate seconds. Rows are copied one
 * at a time at evenly spaced instants; a slow shard lets copies overlap rather than slowing
 * the pace (the mover is throttled by rate, not by latency).
 */
import type { SimContext } from '../../engine/types.js';
import { Request } from '../../flow/request.js';
import type { FlowControl, Step } from '../../flow/step.js';
import type { Database, QueryPlan } from '../contracts.js';

class CopyRow extends Request {
  to = 0;
}

export interface MigrationPlan {
  /** Every shard ever present (initial, then added), by global index. */
  readonly shards: readonly Database[];
  readonly read: readonly QueryPlan[];
  readonly write: readonly QueryPlan[];
  /** Rows per second. */
  readonly rate: number;
  readonly keys: number;
  /** Where a row's key goes in its keys array, and that array's length (the database reads
   * the row key, and the user key for read-your-writes). */
  readonly space: number;
  readonly keySlots: number;
  /** The global shard of `key` before and after the change. */
  before(key: number): number;
  after(key: number): number;
}

export class Migration implements Step {
  readonly kind = 'migrate';
  readonly label = 'shard_router:migrate';
  private readonly flowOfRow: readonly Step[] = [this];
  private readonly free: CopyRow[] = [];
  private cursor = 1;
  private origin = 0;
  private ticks = 0;
  private scanning = true;
  started = -1;
  /** Rows whose copy has begun, and finished. */
  begun = 0;
  copied = 0;
  inFlight = 0;
  /** When the last row landed, or -1 while copying. */
  finishedAt = -1;

  constructor(private readonly ctx: SimContext, private readonly plan: MigrationPlan) {
    if (!(plan.rate > 0) || !Number.isFinite(plan.rate)) throw new RangeError(`${ctx.name}: reshard.copy.rate must be > 0 rows per second (got ${plan.rate})`);
  }

  start(): void {
    this.started = this.origin = this.ctx.now;
    this.ctx.schedule(0, this.tick, null);
  }

  /** Copy the next moved row, then book the next tick at origin + k / rate (never summed). */
  private readonly tick = (): void => {
    const p = this.plan;
    while (this.cursor <= p.keys) {
      const key = this.cursor++;
      const from = p.before(key);
      const to = p.after(key);
      if (from === to) continue;
      this.copy(key, from, to);
      this.ctx.schedule(Math.max(0, this.origin + ++this.ticks / p.rate - this.ctx.now), this.tick, null);
      return;
    }
    this.scanning = false;
    this.finishIfDone();
  };

  private copy(key: number, from: number, to: number): void {
    const row = this.free.pop() ?? new CopyRow(this.plan.keySlots);
    row.keys[this.plan.space] = key;
    row.to = to;
    row.flow = this.flowOfRow;
    row.pc = 0;
    row.phase = 0;
    this.begun++;
    this.inFlight++;
    this.plan.shards[from]!.query(row, this.plan.read[from]!, 'primary');
  }

  /** The runner resumes a row here: after its read, write it; after its write, it is done. */
  run(req: Request, _flow: FlowControl): void {
    const row = req as CopyRow;
    if (row.phase === 0) {
      row.phase = 1;
      this.plan.shards[row.to]!.query(row, this.plan.write[row.to]!, 'primary');
      return;
    }
    this.copied++;
    this.inFlight--;
    this.free.push(row);
    this.finishIfDone();
  }

  private finishIfDone(): void {
    if (!this.scanning && this.inFlight === 0 && this.finishedAt < 0) this.finishedAt = this.ctx.now;
  }
}
