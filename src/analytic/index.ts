/**
 * Queueing-theory oracles: exact formulas for the models the simulator should agree
 * with, used by `stacksim explain` and by the engine's oracle tests. Times in seconds,
 * rates per second; bad input throws a RangeError naming the parameter.
 */
export { erlangB, erlangC } from './erlang.js';
export * from './mm1.js';
export * from './mmc.js';
export * from './mmck.js';
export * from './mg1.js';
export * from './jackson.js';
export * from './mva.js';
export * from './mva-bounds.js';
export * from './operational.js';
