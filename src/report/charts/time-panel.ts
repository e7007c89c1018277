/**
 * One panel of a chart over simulated time: lines (optionally stepped, optionally dashed per
 * series) against a shared time domain, with a fixed series → colour mapping. Only the
 * bottom panel of a stack carries the time axis' labels.
 */
import type { Point } from './series-pick.js';
import type { Layer } from './types.js';

export interface TimePanel {
  values: Point[];
  yTitle: string;
  series: string[];
  colours: string[];
  domain: [number, number];
  bottom: boolean;
  /** Series drawn dashed. */
  dashed?: string[];
  /** Counts that hold between samples (replicas) step; rates interpolate. */
  step?: boolean;
  format?: string;
}

export function timePanel(p: TimePanel): { width: number; height: number; layer: Layer[] } {
  const axis = p.bottom ? { title: 'Simulated time (s)' } : { title: null, labels: false, ticks: false, domain: false };
  const x = { field: 't', type: 'quantitative' as const, scale: { domain: p.domain, nice: false, zero: false }, axis };
  const flat = !p.values.some((v) => v.value > 0);
  const y = {
    field: 'value', type: 'quantitative' as const, title: p.yTitle,
    scale: flat ? { domain: [0, 1] } : { zero: true }, axis: { tickCount: 4, minExtent: 44 },
  };
  const color = {
    field: 'series', type: 'nominal' as const, scale: { domain: p.series, range: p.colours },
    legend: p.series.length > 1 ? { title: null, orient: 'right' as const, labelLimit: 200 } : null,
  };
  const tooltip = [{ field: 't', title: 'Time (s)' }, { field: 'series', title: 'Series' }, { field: 'value', title: p.yTitle, format: p.format ?? ',.1f' }];
  // dash on the same field as colour: Vega-Lite merges the two into one legend whose
  // swatches show the dashes too
  const dashed = p.dashed ?? [];
  const strokeDash = {
    field: 'series', type: 'nominal' as const, legend: color.legend,
    scale: { domain: p.series, range: p.series.map((s) => (dashed.includes(s) ? [5, 3] : [1, 0])) },
  };
  const line: Layer = {
    data: { values: p.values },
    mark: { type: 'line', strokeWidth: 2, ...(p.step ? { interpolate: 'step-before' as const } : {}) },
    encoding: { x, y, color, ...(dashed.length > 0 ? { strokeDash } : {}), tooltip },
  };
  return { width: 560, height: 130, layer: [line] };
}
