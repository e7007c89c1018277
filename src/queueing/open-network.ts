/**
 * Textbook open queueing networks built straight on the engine: a Poisson (or any renewal)
 * source feeding c-server stations connected by a routing matrix — M/M/c, M/G/1, M/M/c/K,
 * tandem lines and Jackson networks. Tests compare it with src/analytic, the benchmark
 * times it, and students can use it without writing YAML.
 * Streams: `source` draws inter-arrival times, `station/<name>` service times (drawn as a
 * customer joins, so a customer's work is the same whatever the number of servers: common
 * random numbers), `route/<name>` routing choices.
 */
import { Simulation } from '../engine/simulation.js';
import { createContext } from '../engine/context.js';
import { Station } from '../engine/resources/station.js';
import { TimeWeighted } from '../engine/stats/time-weighted.js';
import { LatencyHistogram } from '../engine/stats/histogram.js';
import type { Distribution, RandomStream } from '../engine/types.js';
import { summarizeStation, type StationReport } from './report.js';

export interface OpenStationSpec {
  name: string;
  servers: number;
  service: Distribution;
  capacity?: number;
}

export interface OpenNetworkSpec {
  seed: string | number;
  interarrival: Distribution;
  stations: OpenStationSpec[];
  /** Probability of entering at each station (default: all at station 0). */
  entry?: number[];
  /** routing[i][j]: probability of going from station i to j; the rest leaves. Default: tandem. */
  routing?: number[][];
  /** Stop generating arrivals after this many customers... */
  customers?: number;
  /** ...or at this time (arrivals stop; customers present are drained unless `drain` is false). */
  until?: number;
  drain?: boolean;
  /** Statistics gathered before this time are discarded. */
  warmup?: number;
  /** Listener for departure probes (trace rows are streamed, never stored). */
  onDeparture?: (event: DepartureProbe) => void;
}

export interface OpenNetworkResult {
  arrived: number;
  completed: number;
  dropped: number;
  inSystem: number;
  /** Simulated time covered by the statistics (after warm-up). */
  duration: number;
  meanSojourn: number;
  meanInSystem: number;
  /** Time spent in the network by customers dropped part-way (Little's law counts it). */
  droppedTime: number;
  throughput: number;
  sojourn: LatencyHistogram;
  stations: StationReport[];
  events: number;
}

interface Customer {
  born: number;
}

/** Emitted as each customer leaves the network (subscribe with `onDeparture`). */
export interface DepartureProbe {
  type: 'queueing.departure';
  time: number;
  sojourn: number;
}

export function runOpenNetwork(spec: OpenNetworkSpec): OpenNetworkResult {
  const sim = new Simulation(spec.seed);
  const k = spec.stations.length;
  const routing = spec.routing ?? spec.stations.map((_, i) => spec.stations.map((__, j) => (j === i + 1 ? 1 : 0)));
  const entry = spec.entry ?? spec.stations.map((_, i) => (i === 0 ? 1 : 0));
  const sourceRng = createContext(sim, 'source').rng;
  const entryRng = sim.stream('route/entry');
  const serviceRng: RandomStream[] = [];
  const routeRng: RandomStream[] = [];
  const stations: Station<Customer>[] = [];

  let arrived = 0, completed = 0, dropped = 0, sojournSum = 0, droppedTime = 0, inSystem = 0, statsStart = 0;
  const sojourn = new LatencyHistogram();
  const population = new TimeWeighted();
  if (spec.onDeparture) sim.probes.on<DepartureProbe>('queueing.departure', spec.onDeparture);
  const departures = sim.probes.channel<DepartureProbe>('queueing.departure');
  // one event object, reused: listeners copy what they keep (see ProbeChannel)
  const departure: DepartureProbe = { type: 'queueing.departure', time: 0, sojourn: 0 };
  const maxCustomers = spec.customers ?? Infinity;
  const until = spec.until ?? Infinity;

  const enter = (c: Customer, i: number): void => {
    stations[i]!.arrive(c, spec.stations[i]!.service.sample(serviceRng[i]!));
  };
  const leave = (c: Customer): void => {
    const now = sim.now;
    inSystem--;
    population.set(now, inSystem);
    if (c.born >= statsStart) {
      completed++;
      const s = now - c.born;
      sojournSum += s;
      sojourn.record(s);
    }
    if (departures.active) {
      departure.time = now;
      departure.sojourn = now - c.born;
      departures.emit(departure);
    }
  };
  const next = (i: number, c: Customer): void => {
    const j = pick(routing[i]!, routeRng[i]!, routing[i]!.length);
    if (j < 0) leave(c);
    else enter(c, j);
  };

  for (let i = 0; i < k; i++) {
    const st = spec.stations[i]!;
    const ctx = createContext(sim, `station/${st.name}`);
    serviceRng.push(ctx.rng);
    routeRng.push(sim.stream(`route/${st.name}`));
    const onDone = (c: Customer): void => next(i, c);
    const onDrop = (c: Customer): void => {
      dropped++;
      inSystem--;
      population.set(sim.now, inSystem);
      if (c.born >= statsStart) droppedTime += sim.now - c.born;
    };
    stations.push(new Station<Customer>(ctx, { servers: st.servers, capacity: st.capacity ?? Infinity }, onDone, onDrop));
  }

  const arrive = (): void => {
    const now = sim.now;
    arrived++;
    inSystem++;
    population.set(now, inSystem);
    const c: Customer = { born: now };
    enter(c, k === 1 ? 0 : Math.max(0, pick(entry, entryRng, k)));
    const t = now + spec.interarrival.sample(sourceRng);
    if (arrived < maxCustomers && t <= until) sim.scheduleAt(t, arrive, null);
  };
  sim.schedule(spec.interarrival.sample(sourceRng), arrive, null);

  if (spec.warmup && spec.warmup > 0) {
    sim.schedule(spec.warmup, () => {
      const now = sim.now;
      statsStart = now;
      arrived = 0;
      dropped = 0;
      population.reset(now);
      for (const s of stations) s.resetStats(now);
    }, null);
  }

  sim.run(spec.drain === false ? { until } : {});
  const end = sim.now;
  const duration = end - statsStart;
  return {
    arrived,
    completed,
    dropped,
    inSystem,
    duration,
    meanSojourn: completed > 0 ? sojournSum / completed : 0,
    meanInSystem: population.mean(end),
    droppedTime,
    throughput: duration > 0 ? completed / duration : 0,
    sojourn,
    stations: stations.map((s, i) => summarizeStation(spec.stations[i]!.name, s, end)),
    events: sim.eventsRun,
  };
}

/** Choose an index by probabilities `p` (summing to <= 1); -1 for "none" (leave). */
function pick(p: number[], rng: RandomStream, n: number): number {
  let total = 0;
  for (let j = 0; j < n; j++) total += p[j]!;
  if (total === 0) return -1;
  // a single certain destination needs no draw (tandem lines consume no randomness)
  if (total === 1) for (let j = 0; j < n; j++) if (p[j] === 1) return j;
  let u = rng.next();
  for (let j = 0; j < n; j++) {
    u -= p[j]!;
    if (u < 0) return j;
  }
  return -1;
}
