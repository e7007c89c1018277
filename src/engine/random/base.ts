/**
 * What every distribution here offers beyond the engine's `Distribution`: its support, so
 * the model layer can reject e.g. a service time that may be negative, and properties can
 * check that every draw lands inside it.
 */
import type { Distribution } from '../types.js';

export interface DistributionWithSupport extends Distribution {
  /** Smallest possible draw (-Infinity when unbounded). */
  readonly min: number;
  /** Largest possible draw (Infinity when unbounded). */
  readonly max: number;
  /** True when every draw is an integer. */
  readonly discrete: boolean;
}
