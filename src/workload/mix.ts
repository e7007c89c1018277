/**
 * A weighted choice of endpoint (`mix: { get_user: 8, update_user: 1 }`), one uniform per
 * pick through Walker's alias table. Zero weights are dropped first, so an endpoint listed
 * with weight 0 can never be chosen, not even through rounding in the table.
 */
import { AliasTable } from '../engine/random/alias.js';
import type { RandomStream } from '../engine/types.js';

export class EndpointMix {
  /** Endpoint indices that can be picked, and their shares of the picks (summing to 1). */
  readonly endpoints: readonly number[];
  readonly names: readonly string[];
  readonly fractions: readonly number[];
  private readonly table: AliasTable | null;

  /** `weights` by endpoint name (>= 0, one at least > 0); `indexOf` maps a name to its endpoint index. */
  constructor(weights: Readonly<Record<string, number>>, indexOf: (name: string) => number) {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    if (entries.length === 0) throw new RangeError(`an endpoint mix needs a weight > 0 (got ${JSON.stringify(weights)})`);
    const total = entries.reduce((s, [, w]) => s + w, 0);
    if (!Number.isFinite(total)) throw new RangeError(`endpoint weights must be finite (got ${JSON.stringify(weights)})`);
    this.names = entries.map(([n]) => n);
    this.endpoints = entries.map(([n]) => indexOf(n));
    this.fractions = entries.map(([, w]) => w / total);
    // a single endpoint needs no draw at all
    this.table = entries.length > 1 ? new AliasTable(entries.map(([, w]) => w)) : null;
  }

  /** One endpoint index, drawn with probability proportional to its weight. */
  pick(rng: RandomStream): number {
    return this.table === null ? this.endpoints[0]! : this.endpoints[this.table.pick(rng)]!;
  }

  /** `{ endpoint name: share }` for `explain` and reports. */
  shares(): Record<string, number> {
    return Object.fromEntries(this.names.map((n, i) => [n, this.fractions[i]!]));
  }
}

/** The shares of a weight table without building a sampler. */
export function mixShares(weights: Readonly<Record<string, number>>): Record<string, number> {
  return new EndpointMix(weights, () => 0).shares();
}
