/**
 * Open-loop traffic: requests arrive at the profile's rate whatever the response times, as
 * from a large population of independent clients. Only the next arrival is ever scheduled
 * (one pending event), so memory does not grow with the rate or the run length.
 * Streams: `arrivals` (gaps and thinning), `mix` (endpoint), `keys/<space>` (keys).
 */
import type { RandomStream } from '../engine/types.js';
import type { OpenLoopSource } from '../model/schema/traffic.js';
import { evenArrival, nextPoissonArrival } from './arrivals.js';
import { EndpointMix } from './mix.js';
import { openLoopLoad, type OpenLoopLoad } from './offered.js';
import { rateFunction, type RateFunction } from './profiles/index.js';
import { SourceBase, type SourceEnv } from './source.js';

export class OpenLoopGenerator extends SourceBase {
  readonly type = 'open_loop';
  readonly profile: RateFunction;
  private readonly mix: EndpointMix;
  private readonly arrivalRng: RandomStream;
  private readonly mixRng: RandomStream;
  /** Profile time is measured from start(); arrivals stop at env.until. */
  private origin = 0;
  /** Evenly spaced arrivals: the number of the next one. */
  private k = 0;

  constructor(private readonly config: OpenLoopSource, env: SourceEnv) {
    super(env, config.keys, config.client);
    this.profile = rateFunction(config.rate);
    this.mix = new EndpointMix(config.mix, this.endpointIndex);
    this.arrivalRng = env.ctx.stream('arrivals');
    this.mixRng = env.ctx.stream('mix');
  }

  protected begin(): void {
    this.origin = this.ctx.now;
    this.scheduleNext(0);
  }

  offered(duration: number): OpenLoopLoad {
    return openLoopLoad(this.config, duration);
  }

  private readonly arrive = (): void => {
    const req = this.newRequest(this.mix.pick(this.mixRng), this);
    this.keys.fill(req.keys);
    this.send(req);
    this.scheduleNext(this.ctx.now - this.origin);
  };

  /** Schedule the first arrival after profile time `t` (at `t` itself for the first even one). */
  private scheduleNext(t: number): void {
    const horizon = this.env.until - this.origin;
    const next = this.config.poisson
      ? nextPoissonArrival(this.profile, t, horizon, this.arrivalRng)
      : evenArrival(this.profile, this.k++);
    if (!(next < horizon)) return;
    // absolute times keep even spacing exact: no gap is ever summed
    this.ctx.schedule(Math.max(0, this.origin + next - this.ctx.now), this.arrive, null);
  }
}
