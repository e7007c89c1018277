/**
 * The load driver that checks stacksim's predictions against the real harness: open-loop
 * (wrk2-style, latency from the intended send time) and closed-loop (Locust-style users),
 * both on undici, both returning plain JSON with the machine they ran on.
 * Pinning: launch the driver on its own core, e.g. `taskset -c 1 npx tsx bench.ts`, and the
 * server with `taskset -c 0`; see README.md in this folder.
 */
export { runOpenLoop, type OpenLoopOptions, type OpenLoopResult } from './open-loop.js';
export type { ScheduleStats } from './open-loop-run.js';
export { runClosedLoop, type ClosedLoopOptions, type ClosedLoopResult, type ClosedLoopTaskStats } from './closed-loop.js';
export type { ArrivalProcess } from './arrivals.js';
export { arrivalSchedule, type ArrivalSchedule } from './arrivals.js';
export { between, constant, exponential, sampleThink, thinkMean, type ThinkTime } from './think.js';
export { choiceKeys, sequentialKeys, uniformKeys, zipfKeys, type KeyGenerator, type Rng } from './keys.js';
export type { HttpMethod, RequestContext, TaskSpec, UserContext } from './tasks.js';
export { LatencyHistogram, type LatencySummary } from './histogram.js';
export type { RequestStats } from './stats.js';
export { ERROR_KINDS, type ErrorCounts, type ErrorKind } from './outcome.js';
export { machineFacts, type MachineFacts } from './machine.js';
export type { DriverCost } from './cost.js';
