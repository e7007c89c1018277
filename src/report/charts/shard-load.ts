/**
 * Per-shard load of a sharded strategy at each sweep point: one bar per shard (CPU
 * utilisation, mean over replications) grouped by load, so a hot shard — Zipf-popular
 * users hashing together — stands out; the title gives the hottest-to-mean query ratio.
 * Null when no row has shard figures.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { pointLabel } from '../axes.js';
import { fmtNumber, fmtPercent, fmtValue } from '../format.js';
import { CONFIG, SIZE } from '../theme.js';
import { title } from './layout.js';
import type { VegaLiteSpec } from './types.js';

export function shardLoad(results: ExperimentResults): VegaLiteSpec | null {
  const first = results.rows.find((r) => (r.shards?.length ?? 0) > 0);
  if (!first) return null;
  const rows = results.rows.filter((r) => r.strategy === first.strategy && (r.shards?.length ?? 0) > 0);
  const values = rows.flatMap((r, order) => r.shards!.map((s) => ({
    point: results.axes.map((a) => fmtValue(r.point[a.name] ?? null)).join(' · ') || r.strategy, order, shard: s.name, utilisation: s.utilisation * 100, share: s.share * 100,
  })));
  const shards = [...new Set(values.map((v) => v.shard))];
  const top = rows.at(-1)!;
  const busiest = Math.max(...values.map((v) => v.utilisation));
  const ratio = top.hotToMean === undefined ? '' : `; hottest shard takes ${fmtNumber(top.hotToMean)}× the mean shard's queries at ${pointLabel(top, results.axes) || 'its load'}`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title({
      text: `Load per shard — ${first.strategy}`,
      subtitle: [`CPU utilisation of each shard (busiest ${fmtPercent(busiest / 100)})${ratio}.`],
    }),
    data: { values },
    width: SIZE.width,
    height: SIZE.height,
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'point', type: 'ordinal', sort: { field: 'order' }, title: results.axes.map((a) => a.label).join(', ') || null, axis: { labelAngle: 0 } },
      xOffset: { field: 'shard', type: 'nominal', sort: shards },
      y: { field: 'utilisation', type: 'quantitative', title: 'Shard CPU utilisation (%)', scale: { zero: true } },
      color: { field: 'shard', type: 'nominal', sort: shards, scale: { scheme: 'tableau10' }, legend: { title: 'Shard', orient: 'right' } },
      tooltip: [
        { field: 'point', title: 'At' }, { field: 'shard', title: 'Shard' },
        { field: 'utilisation', title: 'CPU (%)', format: '.2f' }, { field: 'share', title: 'Share of queries (%)', format: '.1f' },
      ],
    },
    config: CONFIG,
  };
}
