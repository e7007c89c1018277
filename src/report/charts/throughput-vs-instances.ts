/**
 * Scaling out: each strategy's capacity X(N) (the highest throughput measured at N instances,
 * meaningful when the load sweep saturates every N) with its Universal Scalability Law fit.
 * σ (contention) and κ (coherency) go in the subtitle, with the N where throughput would peak.
 * Needs an instances axis with at least two values; a fit needs three.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { axisRoles, axisValue } from '../axes.js';
import { fmtNumber, fmtRate } from '../format.js';
import { strategyNames, strategyColour, CONFIG, SIZE } from '../theme.js';
import { fitUsl, uslThroughput, type UslFit, type UslPoint } from '../usl.js';
import { title } from './layout.js';
import type { VegaLiteSpec } from './types.js';

interface Measured { strategy: string; n: number; x: number }

function capacities(results: ExperimentResults): Map<string, UslPoint[]> {
  const axis = axisRoles(results).instances;
  const out = new Map<string, Map<number, number>>();
  if (!axis) return new Map();
  for (const r of results.rows) {
    const n = axisValue(r, axis);
    if (n === null || n < 1 || !(r.throughput.mean > 0)) continue;
    const byN = out.get(r.strategy) ?? new Map<number, number>();
    byN.set(n, Math.max(byN.get(n) ?? 0, r.throughput.mean));
    out.set(r.strategy, byN);
  }
  return new Map([...out].map(([s, byN]) => [s, [...byN].map(([n, x]) => ({ n, x })).sort((a, b) => a.n - b.n)]));
}

function tryFit(points: UslPoint[]): UslFit | null {
  return new Set(points.map((p) => p.n)).size >= 3 ? fitUsl(points) : null;
}

function fitLine(strategy: string, fit: UslFit | null): string {
  if (!fit) return `${strategy}: too few instance counts for a fit`;
  const peak = fit.peakN === null || fit.peakN > 1000 ? 'no peak in sight'
    : `peaks near N = ${fmtNumber(Math.round(fit.peakN))} at ${fmtRate(uslThroughput(fit.peakN, fit))}`;
  return `${strategy}: σ = ${fit.sigma.toFixed(3)} (contention), κ = ${fit.kappa.toFixed(4)} (coherency), ${peak}`;
}

function curve(strategy: string, fit: UslFit, maxN: number): { strategy: string; n: number; fit: number }[] {
  const steps = 60;
  return Array.from({ length: steps + 1 }, (_, i) => {
    const n = 1 + ((maxN - 1) * i) / steps;
    return { strategy, n, fit: uslThroughput(n, fit) };
  });
}

export function throughputVsInstances(results: ExperimentResults): VegaLiteSpec | null {
  const axis = axisRoles(results).instances;
  const caps = capacities(results);
  const order = strategyNames(results).filter((s) => (caps.get(s)?.length ?? 0) >= 2);
  if (!axis || order.length === 0) return null;
  const measured: Measured[] = order.flatMap((s) => (caps.get(s) ?? []).map((p) => ({ strategy: s, ...p })));
  const maxN = Math.max(...measured.map((m) => m.n));
  const fits = new Map(order.map((s) => [s, tryFit(caps.get(s) ?? [])]));
  const fitted = order.flatMap((s) => { const f = fits.get(s); return f ? curve(s, f, maxN) : []; });
  const best = [...measured].filter((m) => m.n === maxN).sort((a, b) => b.x - a.x)[0];
  const x = { field: 'n', type: 'quantitative' as const, title: `${axis.label} (N)`, scale: { zero: false }, axis: { tickMinStep: 1 } };
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: 'Capacity: peak throughput (req/s)', scale: { zero: true } });
  const colour = strategyColour(results);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title({
      text: `Throughput vs ${axis.label}${best ? ` — ${best.strategy} scales highest` : ''}`,
      subtitle: ['Points: highest throughput measured at N. Lines: Universal Scalability Law X(N) = λN / (1 + σ(N−1) + κN(N−1)).',
        ...order.map((s) => fitLine(s, fits.get(s) ?? null))],
    }),
    width: SIZE.width, height: SIZE.height,
    layer: [
      { data: { values: fitted }, mark: { type: 'line', strokeWidth: 2, opacity: 0.85 }, encoding: { x, y: y('fit'), color: colour } },
      {
        data: { values: measured },
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: {
          x, y: y('x'), color: colour,
          tooltip: [{ field: 'strategy', title: 'Strategy' }, { field: 'n', title: 'N' },
            { field: 'x', title: 'Throughput (req/s)', format: ',.0f' }],
        },
      },
    ],
    config: CONFIG,
  };
}
