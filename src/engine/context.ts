/**
 * The facade a component gets instead of the Simulation (SimCore's SimulationContext):
 * time, scheduling, its own named random streams and the probe bus — nothing else,
 * so a component cannot reach another's state or randomness.
 */
import type { Simulation } from './simulation.js';
import type { EventId, Handler, ProbeBus, RandomStream, SimContext } from './types.js';

class Context implements SimContext {
  readonly rng: RandomStream;
  readonly probes: ProbeBus;
  constructor(
    private readonly sim: Simulation,
    readonly name: string,
  ) {
    this.rng = sim.stream(name);
    this.probes = sim.probes;
  }
  get now(): number {
    return this.sim.now;
  }
  schedule<A>(delay: number, fn: Handler<A>, arg: A): EventId {
    return this.sim.schedule(delay, fn, arg);
  }
  cancel(id: EventId): void {
    this.sim.cancel(id);
  }
  stream(sub: string): RandomStream {
    return this.sim.stream(`${this.name}/${sub}`);
  }
}

/** Create the context of the component called `name` (names are unique per simulation). */
export function createContext(sim: Simulation, name: string): SimContext {
  return new Context(sim, name);
}
