/**
 * The read replicas of a database: each with its own cores (a processor-sharing station),
 * its own context and random stream (its lag draws do not move when a replica is added),
 * and a share of the reads chosen by the least-busy policy with a rotating tie-break.
 */
import { PsStation } from '../../engine/resources/ps-station.js';
import type { DoneHandler } from '../../engine/resources/station.js';
import type { Distribution, RandomStream, SimContext } from '../../engine/types.js';
import { leastBusy } from '../policies/db/least-busy.js';

export class ReplicaSet {
  readonly stations: PsStation<number>[];
  private readonly lagRngs: RandomStream[];
  private turn = 0;
  /** Reads served per replica since the last reset. */
  readonly reads: number[];

  constructor(
    contexts: readonly SimContext[],
    cores: number,
    private readonly lag: Distribution,
    onDone: DoneHandler<number>,
  ) {
    this.stations = contexts.map((ctx) => new PsStation<number>(ctx, { cores }, onDone));
    this.lagRngs = contexts.map((ctx) => ctx.rng);
    this.reads = contexts.map(() => 0);
  }

  get count(): number {
    return this.stations.length;
  }

  /** The replica the next read goes to. */
  pick(): number {
    const r = leastBusy(this.stations.length, this.load, this.turn++);
    this.reads[r]!++;
    return r;
  }

  /** Replica r's lag for one write, from r's own stream. */
  readonly drawLag = (r: number): number => this.lag.sample(this.lagRngs[r]!);

  resetStats(now: number): void {
    for (const s of this.stations) s.resetStats(now);
    this.reads.fill(0);
  }

  private readonly load = (i: number): number => this.stations[i]!.inSystem;
}
