/**
 * The engine's vocabulary: the small interfaces every layer above builds on.
 * Nothing here knows about HTTP, YAML or charts; payloads are opaque to the kernel
 * (as in SimCore), and time is a plain number of simulated seconds.
 */

/** Handle of a scheduled event; pass it to `cancel`. It is the event's sequence number. */
export type EventId = number;

/** An event handler. Components bind their handlers once and pass the payload as `arg`,
 * so scheduling an event allocates no closure. */
export type Handler<A = any> = (arg: A) => void;

/** A uniform random source owned by one component (see random/streams.ts). */
export interface RandomStream {
  /** The stream's name; with the master seed it determines every draw. */
  readonly name: string;
  /** A uniform draw in [0, 1). */
  next(): number;
}

/** A probability distribution over numbers that can be sampled from any stream. */
export interface Distribution {
  /** Short name, e.g. "exponential"; used in messages and `explain`. */
  readonly kind: string;
  /** The exact mean (Infinity where it does not exist, e.g. Pareto with alpha <= 1). */
  readonly mean: number;
  /** The exact variance where known (Infinity where it does not exist, NaN never). */
  readonly variance: number;
  /** One draw, using only `rng`. */
  sample(rng: RandomStream): number;
}

/** Every probe event carries its type and the simulated time it happened at. */
export interface ProbeEvent {
  readonly type: string;
}

/** What a component sees of the engine. It never holds the Simulation itself. */
export interface SimContext {
  /** The component's name; its random stream is derived from it. */
  readonly name: string;
  /** Current simulated time in seconds. */
  readonly now: number;
  /** Run `fn(arg)` after `delay` simulated seconds (delay >= 0). */
  schedule<A>(delay: number, fn: Handler<A>, arg: A): EventId;
  /** Cancel a pending event so it never runs; a no-op for an event that already ran. */
  cancel(id: EventId): void;
  /** This component's own stream, derived from (master seed, name). */
  readonly rng: RandomStream;
  /** A further named stream of this component, derived from (master seed, `${name}/${sub}`). */
  stream(sub: string): RandomStream;
  /** The probe bus: emit typed events that statistics collectors subscribe to. */
  readonly probes: ProbeBus;
}

/** A typed channel on the probe bus. `active` is false while nobody listens, so emitters
 * can skip building the event at all; the event object passed to `emit` may be reused by
 * the emitter after the call, so listeners copy what they keep. */
export interface ProbeChannel<E extends ProbeEvent> {
  readonly type: E['type'];
  readonly active: boolean;
  emit(event: E): void;
}

export interface ProbeBus {
  channel<E extends ProbeEvent>(type: E['type']): ProbeChannel<E>;
  on<E extends ProbeEvent>(type: E['type'], listener: (event: E) => void): () => void;
}
