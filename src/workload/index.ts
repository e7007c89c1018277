/**
 * Traffic generators: the model's `traffic:` sources as request streams on the engine.
 *
 * Contract (for the builder):
 *   const nextId = idCounter();                                   // one per run, shared
 *   const gen = buildSource(config, {
 *     name, ctx: createContext(sim, `traffic/${name}`), entry,   // name: sourceName(config, i)
 *     endpoints: model.endpoints.map((e) => e.name),              // index = req.endpoint
 *     keySpaces: model.keySpaces,                                 // index = req.keys slot
 *     until: warmup + duration, modelDir: dirname(model.file), nextId });
 *   gen.start();                                                  // before sim.run()
 *
 * Each request is a fresh `Request` with a unique `id`, its `endpoint`, `startedAt = now`,
 * `source` set (closed-loop users hear their responses through it; the others count them)
 * and one key per key space: from the source's own `keys:` for that space, else the
 * model's, else 0 (see key-draws.ts). It goes to `entry.accept(req)` from an engine event,
 * never from `start()`. Nothing is sent at or after `until`. Every draw comes from
 * streams of the source's context, so adding a source never changes another's requests.
 *
 *   open_loop   arrivals by the rate profile (thinning or even spacing), endpoint by mix
 *   closed_loop Locust users: on_start once, then task → response → think → task …
 *   trace       replay of a CSV/JSONL file (read at build: errors are ModelErrors)
 *
 * `offered(duration)` / `offeredLoad()` give the theoretical load for `explain` and MVA.
 *
 * A source with a `client:` block sends through a Client (client/): each request is a
 * call that may time out (abandoned, not cancelled), be retried as new requests with
 * backoff under a retry budget, or be refused by a circuit breaker; `report().client`
 * gives calls vs attempts, the goodput series and the recovery verdict.
 */
import type { TrafficSource } from '../model/schema/traffic.js';
import { ClosedLoopGenerator } from './closed-loop.js';
import { closedLoopLoad, openLoopLoad, type OfferedLoad } from './offered.js';
import { OpenLoopGenerator } from './open-loop.js';
import type { SourceEnv, TrafficGenerator } from './source.js';
import { readTraceFile } from './trace-file.js';
import { TraceGenerator, traceLoad } from './trace.js';

export { ClosedLoopGenerator, OpenLoopGenerator, TraceGenerator };
export { idCounter, type SourceEnv, type SourceReport, type SourceType, type TrafficGenerator } from './source.js';
export type { KeySpace } from './key-draws.js';
export { Client, clientSettings, recoveryOf, type ClientReport, type ClientSettings, type Recovery } from './client/index.js';
export { closedLoopLoad, openLoopLoad, type ClosedLoopLoad, type OfferedLoad, type OpenLoopLoad, type TraceLoad } from './offered.js';
export { EndpointMix, mixShares } from './mix.js';
export { evenArrival, nextPoissonArrival } from './arrivals.js';
export { meanRateOf, rateFunction, type RateFunction } from './profiles/index.js';
export { hashKey, keyOf, parseTrace, readTraceFile, type TraceRequests } from './trace-file.js';
export { traceLoad } from './trace.js';

export function buildSource(config: TrafficSource, env: SourceEnv): TrafficGenerator {
  switch (config.type) {
    case 'open_loop': return new OpenLoopGenerator(config, env);
    case 'closed_loop': return new ClosedLoopGenerator(config, env);
    case 'trace': return new TraceGenerator(config, env);
  }
}

/** The source's label: its `name`, else its type and position (`open_loop[0]`). */
export function sourceName(config: TrafficSource, index: number): string {
  return config.name ?? `${config.type}[${index}]`;
}

/** The offered load without building a generator; a trace needs its file and the endpoints. */
export function offeredLoad(config: TrafficSource, duration: number, trace?: { modelDir: string; endpoints: readonly string[] }): OfferedLoad {
  switch (config.type) {
    case 'open_loop': return openLoopLoad(config, duration);
    case 'closed_loop': return closedLoopLoad(config);
    case 'trace': {
      if (trace === undefined) throw new Error('offeredLoad: a trace source needs { modelDir, endpoints } to read its file');
      return traceLoad(readTraceFile(config, trace.modelDir, trace.endpoints), trace.endpoints, duration);
    }
  }
}
