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
  /** 1 while a replica is down (a fault): it takes no new reads. */
  private readonly down: Uint8Array;
  private downCount = 0;

  constructor(
    contexts: readonly SimContext[],
    cores: number,
    private readonly lag: Distribution,
    onDone: DoneHandler<number>,
  ) {
    this.stations = contexts.map((ctx) => new PsStation<number>(ctx, { cores }, onDone));
    this.lagRngs = contexts.map((ctx) => ctx.rng);
    this.reads = contexts.map(() => 0);
    this.down = new Uint8Array(contexts.length);
  }

  get count(): number {
    return this.stations.length;
  }

  /** The replica the next read goes to, or -1 while every replica is down. */
  pick(): number {
    if (this.downCount === this.stations.length) return -1;
    const r = leastBusy(this.stations.length, this.downCount === 0 ? this.load : this.loadIfUp, this.turn++);
    this.reads[r]!++;
    return r;
  }

  /** Replica r's lag for one write, from r's own stream. */
  readonly drawLag = (r: number): number => this.lag.sample(this.lagRngs[r]!);

  resetStats(now: number): void {
    for (const s of this.stations) s.resetStats(now);
    this.reads.fill(0);
  }

  /** Fault hook: replica `r` stops (or resumes) taking reads. */
  setUp(r: number, up: boolean): void {
    if (!(r >= 0 && r < this.stations.length)) throw new RangeError(`replica ${r + 1} does not exist (there are ${this.stations.length})`);
    const wasDown = this.down[r] === 1;
    if (wasDown === !up) return;
    this.down[r] = up ? 0 : 1;
    this.downCount += up ? -1 : 1;
  }

  /** Whether replica `r` takes reads. */
  isUp(r: number): boolean {
    return this.down[r] === 0;
  }

  private readonly load = (i: number): number => this.stations[i]!.inSystem;
  // a down replica looks infinitely busy, so least-busy never picks it while one is up
  private readonly loadIfUp = (i: number): number => (this.down[i] === 1 ? Infinity : this.stations[i]!.inSystem);
}
