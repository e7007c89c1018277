/**
 * The assumptions a plan rests on, said in words beside it: what the bounds took the
 * required throughput to be, which knobs were free in the price book, and where the model
 * and the search differ (fractional cores, trace replays).
 */
import type { SloSpec } from '../experiment/results.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { Knob } from './knobs.js';
import type { PlanOptions } from './types.js';

export function assumptions(
  model: NormalizedModel, target: NormalizedModel, slos: readonly SloSpec[], knobs: readonly Knob[],
  x: number, o: PlanOptions, free: readonly number[],
): string[] {
  const notes: string[] = [];
  if (x === 0) notes.push('no SLO forces a throughput (no errors, latency or throughput target applies), so no utilisation bound was drawn');
  else if (target.traffic.some((t) => t.type === 'open_loop') && !slos.some((t) => t.metric === 'errors')) {
    notes.push('no errors SLO: the bounds assume every request must be served');
  }
  if (free.length > 0) {
    const ids = free.map((i) => knobs[i]!.id).join(', ');
    notes.push(`${ids} cost${free.length === 1 ? 's' : ''} nothing in the price book: held at the top while the priced knobs were searched, then trimmed to the least value that passes`);
  }
  for (const k of knobs) {
    if (k.field === 'cores' && !Number.isInteger(k.current)) notes.push(`${k.id} is ${k.current} in the model; the search tries whole cores`);
  }
  if (o.load === undefined && model.traffic.some((t) => t.type === 'trace')) notes.push('trace sources replay their recorded rate');
  return notes;
}
