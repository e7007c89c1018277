/**
 * Randomness for the engine: named seeded streams (streams.ts) and the distributions that
 * sample from them, built directly or from plain-data specs (spec.ts, kinds.ts).
 */
export { createStream, deriveSeed, streamSeed, TycheiStream } from './streams.js';
export type { DistributionWithSupport } from './base.js';
export { ALLOWED, DistributionError } from './errors.js';
export { constant, exponential, exponentialRate, pareto, uniform, weibull } from './continuous.js';
export { lognormal, lognormalMeanCv, normal, standardNormal } from './normal.js';
export { erlang, gamma, gammaMeanCv } from './gamma.js';
export { empiricalHistogram, empiricalSamples } from './empirical.js';
export { mixture, type MixtureComponent } from './mixture.js';
export { bernoulli, hotset, uniformInt } from './discrete.js';
export { zipf, ZIPF_MAX_N } from './zipf.js';
export { harmonic } from './harmonic.js';
export { normalCdf, normalTail, logGamma } from './special.js';
export { fromSpec, type DistributionSpec } from './spec.js';
export { DISTRIBUTION_KINDS, KIND_INFO, type DistributionKind, type KindInfo, type ParamInfo, type ParamType } from './kinds.js';
