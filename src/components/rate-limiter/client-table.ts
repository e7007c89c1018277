/**
 * Per-client limiter states with bounded memory: at most `capacity` clients are tracked, and
 * the least recently seen one is forgotten to make room (a Map keeps insertion order, so
 * re-inserting on each access keeps it in recency order). A forgotten client comes back with
 * a fresh state — a full bucket, an empty window — as it would in a Redis-backed limiter
 * whose keys expired; `evicted` counts how often that happened.
 */
export class ClientTable<S> {
  private readonly states = new Map<number, S>();
  evicted = 0;

  constructor(readonly capacity: number, private readonly fresh: (now: number) => S) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`client table: capacity must be a whole number >= 1 (got ${capacity})`);
  }

  get size(): number {
    return this.states.size;
  }

  /** The state of `client` at `now`, created if it is new, marked most recently seen. */
  get(client: number, now: number): S {
    let s = this.states.get(client);
    if (s !== undefined) {
      this.states.delete(client);
    } else {
      s = this.fresh(now);
      if (this.states.size >= this.capacity) {
        const oldest = this.states.keys().next().value as number;
        this.states.delete(oldest);
        this.evicted++;
      }
    }
    this.states.set(client, s);
    return s;
  }
}
