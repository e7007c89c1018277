/**
 * The types every chart module shares: a chart is a pure function from experiment results
 * to a Vega-Lite spec, or null when the results hold no data for it (the report leaves it out).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec } from 'vega-lite/types_unstable/spec/layer.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/unit.js';
import type { ExperimentResults } from '../../experiment/results.js';

export type VegaLiteSpec = TopLevelSpec;

/** One layer of a layered chart (a unit spec, or a nested layer). */
export type Layer = UnitSpec<Field> | LayerSpec<Field>;

export type ChartFn = (results: ExperimentResults) => VegaLiteSpec | null;

export interface ChartDef {
  /** File stem and HTML anchor, e.g. "latency-vs-load". */
  readonly name: string;
  /** What the chart answers, for the report's figure caption. */
  readonly caption: string;
  readonly build: ChartFn;
}
