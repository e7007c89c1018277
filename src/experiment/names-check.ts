/**
 * Cross-checks of an experiment file that zod cannot see: the baseline, the 10x axis and
 * the time series must name strategies and axes that exist. Also resolves the 10x and
 * time-series points (axes not given take their first value).
 */
import type { ModelError } from '../model/errors.js';
import type { PathSegment } from '../model/format.js';
import type { LoadedDocument } from '../model/load.js';
import { didYouMean } from '../model/suggest.js';
import type { Frozen } from '../model/validate.js';
import type { ExperimentConfig } from './schema.js';
import { experimentError, type AxisSetup, type LoadedExperiment, type TimeSeriesRequest } from './setup.js';
import type { Point } from './sweep.js';

export interface NameCheck {
  errors: ModelError[];
  tenX: LoadedExperiment['tenX'];
  timeseries: TimeSeriesRequest[];
}

export function checkNames(doc: LoadedDocument, config: Frozen<ExperimentConfig>, axes: readonly AxisSetup[]): NameCheck {
  const errors: ModelError[] = [];
  const strategies = Object.keys(config.strategies);
  const axisNames = axes.map((a) => a.name);
  const dangling = (path: PathSegment[], what: string, value: string, names: string[], part: 'key' | 'value' = 'value') => {
    const hint = didYouMean(value, names);
    errors.push(experimentError(doc, path, {
      code: 'SIM_E_DANGLING_REF',
      detail: `no ${what} named \`${value}\``,
      expected: names.length === 0 ? `a ${what} (there are none: add \`sweep:\`)` : `one of: ${names.join(', ')}`,
      ...(hint && { hint }),
    }, part));
  };
  if (config.baseline !== undefined && !strategies.includes(config.baseline)) {
    dangling(['baseline'], 'strategy', config.baseline, strategies);
  }
  const first: Point = Object.fromEntries(axes.map((a) => [a.name, a.values[0]!]));
  let tenX: NameCheck['tenX'] = null;
  if (config.ten_x !== undefined) {
    const { axis } = config.ten_x;
    if (!axisNames.includes(axis)) dangling(['ten_x', 'axis'], 'sweep axis', axis, axisNames);
    else {
      const base = config.ten_x.base ?? first[axis]!;
      tenX = { axis, base: { ...first, [axis]: base }, tenX: { ...first, [axis]: base * 10 } };
    }
  }
  const requested = config.timeseries === undefined ? [] : Array.isArray(config.timeseries) ? config.timeseries : [config.timeseries];
  const at = (i: number): PathSegment[] => (Array.isArray(config.timeseries) ? ['timeseries', i] : ['timeseries']);
  const timeseries = requested.map((t, i): TimeSeriesRequest => {
    if (!strategies.includes(t.strategy)) dangling([...at(i), 'strategy'], 'strategy', t.strategy, strategies);
    for (const key of Object.keys(t.point)) {
      if (!axisNames.includes(key)) dangling([...at(i), 'point', key], 'sweep axis', key, axisNames, 'key');
    }
    return { strategy: t.strategy, point: { ...first, ...t.point }, window: t.window };
  });
  for (const [i, t] of timeseries.entries()) {
    if (!(t.window > 0)) {
      errors.push(experimentError(doc, [...at(i), 'window'], { code: 'SIM_E_INVALID_VALUE', expected: 'a window > 0, e.g. 5s' }));
    }
  }
  return { errors, tenX, timeseries };
}
