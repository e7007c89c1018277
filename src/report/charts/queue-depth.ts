/**
 * Background work over time: each worker queue's ready depth (mean per window) above its
 * task latency p95 (publish → done, queueing included) beside the HTTP p95 of the same
 * windows — the 202 answers fast; this shows what the work behind it waits. Null when no
 * time series sampled a worker queue.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { fmtMs, fmtNumber } from '../format.js';
import { CONFIG, MUTED_COLOUR } from '../theme.js';
import { title } from './layout.js';
import { namesWith, pointsOf, scenarioText, timeDomain, type Point } from './series-pick.js';
import { timePanel } from './time-panel.js';
import type { VegaLiteSpec } from './types.js';

const PALETTE = ['#2f6fb0', '#e07b39', '#3a9a5b', '#8e5ea2'];

export function queueDepth(results: ExperimentResults): VegaLiteSpec | null {
  const ts = results.timeseries.find((t) => t.window > 0 && namesWith(t, 'depth').length > 0);
  if (!ts) return null;
  const queues = namesWith(ts, 'depth');
  const domain = timeDomain(ts);
  const depth = pointsOf(ts, 'depth', (q) => q);
  const taskLabel = (q: string) => (queues.length === 1 ? 'task p95 (publish → done)' : `${q} task p95`);
  const http: Point[] = ts.windows.flatMap((w) => (w.p95Ms === null ? [] : [{ t: w.t + ts.window / 2, series: 'HTTP response p95', value: w.p95Ms }]));
  const tasks = pointsOf(ts, 'task_p95_ms', taskLabel);
  const colours = queues.map((_, i) => PALETTE[i % PALETTE.length]!);
  const peakDepth = Math.max(0, ...depth.map((d) => d.value));
  const peakTask = Math.max(0, ...tasks.map((d) => d.value));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title({
      text: `Worker queue over time — ${scenarioText(results, ts)}`,
      subtitle: [
        `Ready tasks waiting (mean per ${fmtNumber(ts.window)} s window; peak ${fmtNumber(peakDepth)}), and task latency p95 from publish to done (worst ${fmtMs(peakTask)})`,
        'beside the HTTP response p95: the client is answered before the task runs.',
      ],
    }),
    vconcat: [
      timePanel({ values: depth, yTitle: 'Tasks waiting', series: queues, colours, domain, bottom: false }),
      timePanel({
        values: [...tasks, ...http], yTitle: 'p95 (ms)', domain, bottom: true,
        series: [...queues.map(taskLabel), 'HTTP response p95'], colours: [...colours, MUTED_COLOUR], dashed: ['HTTP response p95'],
      }),
    ],
    spacing: 10,
    resolve: { scale: { x: 'shared', color: 'independent', strokeDash: 'independent' }, legend: { color: 'independent', strokeDash: 'independent' } },
    config: CONFIG,
  };
}
