/**
 * The chart registry: every chart the report can draw, in reading order. A chart whose data
 * the results do not hold (no instances axis, no time series) builds to null and is left out.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { costVsP95 } from './cost-vs-p95.js';
import { latencyVsLoad } from './latency-vs-load.js';
import { queueDepth } from './queue-depth.js';
import { replicas } from './replicas.js';
import { shardLoad } from './shard-load.js';
import { throughputVsInstances } from './throughput-vs-instances.js';
import { throughputVsLoad } from './throughput-vs-load.js';
import { timeseries } from './timeseries.js';
import type { ChartDef, VegaLiteSpec } from './types.js';
import { utilisation } from './utilisation.js';

export const CHARTS: readonly ChartDef[] = [
  { name: 'latency-vs-load', caption: 'Where does each strategy stop absorbing load?', build: latencyVsLoad },
  { name: 'throughput-vs-load', caption: 'How much of the offered load does each strategy serve?', build: throughputVsLoad },
  { name: 'throughput-vs-instances', caption: 'What does adding instances buy, and where does it stop paying?', build: throughputVsInstances },
  { name: 'cost-vs-p95', caption: 'What is the cheapest way to reach a given p95?', build: costVsP95 },
  { name: 'utilisation', caption: 'Which component saturates first?', build: utilisation },
  { name: 'timeseries', caption: 'Does the scenario settle, or does a queue keep growing?', build: timeseries },
  { name: 'queue-depth', caption: 'Does background work keep up, and how long does it wait?', build: queueDepth },
  { name: 'replicas', caption: 'How fast does capacity follow the load, and what does it cost?', build: replicas },
  { name: 'shard-load', caption: 'Is the load spread evenly over the shards?', build: shardLoad },
];

export interface BuiltChart {
  name: string;
  caption: string;
  spec: VegaLiteSpec;
}

export function buildCharts(results: ExperimentResults): BuiltChart[] {
  return CHARTS.flatMap(({ name, caption, build }) => {
    const spec = build(results);
    return spec ? [{ name, caption, spec }] : [];
  });
}
