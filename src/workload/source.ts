/**
 * What every traffic generator is given (SourceEnv) and offers (TrafficGenerator), plus the
 * shared base that numbers, keys and sends requests. See index.ts for the whole contract.
 */
import type { Entry } from '../components/contracts.js';
import type { SimContext } from '../engine/types.js';
import { Request, type RequestSource } from '../flow/request.js';
import { KeyDraws, type KeySpace } from './key-draws.js';
import type { OfferedLoad } from './offered.js';
import type { DistributionSpec } from '../engine/random/spec.js';
import type { ClientConfig } from '../model/schema/traffic.js';
import { Client, clientSettings, type ClientReport } from './client/index.js';

export interface SourceEnv {
  /** The source's label in reports (the config's `name`, or one the builder makes up). */
  readonly name: string;
  /** The source's own context, named `traffic/<name>`: every draw comes from its streams. */
  readonly ctx: SimContext;
  /** Where requests enter the stack: `accept(req)` is called once per request. */
  readonly entry: Entry;
  /** Endpoint names by index: `req.endpoint` is a position in this list. */
  readonly endpoints: readonly string[];
  /** The model's key spaces by index (NormalizedModel.keySpaces): `req.keys[i]` is space i. */
  readonly keySpaces: readonly KeySpace[];
  /** Absolute simulated time at which the source stops sending (warm-up + duration). */
  readonly until: number;
  /** Directory of the model file: trace files are resolved against it. */
  readonly modelDir: string;
  /** Request ids: one counter shared by all sources keeps ids unique in a run (see idCounter). */
  readonly nextId: () => number;
}

export type SourceType = 'open_loop' | 'closed_loop' | 'trace';

/** A source's counters at the end of a run (or any time). */
export interface SourceReport {
  readonly name: string;
  readonly type: SourceType;
  /** Requests sent since the start. */
  readonly generated: number;
  /** Responses heard back (errors included). */
  readonly responded: number;
  /** Closed loop: users started so far; 0 for the other types. */
  readonly usersActive: number;
  /** With a `client:` block: calls vs attempts, timeouts, retries, breaker, goodput, recovery. */
  readonly client?: ClientReport;
}

export interface TrafficGenerator {
  readonly name: string;
  readonly type: SourceType;
  /** Schedule the first event; call once, before running the simulation. */
  start(): void;
  readonly generated: number;
  readonly responded: number;
  readonly usersActive: number;
  /** The theoretical load offered over [0, duration] (for `explain`, MVA, sanity checks). */
  offered(duration: number): OfferedLoad;
  report(): SourceReport;
  /** Forget statistics (warm-up deletion); optional so other generators need not have it. */
  resetStats?(now: number): void;
}

/** A counter for SourceEnv.nextId: 1, 2, 3, … */
export function idCounter(): () => number {
  let next = 0;
  return () => ++next;
}

export abstract class SourceBase implements RequestSource {
  abstract readonly type: SourceType;
  generated = 0;
  responded = 0;
  usersActive = 0;
  readonly name: string;
  protected readonly ctx: SimContext;
  protected readonly keys: KeyDraws;
  /** The source's client behaviour, or null to send each request once and wait forever. */
  readonly client: Client | null;
  private started = false;

  constructor(protected readonly env: SourceEnv, ownKeys: Readonly<Record<string, DistributionSpec>> | undefined, client?: ClientConfig) {
    this.name = env.name;
    this.ctx = env.ctx;
    this.keys = new KeyDraws(env.keySpaces, ownKeys, env.ctx);
    this.client = client === undefined ? null : new Client(clientSettings(client), { ctx: env.ctx, entry: env.entry, retryOf: this.retryOf });
  }

  start(): void {
    if (this.started) throw new Error(`traffic source ${this.name}: start() called twice`);
    this.started = true;
    this.begin();
  }

  /** Schedule the first event. */
  protected abstract begin(): void;

  abstract offered(duration: number): OfferedLoad;

  /** Responses of requests whose `source` is this generator (open loop, trace). */
  onResponse(_req: Request): void {
    this.responded++;
  }

  report(): SourceReport {
    const base = { name: this.name, type: this.type, generated: this.generated, responded: this.responded, usersActive: this.usersActive };
    return this.client === null ? base : { ...base, client: this.client.report(this.name, this.ctx.now) };
  }

  resetStats(now: number): void {
    this.client?.resetStats(now);
  }

  /** A fresh request for `endpoint`, stamped now; its keys are left for the caller to fill. */
  protected newRequest(endpoint: number, source: RequestSource | null): Request {
    const req = new Request(this.keys.count);
    req.id = this.env.nextId();
    req.endpoint = endpoint;
    req.startedAt = this.ctx.now;
    req.source = source;
    return req;
  }

  protected send(req: Request): void {
    this.generated++;
    if (this.client !== null) this.client.call(req);
    else this.env.entry.accept(req);
  }

  /** The next attempt of a call: a new request (new id, stamped now) with the same endpoint and keys. */
  private readonly retryOf = (previous: Request): Request => {
    const req = this.newRequest(previous.endpoint, null);
    for (let i = 0; i < req.keys.length; i++) req.keys[i] = previous.keys[i]!;
    req.attempt = previous.attempt + 1;
    return req;
  };

  /** Endpoint index by name; names were checked by the normalizer, so a miss is a bug. */
  protected readonly endpointIndex = (name: string): number => {
    const i = this.env.endpoints.indexOf(name);
    if (i < 0) throw new Error(`traffic source ${this.name}: unknown endpoint ${name} (normalize checks traffic)`);
    return i;
  };
}
