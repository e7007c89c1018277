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
import { isStable, serviceOf, smoothArrivals, type ResidenceResult } from './queues.js';
import { capacityOf } from './resources.js';
import { endpointResidences, holdScv, mixResidence, type HoldResult, type Solution } from './solution.js';

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
      const residences = smoothed(input, lambda, residencesFrom(net, stations, fes.stationR, 'MVA behind the workers'));
      const scv = holdScv(input.costs, shares, residences);
      // what a request holds a worker for: its residences, after the smoothing above
      const held = mixResidence(endpointResidences(input.costs, residences), shares) ?? fes.inService / lambda;
      const holds = new Map<string, HoldResult>();
      for (const r of input.resources) {
        if (r.discipline !== 'hold') continue;
        const f = (1 + scv) / 2;
        const g = Number.isFinite(f) ? f * smoothArrivals(fes.inService / L, r.arrivalScv, scv) : Infinity;
        const formula = `flow-equivalent server, wait × (1 + cs²)/2 = ${f.toFixed(2)}`
          + (r.arrivalScv < 1 ? `, smoother arrivals (ca² = ${+r.arrivalScv.toFixed(3)}, Krämer–Langenbach-Belz)` : '');
        holds.set(r.id, Number.isFinite(g)
          ? { wait: (g * fes.queued) / lambda, held, formula }
          : { wait: null, held, formula: 'holding times of infinite variance: the wait is unbounded' });
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

/** Instances served in turn see smoother arrivals than the Poisson-like mix MVA assumes:
 * scale the queueing part of their residence as the open formulas do (queues.ts). */
function smoothed(input: OpenInput, lambda: number, residences: Map<string, ResidenceResult>): Map<string, ResidenceResult> {
  for (const r of input.resources) {
    const res = residences.get(r.id);
    const u = input.mix.get(r.id);
    if (r.arrivalScv >= 1 || res === undefined || !isStable(res) || u === undefined || u.work <= 0) continue;
    const rho = (lambda * u.work) / capacityOf(r);
    const base = 1 / r.speed;
    const factor = smoothArrivals(rho, r.arrivalScv, r.discipline === 'fcfs' ? serviceOf(r, u).scv : 1);
    const formula = `${res.formula}, smoother arrivals (ca² = ${+r.arrivalScv.toFixed(3)}, Krämer–Langenbach-Belz)`;
    residences.set(r.id, { wait: res.wait * factor, perWork: base + (res.perWork - base) * factor, formula });
  }
  return residences;
}
