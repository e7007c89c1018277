/**
 * Capacity that moves: replica counts of autoscaled tiers and worker pools over time
 * (running solid, still starting dashed) above the offered load, and the whole stack's
 * cost per hour per window. Picks the sampled scenario whose replica counts change most;
 * null when no time series holds replica counts.
 */
import type { ExperimentResults, TimeSeries } from '../../experiment/results.js';
import { fmtMoney, fmtNumber } from '../format.js';
import { CONFIG, MUTED_COLOUR } from '../theme.js';
import { title } from './layout.js';
import { namesWith, pointsOf, scenarioText, timeDomain, type Point } from './series-pick.js';
import { timePanel } from './time-panel.js';
import type { VegaLiteSpec } from './types.js';

const PALETTE = ['#2f6fb0', '#e07b39', '#3a9a5b', '#8e5ea2'];

/** Distinct replica counts seen: a fixed fleet has one per tier. */
function movement(ts: TimeSeries): number {
  return new Set(ts.windows.flatMap((w) => Object.entries(w.extra ?? {}).filter(([k]) => k.startsWith('replicas.')).map(([k, v]) => `${k}=${v}`))).size;
}

export function replicas(results: ExperimentResults): VegaLiteSpec | null {
  const candidates = results.timeseries.filter((t) => t.window > 0 && namesWith(t, 'replicas').length > 0);
  const ts = candidates.reduce<TimeSeries | null>((best, t) => (best === null || movement(t) > movement(best) ? t : best), null);
  if (!ts) return null;
  const tiers = namesWith(ts, 'replicas');
  const domain = timeDomain(ts);
  const starting = (n: string) => `${n} starting`;
  // counts are read when a window closes: draw them at its end, held since the sample before
  const counts = [...pointsOf(ts, 'replicas', (n) => n, 'end'), ...pointsOf(ts, 'starting', starting, 'end')];
  const colours = tiers.map((_, i) => PALETTE[i % PALETTE.length]!);
  const cost: Point[] = ts.windows.flatMap((w) => {
    const c = w.extra?.cost_per_hour;
    return c === undefined ? [] : [{ t: w.t + ts.window / 2, series: 'cost', value: c }];
  });
  const load: Point[] = ts.windows.map((w) => ({ t: w.t + ts.window / 2, series: 'offered', value: w.offered }));
  const peak = Math.max(0, ...pointsOf(ts, 'replicas', (n) => n).map((p) => p.value));
  const meanCost = cost.length === 0 ? null : cost.reduce((a, p) => a + p.value, 0) / cost.length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title({
      text: `Replicas and cost over time — ${scenarioText(results, ts)}`,
      subtitle: [
        `Instances taking work (solid; peak ${fmtNumber(peak)}) and asked for but still starting (dashed), sampled every ${fmtNumber(ts.window)} s;`,
        `the offered load they answer; and the whole stack's cost per hour (mean ${fmtMoney(meanCost)}/h over the sampled run, warm-up included).`,
      ],
    }),
    vconcat: [
      timePanel({
        values: counts, yTitle: 'Instances', step: true, domain, bottom: false, format: ',.0f',
        series: [...tiers, ...tiers.map(starting)], colours: [...colours, ...colours], dashed: tiers.map(starting),
      }),
      timePanel({ values: load, yTitle: 'Offered (req/s)', series: ['offered'], colours: [MUTED_COLOUR], domain, bottom: false }),
      timePanel({ values: cost, yTitle: 'Cost ($/h)', series: ['cost'], colours: ['#3a9a5b'], domain, bottom: true, format: '$,.3f' }),
    ],
    spacing: 10,
    resolve: { scale: { x: 'shared', color: 'independent', strokeDash: 'independent' }, legend: { color: 'independent', strokeDash: 'independent' } },
    config: CONFIG,
  };
}
