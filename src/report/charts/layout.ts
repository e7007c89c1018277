/**
 * Shared scaffolding of the layered charts: one chart, or small multiples (one panel per
 * combination of the extra sweep axes) with the same layers in every panel. Data lives at
 * the top so faceting splits it; a layer with its own data (a threshold rule) repeats in
 * every panel unchanged.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { CONFIG, SIZE } from '../theme.js';
import type { Layer, VegaLiteSpec } from './types.js';

export interface Titles {
  text: string;
  subtitle: string[];
}

export function title(t: Titles) {
  return { text: t.text, subtitle: t.subtitle, subtitleLineHeight: 17 };
}

/** Columns of a wrapped facet: up to three panels side by side. */
export function facetColumns(panels: number): number {
  return panels <= 1 ? 1 : panels === 4 ? 2 : Math.min(panels, 3);
}

export function layered(
  results: ExperimentResults,
  values: object[],
  layers: Layer[],
  titles: Titles,
  panels: number,
): VegaLiteSpec {
  const head = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title(titles),
    data: { values },
    config: CONFIG,
  };
  if (panels <= 1) return { ...head, width: SIZE.width, height: SIZE.height, layer: layers };
  return {
    ...head,
    columns: facetColumns(panels),
    facet: {
      field: 'panel', type: 'nominal', title: null,
      sort: { field: 'panelOrder', op: 'min' },
      header: { labelFontWeight: 'bold', labelAnchor: 'start', labelPadding: 4 },
    },
    spec: { width: SIZE.panelWidth, height: SIZE.panelHeight, layer: layers },
    resolve: { axis: { x: 'independent', y: 'independent' } },
  };
}

/** A log scale reads hockey sticks (10 ms → 10 s) better; a narrow range reads better linear. */
export function spansDecades(values: readonly number[], ratio = 10): boolean {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (pos.length < 2) return false;
  return Math.max(...pos) / Math.min(...pos) >= ratio;
}

/** Sweep values that double (or more) each step: equally spaced on a log axis, crowded on linear. */
export function isGeometric(values: readonly number[]): boolean {
  const u = [...new Set(values.filter((v) => Number.isFinite(v) && v > 0))].sort((a, b) => a - b);
  if (u.length < 3 || !spansDecades(u, 8)) return false;
  return u.every((v, i) => i === 0 || v / (u[i - 1] ?? v) >= 1.6);
}

/** Plot area of each panel: the full chart size, or a facet panel's. */
export function plotSize(panels: number): { width: number; height: number } {
  return panels > 1 ? { width: SIZE.panelWidth, height: SIZE.panelHeight } : { width: SIZE.width, height: SIZE.height };
}

/** Ticks at 1-2-5 (or 1-3, or 1) times each power of ten within the data, as dense as `px`
 * pixels allow: the log axis' default minor ticks each draw a grid line, which is clutter. */
export function logTicks(values: readonly number[], px: number, gap = 32): number[] | undefined {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (pos.length < 2) return undefined;
  const lo = Math.min(...pos) / 1.15, hi = Math.max(...pos) * 1.15;
  const within = (multipliers: number[]) => {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
      for (const m of multipliers) {
        const v = Number((m * 10 ** e).toPrecision(12));
        if (v >= lo && v <= hi) ticks.push(v);
      }
    }
    return ticks;
  };
  const options = [[1, 2, 5], [1, 3], [1]].map(within).filter((t) => t.length >= 2);
  return options.find((t) => t.length <= px / gap) ?? options.at(-1);
}

/** Scale and axis of a positional channel `px` pixels long: log (sparse ticks) or linear from
 * zero. `gap` is the room a tick label needs: ~32 px stacked on a y axis, more side by side on x. */
export function positional(values: readonly number[], log: boolean, px: number, gap = 32) {
  if (!log) return { scale: { zero: true }, axis: {} };
  const ticks = logTicks(values, px, gap);
  return {
    scale: { type: 'log' as const, nice: false, padding: 12 },
    axis: { ...(ticks ? { values: ticks } : {}), labelOverlap: 'greedy' as const, labelSeparation: 8 },
  };
}
