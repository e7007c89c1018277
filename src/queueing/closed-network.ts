/**
 * A closed network with think time — Locust-style users: N users each think for Z, then
 * visit the stations in order (a station listed twice is visited twice), then think again.
 * Exact MVA (src/analytic/mva.ts) predicts its throughput and response time.
 * Streams: `think` for think times, `station/<name>` for service times.
 */
import { Simulation } from '../engine/simulation.js';
import { createContext } from '../engine/context.js';
import { Station } from '../engine/resources/station.js';
import type { Distribution } from '../engine/types.js';
import { summarizeStation, type StationReport } from './report.js';

export interface ClosedNetworkSpec {
  seed: string | number;
  users: number;
  think: Distribution;
  stations: { name: string; servers: number; service: Distribution }[];
  /** The cycle: station indices in visiting order (default: each station once, in order). */
  route?: number[];
  duration: number;
  warmup?: number;
}

export interface ClosedNetworkResult {
  /** Cycles completed per second (the users' request rate). */
  throughput: number;
  /** Mean time from leaving think to returning to think. */
  meanResponse: number;
  cycles: number;
  stations: StationReport[];
}

interface User {
  started: number;
  hop: number;
}

export function runClosedNetwork(spec: ClosedNetworkSpec): ClosedNetworkResult {
  const sim = new Simulation(spec.seed);
  const route = spec.route ?? spec.stations.map((_, i) => i);
  const thinkRng = sim.stream('think');
  let cycles = 0, responseSum = 0, statsStart = 0;
  const stations: Station<User>[] = [];
  const rngs = spec.stations.map((st) => {
    const ctx = createContext(sim, `station/${st.name}`);
    stations.push(new Station<User>(ctx, { servers: st.servers }, (u) => advance(u), undefined));
    return ctx.rng;
  });

  const visit = (u: User): void => {
    const i = route[u.hop]!;
    stations[i]!.arrive(u, spec.stations[i]!.service.sample(rngs[i]!));
  };
  const advance = (u: User): void => {
    u.hop++;
    if (u.hop < route.length) return visit(u);
    if (u.started >= statsStart) {
      cycles++;
      responseSum += sim.now - u.started;
    }
    sim.schedule(spec.think.sample(thinkRng), wake, u);
  };
  const wake = (u: User): void => {
    u.started = sim.now;
    u.hop = 0;
    visit(u);
  };
  for (let n = 0; n < spec.users; n++) sim.schedule(spec.think.sample(thinkRng), wake, { started: 0, hop: 0 });
  const warmup = spec.warmup ?? 0;
  if (warmup > 0) {
    sim.schedule(warmup, () => {
      statsStart = sim.now;
      cycles = 0;
      responseSum = 0;
      for (const s of stations) s.resetStats(sim.now);
    }, null);
  }
  sim.run({ until: spec.duration });
  const measured = spec.duration - warmup;
  return {
    throughput: cycles / measured,
    meanResponse: cycles > 0 ? responseSum / cycles : 0,
    cycles,
    stations: stations.map((s, i) => summarizeStation(spec.stations[i]!.name, s, sim.now)),
  };
}
