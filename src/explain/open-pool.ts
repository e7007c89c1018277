/**
 * Open loop in front of workers or threads: at most L requests are in service at once, so
 * the database behind them never sees more than L queries — independent open queues would
 * overstate its queue badly near saturation. Instead the network behind the workers is
 * solved by exact MVA for 1..L requests in service, and the Poisson arrivals queue for a
 * worker at a flow-equivalent server (a birth–death chain), the wait scaled for the spread
 * of holding times and for arrivals dealt in turn over the instances.
 */
import { mva, type MvaResult } from '../analytic/index.js';
import { memoized, openFlowEquivalent } from './fes.js';
import { concurrencyLimit, network, residencesFrom } from './network.js';
import type { OpenInput } from './open.js';
import { smoothArrivals } from './queues.js';
import { holdScv, type HoldResult, type Solution } from './solution.js';

/** The solution; 'saturated' when the arrivals reach what L workers can get through; null
 * when some requests hold no worker, or MVA refuses the network (too large). */
export function solveOpenPool(input: OpenInput, lambda: number, shares: readonly number[]): Solution | 'saturated' | null {
  const delay = input.costs.reduce((s, c, i) => s + shares[i]! * c.delay, 0);
  const net = { ...input, delay };
  const L = concurrencyLimit(net);
  if (L === Infinity || lambda <= 0) return null;
  for (const merge of [false, true]) {
    const stations = network(net, merge);
    try {
      const at = memoized((n: number): MvaResult => mva({ N: n, Z: 0, stations: stations.stations }));
      const fes = openFlowEquivalent(lambda, L, at);
      if (fes === null) return 'saturated';
      const residences = residencesFrom(net, stations, fes.stationR, 'MVA behind the workers');
      const scv = holdScv(input.costs, shares, residences);
      const holds = new Map<string, HoldResult>();
      for (const r of input.resources) {
        if (r.discipline !== 'hold') continue;
        const f = (1 + scv) / 2;
        const g = Number.isFinite(f) ? f * smoothArrivals(fes.inService / L, r.arrivalScv, scv) : Infinity;
        const formula = `flow-equivalent server, wait × (1 + cs²)/2 = ${f.toFixed(2)}`
          + (r.arrivalScv < 1 ? `, smoother arrivals (ca² = ${+r.arrivalScv.toFixed(3)}, Krämer–Langenbach-Belz)` : '');
        holds.set(r.id, Number.isFinite(g)
          ? { wait: (g * fes.queued) / lambda, held: fes.inService / lambda, formula }
          : { wait: null, held: fes.inService / lambda, formula: 'holding times of infinite variance: the wait is unbounded' });
      }
      const how = merge ? ' (identical units pooled into one multi-server station: an approximation)' : '';
      return {
        method: `open loop: at most ${L} requests hold a worker at once — exact MVA for the network behind the workers, `
          + `the arrivals queue at a flow-equivalent server (birth–death chain; approximation)${how}`,
        throughput: lambda, rates: input.rates, residences, holds, response: null, notes: [],
      };
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
  }
  return null;
}
