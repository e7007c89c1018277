/**
 * What a configuration costs per hour, before simulating it, so candidates can be tried
 * cheapest first. Each component prices only its own config, so the cost is the model's
 * base cost plus one term per knob; each term is measured once by building the model with
 * that knob changed and adding up the components' reported costs (the same code that
 * prices a simulated run), then remembered.
 */
import { buildModel } from '../build/graph.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { LoadedPrices } from '../model/prices.js';
import { withValues, type Knob } from './knobs.js';

export interface CostModel {
  /** Cost per hour of a configuration (one value per knob). */
  of(values: readonly number[]): number;
}

/** Cost per hour of a built model: the sum the run summary reports. */
export function modelCost(model: NormalizedModel, prices: LoadedPrices): number {
  const built = buildModel(model, prices);
  return built.components.reduce((sum, c) => sum + c.report(0).costPerHour, 0);
}

export function costModel(model: NormalizedModel, prices: LoadedPrices, knobs: readonly Knob[]): CostModel {
  const base = modelCost(model, prices);
  const terms = knobs.map(() => new Map<number, number>());
  const term = (i: number, v: number): number => {
    const memo = terms[i]!;
    let t = memo.get(v);
    if (t === undefined) {
      t = modelCost(withValues(model, [knobs[i]!], [v]), prices) - base;
      memo.set(v, t);
    }
    return t;
  };
  return {
    // rounded so that float noise in the sums cannot reorder configurations of equal cost
    of: (values) => Math.round((base + values.reduce((s, v, i) => s + term(i, v), 0)) * 1e6) / 1e6,
  };
}
