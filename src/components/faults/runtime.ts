/**
 * The built `faults` component: it schedules each fault's start and end on the engine and
 * keeps a log of what happened when — the report's `extra` lists, per fault, its start and
 * end times and what it touched (entries flushed, instances crashed). The log is history,
 * not a statistic: the warm-up reset keeps it.
 */
import type { SimContext } from '../../engine/types.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import type { FaultAction } from './actions.js';
import type { FaultKind } from './schema.js';

export interface ScheduledFault {
  readonly kind: FaultKind;
  /** How it reads in the report, e.g. `crash app/2`. */
  readonly label: string;
  readonly at: number;
  /** Duration until it is undone; null: never. */
  readonly for: number | null;
  readonly action: FaultAction;
}

interface LogLine {
  started: number | null;
  ended: number | null;
  /** The start action's figure (entries flushed, instances crashed); -1: nothing to act on. */
  figure: number;
}

export class FaultsComponent implements ComponentInstance {
  readonly kind = 'faults';
  private readonly log: LogLine[];

  constructor(readonly name: string, private readonly ctx: SimContext, private readonly faults: readonly ScheduledFault[]) {
    this.log = faults.map(() => ({ started: null, ended: null, figure: 0 }));
    faults.forEach((f, i) => ctx.schedule(Math.max(0, f.at - ctx.now), this.start, i));
  }

  /** What happened so far, in schedule order (for tests and charts). */
  history(): { label: string; started: number | null; ended: number | null; figure: number }[] {
    return this.faults.map((f, i) => ({ label: f.label, ...this.log[i]! }));
  }

  resetStats(_now: number): void {
    // the log is the run's history: warm-up deletion keeps it
  }

  report(_now: number): ComponentReport {
    const extra: Record<string, number> = { scheduled: this.faults.length, started: 0, ended: 0, skipped: 0 };
    this.faults.forEach((f, i) => {
      const line = this.log[i]!;
      if (line.started === null) return;
      extra.started!++;
      if (line.figure < 0) extra.skipped!++;
      const key = `${i + 1}.${f.label}`;
      extra[`${key}.start`] = line.started;
      if (line.ended !== null) {
        extra.ended!++;
        extra[`${key}.end`] = line.ended;
      }
      if (f.kind === 'cache_flush') extra[`${key}.flushed`] = line.figure;
      if (f.kind === 'crash') extra[`${key}.instances`] = Math.max(0, line.figure);
    });
    return { name: this.name, kind: this.kind, costPerHour: 0, extra };
  }

  // bound once: the fault's index is the event payload
  private readonly start = (i: number): void => {
    const f = this.faults[i]!;
    const line = this.log[i]!;
    line.started = this.ctx.now;
    line.figure = f.action.start();
    if (f.for !== null) this.ctx.schedule(f.for, this.end, i);
  };

  private readonly end = (i: number): void => {
    this.faults[i]!.action.end();
    this.log[i]!.ended = this.ctx.now;
  };
}
