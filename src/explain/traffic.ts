/**
 * The load the model's traffic offers, per endpoint, in the measured window: open-loop
 * sources and replayed traces add requests per second (traces treated as Poisson at their
 * mean rate); closed-loop sources add users with a think time. Several closed-loop sources
 * are merged into one population (an approximation: their users share one mix).
 */
import { dirname } from 'node:path';
import type { TrafficSource } from '../model/schema/traffic.js';
import type { NormalizedModel } from '../model/normalize.js';
import { offeredLoad, rateFunction } from '../workload/index.js';

export interface SourceSummary {
  readonly name: string;
  readonly type: 'open_loop' | 'closed_loop' | 'trace';
  /** Open loop and trace: mean requests per second in the measured window. */
  readonly rate?: number;
  readonly peakRate?: number;
  readonly users?: number;
  readonly thinkSeconds?: number;
  readonly mix: Readonly<Record<string, number>>;
}

export interface OfferedTraffic {
  /** Requests per second offered by open sources, per endpoint (by index). */
  readonly openRates: readonly number[];
  /** Highest total open rate at any moment (profiles peak above their mean). */
  readonly openPeak: number;
  /** The merged closed-loop population, or null. */
  readonly closed: { readonly users: number; readonly think: number; readonly shares: readonly number[] } | null;
  readonly sources: readonly SourceSummary[];
  /** Sources whose clients retry failed attempts (explain counts first attempts only). */
  readonly retrying: readonly string[];
  readonly notes: readonly string[];
}

export function offeredTraffic(model: NormalizedModel): OfferedTraffic {
  const names = model.endpoints.map((e) => e.name);
  const index = (n: string) => names.indexOf(n);
  const { warmup, duration } = model.run;
  const openRates = names.map(() => 0);
  const closedShares = names.map(() => 0);
  let openPeak = 0, users = 0, thinkSum = 0;
  const notes: string[] = [];
  const retrying: string[] = [];
  const sources: SourceSummary[] = model.traffic.map((s, i) => {
    const src = s as TrafficSource;
    const name = src.name ?? `${src.type}[${i}]`;
    if ((src.client?.retries?.max ?? 0) > 0) retrying.push(name);
    if (src.type === 'closed_loop') {
      const load = offeredLoad(src, duration);
      if (load.type !== 'closed_loop') throw new Error('explain: closed-loop load expected');
      if (!Number.isFinite(load.thinkMean)) {
        throw new RangeError(`explain: source ${name}: wait_time has no finite mean (got ${load.thinkMean}); use a distribution with a finite mean`);
      }
      users += load.users;
      thinkSum += load.users * load.thinkMean;
      for (const [e, share] of Object.entries(load.mix)) closedShares[index(e)]! += load.users * share;
      if (load.onStart !== null) notes.push(`${name}: each user's on_start (${load.onStart}) runs once and is left out of the steady state`);
      return { name, type: src.type, users: load.users, thinkSeconds: load.thinkMean, mix: load.mix };
    }
    const rate = windowRate(src, warmup, duration, model);
    const peak = src.type === 'open_loop' ? rateFunction(src.rate).peak : rate.mean;
    if (src.type === 'trace') notes.push(`${name}: the trace is treated as Poisson arrivals at its mean rate`);
    if (src.type === 'open_loop' && !src.poisson) notes.push(`${name}: arrivals are evenly spaced; the Poisson formulas overstate its queueing`);
    if (peak > rate.mean * 1.001) notes.push(`${name}: the rate varies (mean ${rate.mean.toPrecision(3)}/s over the measured window, peak ${peak.toPrecision(3)}/s); the figures are for the mean`);
    for (const [e, share] of Object.entries(rate.mix)) openRates[index(e)]! += rate.mean * share;
    openPeak += peak;
    return { name, type: src.type, rate: rate.mean, peakRate: peak, mix: rate.mix };
  });
  const closedCount = sources.filter((s) => s.type === 'closed_loop').length;
  if (closedCount > 1) notes.push(`${closedCount} closed-loop sources are merged into one population of ${users} users`);
  const closed = users > 0 ? { users, think: thinkSum / users, shares: closedShares.map((x) => x / users) } : null;
  if (retrying.length > 0) notes.push(`${retrying.join(', ')}: clients retry failed attempts; only first attempts are counted (no failures in steady state)`);
  return { openRates, openPeak, closed, sources, retrying, notes };
}

/** Mean rate over the measured window [warmup, warmup + duration] and the endpoint shares. */
function windowRate(src: Exclude<TrafficSource, { type: 'closed_loop' }>, warmup: number, duration: number, model: NormalizedModel): { mean: number; mix: Readonly<Record<string, number>> } {
  const trace = { modelDir: dirname(model.file), endpoints: model.endpoints.map((e) => e.name) };
  const end = offeredLoad(src, warmup + duration, trace);
  if (end.type === 'closed_loop') throw new Error('explain: open load expected');
  if (warmup <= 0 || src.type === 'trace') return { mean: end.meanRate, mix: end.mix };
  const start = offeredLoad(src, warmup, trace) as typeof end;
  const mean = duration > 0 ? ((warmup + duration) * end.meanRate - warmup * start.meanRate) / duration : end.meanRate;
  return { mean, mix: end.mix };
}
