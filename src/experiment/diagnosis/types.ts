/**
 * What a diagnosis rule sees — one strategy's rows (ordered by offered load), the SLOs, its
 * time series if sampled — and what it says: findings ranked so the most important comes
 * first. Rules are small pure functions of this input, one file each.
 */
import type { ResultRow, SloSpec, TimeSeries } from '../results.js';

export interface DiagnosisInput {
  readonly strategy: string;
  /** This strategy's sweep rows, lowest offered load first. */
  readonly rows: readonly ResultRow[];
  readonly slos: readonly SloSpec[];
  readonly series: readonly TimeSeries[];
  /** "2000 users" for a row's point. */
  describe(row: ResultRow): string;
  /** Cores (or servers) of a component in this strategy's model, when it says. */
  coresOf(component: string): number | null;
}

export interface Finding {
  /** Lower comes first. */
  readonly rank: number;
  readonly text: string;
}

export type Rule = (input: DiagnosisInput) => Finding[];

/** The row at the highest offered load (the last of the ordered rows). */
export function highest(input: DiagnosisInput): ResultRow | undefined {
  return input.rows.at(-1);
}

export const percent = (x: number): string => `${Math.round(x * 100)}%`;

export const ms = (x: number): string => `${x >= 100 ? Math.round(x) : Number(x.toPrecision(2))} ms`;
