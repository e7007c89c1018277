/**
 * Closed-loop traffic, as Locust runs it: a fixed population of users, started at
 * `spawn_rate` (user i at i/spawn_rate) or all at once. Each user calls `on_start` once,
 * then loops: pick a task by weight, send it, wait for the response (errors included),
 * think for `wait_time`, repeat — until the run ends. So throughput is N / (R + Z).
 * Each user draws its tasks, keys and think times from its own stream `user/<i>`, so user
 * i's k-th cycle is the same whatever the stack does (common random numbers across
 * strategies) and whatever the population size. One User record per user, reused.
 */
import type { Distribution, RandomStream } from '../engine/types.js';
import { fromSpec } from '../engine/random/spec.js';
import type { Request, RequestSource } from '../flow/request.js';
import type { ClosedLoopSource } from '../model/schema/traffic.js';
import { EndpointMix } from './mix.js';
import { closedLoopLoad, spawnRateOf, type ClosedLoopLoad } from './offered.js';
import { SourceBase, type SourceEnv } from './source.js';

/** Shortest pause of a user after its circuit breaker refused a call (seconds). */
const REFUSED_PAUSE = 0.001;

class User implements RequestSource {
  /** The request in flight is the user's on_start call: no think time after it. */
  starting = false;
  constructor(
    readonly index: number,
    readonly owner: ClosedLoopGenerator,
    readonly rng: RandomStream,
    /** False until on_start has been sent (true from the outset when there is none). */
    public started: boolean,
  ) {}
  onResponse(req: Request): void {
    this.owner.userResponded(this, req);
  }
}

export class ClosedLoopGenerator extends SourceBase {
  readonly type = 'closed_loop';
  /** Every user started so far; users never leave before the end of the run. */
  readonly users: User[] = [];
  /** on_start calls sent (at most one per user). */
  onStartCalls = 0;
  private readonly tasks: EndpointMix;
  private readonly think: Distribution;
  private readonly onStart: number;
  private readonly spawnRate: number | null;
  private origin = 0;

  constructor(private readonly config: ClosedLoopSource, env: SourceEnv) {
    super(env, config.keys, config.client);
    this.tasks = new EndpointMix(config.tasks, this.endpointIndex);
    this.think = fromSpec(config.wait_time);
    if (!(this.think.mean >= 0) || this.think.mean === Infinity) {
      throw new RangeError(`closed_loop wait_time must have a finite mean >= 0s (got a ${this.think.kind} with mean ${this.think.mean})`);
    }
    this.onStart = config.on_start === undefined ? -1 : this.endpointIndex(config.on_start);
    this.spawnRate = spawnRateOf(config);
  }

  protected begin(): void {
    this.origin = this.ctx.now;
    this.ctx.schedule(0, this.spawn, null);
  }

  offered(_duration: number): ClosedLoopLoad {
    return closedLoopLoad(this.config);
  }

  /** Start the next user (or, without a spawn rate, all of them) and book the next spawn. */
  private readonly spawn = (): void => {
    const n = this.config.users;
    do {
      if (this.ctx.now >= this.env.until) return;
      const user = new User(this.users.length, this, this.ctx.stream(`user/${this.users.length}`), this.onStart < 0);
      this.users.push(user);
      this.usersActive++;
      this.sendFor(user);
    } while (this.spawnRate === null && this.users.length < n);
    if (this.users.length >= n || this.spawnRate === null) return;
    // user i starts at exactly i / spawn_rate: computed, never accumulated
    const at = this.origin + this.users.length / this.spawnRate;
    this.ctx.schedule(Math.max(0, at - this.ctx.now), this.spawn, null);
  };

  userResponded(user: User, req: Request): void {
    this.responded++;
    if (this.ctx.now >= this.env.until) return;
    // never send from inside the response itself: the flow runner is still unwinding
    let wait = user.starting ? 0 : this.think.sample(user.rng);
    // refused at once by the user's own open circuit breaker: a zero think time must not spin in one instant
    if (req.error === 'circuit_open' && wait < REFUSED_PAUSE) wait = REFUSED_PAUSE;
    user.starting = false;
    this.ctx.schedule(wait, this.next, user);
  }

  private readonly next = (user: User): void => {
    if (this.ctx.now >= this.env.until) return;
    this.sendFor(user);
  };

  private sendFor(user: User): void {
    let endpoint: number;
    if (!user.started) {
      endpoint = this.onStart;
      user.started = true;
      user.starting = true;
      this.onStartCalls++;
    } else {
      endpoint = this.tasks.pick(user.rng);
    }
    const req = this.newRequest(endpoint, user);
    this.keys.fillFrom(req.keys, user.rng);
    this.send(req);
  }
}
