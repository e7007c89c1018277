/**
 * The scenarios an experiment runs, in one fixed order: strategies × sweep points ×
 * replications, then the 10x points not already swept, then the time-series runs. The
 * order decides nothing about the numbers (each scenario is a pure function); it only fixes
 * how results are assembled, so any number of workers gives the same bytes.
 */
import { pointKey, type Point } from './sweep.js';
import type { ScenarioJob } from './scenario.js';
import type { LoadedExperiment } from './setup.js';

export interface Plan {
  readonly jobs: readonly ScenarioJob[];
  /** The position in `jobs` of a (strategy, point, replication) run without sampling. */
  indexOf(strategy: string, point: Point, rep: number): number;
  /** The position of a time-series run. */
  seriesIndexOf(strategy: string, point: Point, window: number): number;
}

export function planJobs(exp: Pick<LoadedExperiment, 'strategies' | 'points' | 'axes' | 'settings' | 'tenX' | 'timeseries'>): Plan {
  const axes = exp.axes.map((a) => a.name);
  const jobs: ScenarioJob[] = [];
  const index = new Map<string, number>();
  const key = (strategy: string, point: Point, rep: number, window: number | null) =>
    `${strategy}|${pointKey(point, axes)}|${rep}|${window ?? '-'}`;
  const add = (job: ScenarioJob) => {
    const k = key(job.strategy, job.point, job.rep, job.window);
    if (index.has(k)) return;
    index.set(k, jobs.length);
    jobs.push(job);
  };
  const points = [...exp.points, ...(exp.tenX ? [exp.tenX.base, exp.tenX.tenX] : [])];
  for (const point of points) {
    for (const s of exp.strategies) {
      for (let rep = 0; rep < exp.settings.replications; rep++) add({ strategy: s.name, point, rep, window: null });
    }
  }
  for (const t of exp.timeseries) add({ strategy: t.strategy, point: t.point, rep: 0, window: t.window });
  const find = (k: string): number => {
    const i = index.get(k);
    if (i === undefined) throw new Error(`plan: no scenario ${k}`);
    return i;
  };
  return {
    jobs,
    indexOf: (strategy, point, rep) => find(key(strategy, point, rep, null)),
    seriesIndexOf: (strategy, point, window) => find(key(strategy, point, 0, window)),
  };
}
