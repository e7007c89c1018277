/**
 * A weighted mixture: with probability w_i / Σw draw from component i (e.g. 95% cache-hit
 * latency, 5% database latency). The component is picked with an alias table, O(1).
 */
import type { RandomStream } from '../types.js';
import type { DistributionWithSupport } from './base.js';
import { AliasTable } from './alias.js';
import { DistributionError, requireNonNegative, requireRepresentable } from './errors.js';

export interface MixtureComponent {
  readonly weight: number;
  readonly dist: DistributionWithSupport;
}

class Mixture implements DistributionWithSupport {
  readonly kind = 'mixture';
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  readonly discrete: boolean;
  private readonly dists: readonly DistributionWithSupport[];
  private readonly table: AliasTable;
  constructor(components: readonly MixtureComponent[], total: number) {
    this.dists = components.map((c) => c.dist);
    this.table = new AliasTable(components.map((c) => c.weight));
    // Zero-weight components are never drawn, so they must not touch the moments (0·∞ = NaN).
    const live = components.filter((c) => c.weight > 0);
    const ps = live.map((c) => c.weight / total);
    this.min = Math.min(...live.map((c) => c.dist.min));
    this.max = Math.max(...live.map((c) => c.dist.max));
    this.discrete = live.every((c) => c.dist.discrete);
    if (live.some((c) => !Number.isFinite(c.dist.mean))) {
      this.mean = this.variance = Infinity;
      return;
    }
    let mean = 0;
    live.forEach((c, i) => (mean += ps[i]! * c.dist.mean));
    let variance = 0;
    live.forEach((c, i) => (variance += ps[i]! * (c.dist.variance + (c.dist.mean - mean) ** 2)));
    this.mean = mean;
    this.variance = variance;
  }
  sample(rng: RandomStream): number {
    return this.dists[this.table.pick(rng)]!.sample(rng);
  }
}

/** Mix `components` in proportion to their weights (>= 0, finite, with a sum > 0). */
export function mixture(components: readonly MixtureComponent[]): DistributionWithSupport {
  if (!Array.isArray(components) || components.length === 0) {
    throw new DistributionError('mixture', 'components', components, 'a non-empty array of {weight, dist}');
  }
  let total = 0;
  components.forEach((c, i) => (total += requireNonNegative('mixture', `components[${i}].weight`, c.weight)));
  if (!(total > 0 && total < Infinity)) {
    throw new DistributionError('mixture', 'components[*].weight', components.map((c) => c.weight), 'numbers with a finite sum > 0');
  }
  const d = new Mixture(components, total);
  // Infinite component moments are reported as such; only overflow of finite ones is an error.
  if (components.every((c) => c.weight === 0 || Number.isFinite(c.dist.variance))) {
    requireRepresentable('mixture', 'components', components.map((c) => c.weight), d.mean, d.variance);
  }
  return d;
}
