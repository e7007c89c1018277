/**
 * Asymptotic bounds for a closed network: throughput can grow no faster than one user's
 * cycle allows, N/(D + Z), and no further than the bottleneck allows, 1/Dmax. Cheap
 * and distribution-free, so `explain` can show them beside the exact MVA figures.
 */
import { checkMva, type MvaParams } from './mva.js';
import { bottleneck, type Bottleneck, type DemandStation } from './operational.js';

export interface MvaBounds {
  /** Total demand D = Σ D_k over all stations, delays included (seconds). */
  readonly D: number;
  /** Largest per-server demand D_k/c_k (0 when there are only delays). */
  readonly Dmax: number;
  readonly bottleneck: Bottleneck | undefined;
  /** Population where the two throughput bounds cross, (D + Z)/Dmax (Infinity if Dmax = 0). */
  readonly Nstar: number;
  /** X(N) <= min(N/(D + Z), 1/Dmax). */
  readonly throughputUpper: number;
  /** R(N) >= max(D, N·Dmax − Z). */
  readonly responseLower: number;
}

export function mvaBounds(params: MvaParams): MvaBounds {
  checkMva(params);
  const { N, Z } = params;
  const demands: DemandStation[] = params.stations.map((s) => ({
    demand: s.demand,
    servers: s.kind === 'delay' ? Infinity : (s.servers ?? 1),
    ...(s.name === undefined ? {} : { name: s.name }),
  }));
  const D = demands.reduce((sum, s) => sum + s.demand, 0);
  const b = demands.length > 0 ? bottleneck(demands) : undefined;
  const Dmax = b?.demandPerServer ?? 0;
  const throughputUpper = Dmax > 0 ? Math.min(N / (D + Z), 1 / Dmax) : N / (D + Z);
  return {
    D, Dmax, bottleneck: b,
    Nstar: Dmax > 0 ? (D + Z) / Dmax : Infinity,
    throughputUpper,
    responseLower: Math.max(D, N * Dmax - Z),
  };
}
