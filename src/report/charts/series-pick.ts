/**
 * Helpers the capacity-over-time charts share: finding the time series that carries a
 * family of extra figures (`replicas.app`, `depth.tasks`, …), reading them as long rows
 * placed at the middle of their window, and naming the scenario a series sampled.
 */
import type { ExperimentResults, TimeSeries } from '../../experiment/results.js';
import { fmtValue } from '../format.js';

export interface Point { t: number; series: string; value: number }

/** Component names carrying `prefix.<name>` in any window of `ts`, in first-seen order. */
export function namesWith(ts: TimeSeries, prefix: string): string[] {
  const names = new Set<string>();
  for (const w of ts.windows) {
    for (const k of Object.keys(w.extra ?? {})) if (k.startsWith(`${prefix}.`)) names.add(k.slice(prefix.length + 1));
  }
  return [...names];
}

/** Values of `prefix.<name>` per window, at the window's middle (or its end, for counts
 * sampled when the window closed), labelled `label(name)`. */
export function pointsOf(ts: TimeSeries, prefix: string, label: (name: string) => string, at: 'middle' | 'end' = 'middle'): Point[] {
  const shift = at === 'middle' ? ts.window / 2 : ts.window;
  return ts.windows.flatMap((w) => Object.entries(w.extra ?? {}).flatMap(([k, value]) =>
    k.startsWith(`${prefix}.`) && Number.isFinite(value) ? [{ t: w.t + shift, series: label(k.slice(prefix.length + 1)), value }] : []));
}

export function timeDomain(ts: TimeSeries): [number, number] {
  return [Math.min(...ts.windows.map((w) => w.t)), Math.max(...ts.windows.map((w) => w.t)) + ts.window];
}

/** "async at users 2000" */
export function scenarioText(results: ExperimentResults, ts: TimeSeries): string {
  const where = Object.entries(ts.point).map(([name, v]) => `${results.axes.find((a) => a.name === name)?.label ?? name} ${fmtValue(v)}`).join(', ');
  return where ? `${ts.strategy} at ${where}` : ts.strategy;
}
