/**
 * The keys a request carries: one value per key space (user, item, …), drawn from that
 * space's popularity — the source's own `keys:` entry if it has one, else the model's.
 * A space with no popularity anywhere for this source gets key 0 (the distributions draw
 * keys 1..n, so 0 stands out as "no key"). Each space draws from its own named stream, so
 * adding a key space to the model leaves the draws of the others unchanged.
 */
import { fromSpec, type DistributionSpec } from '../engine/random/spec.js';
import type { Distribution, RandomStream, SimContext } from '../engine/types.js';

export interface KeySpace {
  readonly name: string;
  /** The model-level popularity, or null when only some sources give one. */
  readonly spec: DistributionSpec | null;
}

/** Key values must fit the flow layer's key packing (namespace × 2^32 + key). */
const KEY_LIMIT = 2 ** 32;

export class KeyDraws {
  readonly count: number;
  /** Names of the spaces this source leaves at key 0. */
  readonly unset: readonly string[];
  private readonly samplers: (Distribution | null)[];
  private streams: RandomStream[] | null = null;

  constructor(
    private readonly spaces: readonly KeySpace[],
    own: Readonly<Record<string, DistributionSpec>> | undefined,
    private readonly ctx: SimContext,
  ) {
    for (const name of Object.keys(own ?? {})) {
      if (!spaces.some((s) => s.name === name)) throw new Error(`${ctx.name}: key space ${name} is missing from the model's key spaces (normalize collects them)`);
    }
    this.count = spaces.length;
    this.samplers = spaces.map((s) => samplerOf(s.name, own?.[s.name] ?? s.spec));
    this.unset = spaces.filter((_, i) => this.samplers[i] === null).map((s) => s.name);
  }

  /** Fill `keys` (one slot per space), each space from its own stream; `skip` is left as it is. */
  fill(keys: number[], skip = -1): void {
    const streams = this.streams ?? this.openStreams();
    for (let i = 0; i < this.count; i++) {
      if (i === skip) continue;
      const d = this.samplers[i]!;
      keys[i] = d === null ? 0 : d.sample(streams[i]!);
    }
  }

  /** Fill `keys` drawing every space from `rng` in space order (a closed-loop user's stream). */
  fillFrom(keys: number[], rng: RandomStream): void {
    for (let i = 0; i < this.count; i++) {
      const d = this.samplers[i]!;
      keys[i] = d === null ? 0 : d.sample(rng);
    }
  }

  /** Streams are opened on first use: closed-loop sources never need them. */
  private openStreams(): RandomStream[] {
    this.streams = this.spaces.map((s) => this.ctx.stream(`keys/${s.name}`));
    return this.streams;
  }
}

function samplerOf(space: string, spec: DistributionSpec | null): Distribution | null {
  if (spec === null) return null;
  const d = fromSpec(spec);
  if (!d.discrete || d.min < 0 || d.max >= KEY_LIMIT) {
    throw new RangeError(`key space ${space}: keys must be whole numbers from 0 to 2^32 − 1 (got a ${d.kind} over [${d.min}, ${d.max}])`);
  }
  return d;
}
