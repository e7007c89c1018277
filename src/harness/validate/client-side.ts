/**
 * The client side of every request's latency — the driver's timer lag, loopback HTTP, the
 * driver reading the answer — measured with requests the API answers at once (an unknown
 * path: 404): their latency, less the API's own work on them, in an open loop (with the
 * schedule lag) and in a closed loop (timed from dispatch: without). Kept as quantiles: it
 * is no service demand but a measured delay, and its shape (timer lag is near uniform)
 * matters at p95.
 */
import { between, LatencyHistogram, type LatencySummary, type TaskSpec } from '../driver/index.js';
import type { Moments } from './demand.js';
import type { ValidationPlan } from './plan.js';
import { trimmedMoments } from './robust.js';
import type { SystemUnderTest } from './sut.js';
import { measureClosedLoop, poissonWindow, type ServerWindow } from './window.js';

/** Moments and quantiles in ms, open loop and closed loop. */
export interface ClientSide {
  readonly open: Moments;
  readonly closed: Moments;
  readonly lag: Moments;
  readonly openQuantiles: readonly number[];
  readonly closedQuantiles: readonly number[];
}

const PING_RATE = 200;
const CLIENT_QUANTILES = 50;

const PING: TaskSpec = { name: 'ping', path: '/__validate/ping', expect: [404] };

export async function clientSide(sut: SystemUnderTest, plan: ValidationPlan, quiet: () => Promise<void>): Promise<ClientSide> {
  await poissonWindow(sut, { tasks: [PING], rate: PING_RATE, durationSec: plan.pilotSec, seed: 'ping-pilot' });
  const open: ClientSample[] = [];
  const closed: ClientSample[] = [];
  for (let i = 0; i < plan.calibrationRepeats; i++) {
    await quiet();
    const w = await poissonWindow(sut, { tasks: [PING], rate: PING_RATE, durationSec: plan.calibrationSec, seed: `ping-${i}` });
    open.push({ ...clientSample(w.server, w.driver.overall.latency), lag: trimmedMoments(w.driver.schedule.lag) });
    await quiet();
    const c = await measureClosedLoop(sut, { target: sut.api.url, users: 1, tasks: [PING], think: between(0.002, 0.008), durationSec: plan.calibrationSec, seed: `ping-closed-${i}` });
    closed.push({ ...clientSample(c.server, c.driver.overall.latency), lag: { mean: 0, sd: 0 } });
  }
  const o = middle(open);
  return { open: o.moments, closed: middle(closed).moments, lag: o.lag, openQuantiles: o.quantiles, closedQuantiles: middle(closed).quantiles };
}

interface ClientSample {
  readonly moments: Moments;
  readonly quantiles: number[];
  readonly lag: Moments;
}

/** Latency quantiles (0.5 % … 98.5 %, ms) less the API's own work per request. */
function clientSample(server: ServerWindow, latency: LatencySummary): Omit<ClientSample, 'lag'> {
  const count = Object.values(server.stats.routes).reduce((n, r) => n + r.count, 0);
  const own = count > 0 ? server.loopMs / count : 0;
  const h = LatencyHistogram.decode(latency.hdr);
  const quantiles = Array.from({ length: CLIENT_QUANTILES }, (_, i) => Math.max(0.001, h.percentileMs(((i + 0.5) / CLIENT_QUANTILES) * 99) - own));
  const moments = trimmedMoments(latency);
  return { moments: { mean: Math.max(0, moments.mean - own), sd: moments.sd }, quantiles };
}

/** The sample with the median mean: one whole, consistent measurement. */
function middle(samples: readonly ClientSample[]): ClientSample {
  return [...samples].sort((a, b) => a.moments.mean - b.moments.mean)[Math.floor(samples.length / 2)]!;
}
