/**
 * Rule: a queue still growing when the run ends means arrivals outpace service — the run
 * never reached a steady state and longer runs would only look worse. Seen either in the
 * time series (the last windows keep rising) or, at the highest load, in a queue whose
 * mean is close to half its maximum, as a queue growing linearly from empty has. A queue
 * whose mean sits at its maximum is a bounded queue that stayed full: requests turned away.
 */
import type { TimeSeries } from '../results.js';
import { highest, type DiagnosisInput, type Rule } from './types.js';

/** Queues shorter than this are not worth a sentence. */
export const MIN_QUEUE = 10;
const LINEAR_GROWTH = 0.4;
const FULL = 0.9;

export const growingQueueRule: Rule = (input) => {
  const row = highest(input);
  const texts = new Map<string, string>();
  const growing = (name: string, why: string) => `${name}'s queue is still growing at the end of the run, ${why}: arrivals outpace service.`;
  if (row !== undefined) {
    for (const c of row.components) {
      if (c.meanQueue === undefined || c.maxQueue === undefined || c.maxQueue < MIN_QUEUE) continue;
      const mean = Math.round(c.meanQueue);
      const max = Math.round(c.maxQueue);
      if (c.meanQueue >= FULL * c.maxQueue) {
        texts.set(c.name, `${c.name}'s queue stays full at ${input.describe(row)} (mean ${mean}, at most ${max}): arrivals outpace service and the excess is turned away.`);
      } else if (c.meanQueue >= LINEAR_GROWTH * c.maxQueue) {
        texts.set(c.name, growing(c.name, `mean ${mean} against a maximum of ${max} at ${input.describe(row)}`));
      }
    }
  }
  for (const ts of input.series) {
    for (const [name, why] of fromSeries(ts)) if (!texts.has(name)) texts.set(name, growing(name, `${why} (time series at ${describeTs(input, ts)})`));
  }
  return [...texts.values()].map((text) => ({ rank: 30, text }));
};

/** The last three windows each longer than the one before, ending at least twice as long. */
export function fromSeries(ts: TimeSeries): [string, string][] {
  const last = ts.windows.slice(-3);
  if (last.length < 3) return [];
  return Object.keys(last[0]!.queues).flatMap((name): [string, string][] => {
    const q = last.map((w) => w.queues[name] ?? 0);
    const rising = q[1]! > q[0]! && q[2]! > q[1]!;
    if (!rising || q[2]! < MIN_QUEUE || q[2]! < 2 * q[0]!) return [];
    return [[name, `from ${Math.round(q[0]!)} to ${Math.round(q[2]!)} over the last ${last.length} windows`]];
  });
}

function describeTs(input: DiagnosisInput, ts: TimeSeries): string {
  const row = input.rows.find((r) => Object.entries(ts.point).every(([k, v]) => r.point[k] === v));
  return row === undefined ? 'the sampled point' : input.describe(row);
}
