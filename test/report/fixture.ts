/**
 * A synthetic ExperimentResults with realistic shapes: each strategy has a USL capacity per
 * instance count, latency follows the M/M/1 hockey stick S/(1−ρ) up to saturation and then
 * blows up with errors, and costs grow with instances. Pure arithmetic, no randomness, so
 * every chart and table built from it is reproducible. Strategy names can be swapped (e.g.
 * for a hostile "<script>") without changing the numbers.
 */
import type {
  ComponentLoad, Estimate, ExperimentResults, ResultRow, SloVerdict, TimeSeries,
} from '../../src/experiment/results.js';

export interface FixtureOptions {
  strategies?: string[];
  users?: number[];
  /** Instance counts of the `instances` axis; null for a results file without one. */
  instances?: number[] | null;
  replications?: number;
}

interface Profile {
  lambda: number; sigma: number; kappa: number; serviceMs: number; extraCost: number;
  /** Components and their share of the bottleneck's utilisation (the first is the bottleneck). */
  parts: [string, string, number][];
}

export const PROFILES: Profile[] = [
  { lambda: 1000, sigma: 0.1, kappa: 0.003, serviceMs: 15, extraCost: 0,
    parts: [['db', 'database', 1], ['app', 'app_tier', 0.6], ['lb', 'load_balancer', 0.1]] },
  { lambda: 2000, sigma: 0.1, kappa: 0.008, serviceMs: 6, extraCost: 0.15,
    parts: [['app', 'app_tier', 1], ['db', 'database', 0.35], ['cache', 'cache', 0.25], ['lb', 'load_balancer', 0.1]] },
  { lambda: 1400, sigma: 0.07, kappa: 0.004, serviceMs: 10, extraCost: 0.4,
    parts: [['db', 'database', 1], ['replica', 'read_replica', 0.8], ['app', 'app_tier', 0.7], ['lb', 'load_balancer', 0.1]] },
];

const SLO_P95 = 200;
const SLO_ERRORS = 0.001;

export function capacity(p: Profile, n: number): number {
  return (p.lambda * n) / (1 + p.sigma * (n - 1) + p.kappa * n * (n - 1));
}

function est(mean: number, relHalfWidth: number, n: number): Estimate {
  const hw = mean * relHalfWidth;
  return n > 1 ? { mean, low: mean - hw, high: mean + hw, n } : { mean, low: null, high: null, n };
}

/** The scenario's means: latency percentiles, throughput and errors at one load. */
export function scenario(p: Profile, n: number, offered: number) {
  const cap = capacity(p, n);
  const rho = offered / cap;
  const overloaded = rho >= 0.95;
  const meanMs = overloaded ? Math.min(3000, (p.serviceMs / 0.05) * (rho / 0.95) ** 3) : p.serviceMs / (1 - rho);
  const errorRate = overloaded ? Math.max(0, 1 - cap / offered) * 0.6 + 0.002 : 0.00002 * rho;
  const throughput = overloaded ? Math.min(offered * (1 - errorRate), cap * 0.97) : offered * (1 - errorRate);
  return { rho, meanMs, p50: 0.7 * meanMs, p95: 3 * meanMs, p99: 4.6 * meanMs, errorRate, throughput };
}

function row(name: string, p: Profile, users: number, n: number | null, reps: number): ResultRow {
  const s = scenario(p, n ?? 1, users);
  const wobble = 0.02 + 0.08 * Math.min(s.rho, 1) ** 2;
  const components: ComponentLoad[] = p.parts.map(([cname, kind, share]) => ({
    name: cname, kind, utilisation: est(Math.min(0.99, s.rho * share), 0.02, reps),
  }));
  const cost = 0.1 * (n ?? 1) + 0.5 + p.extraCost;
  const slo: SloVerdict[] = [
    { text: 'p95 < 200ms', pass: s.p95 < SLO_P95, value: s.p95 },
    { text: 'errors < 0.1%', pass: s.errorRate < SLO_ERRORS, value: s.errorRate },
  ];
  return {
    strategy: name,
    point: n === null ? { users } : { users, instances: n },
    offered: users,
    throughput: est(s.throughput, 0.01, reps),
    p50Ms: est(s.p50, wobble, reps), p95Ms: est(s.p95, wobble, reps), p99Ms: est(s.p99, wobble * 1.5, reps),
    meanMs: est(s.meanMs, wobble, reps),
    errorRate: est(s.errorRate, 0.1, reps),
    components,
    busiest: { name: p.parts[0]![0], utilisation: components[0]!.utilisation.mean },
    costPerHour: cost,
    costPerMillion: est((cost / (s.throughput * 3600)) * 1e6, 0.01, reps),
    slo,
    pass: slo.every((v) => v.pass),
  };
}

function withBaseline(rows: ResultRow[], baseline: string): ResultRow[] {
  const key = (r: ResultRow) => JSON.stringify(r.point);
  const base = new Map(rows.filter((r) => r.strategy === baseline).map((r) => [key(r), r]));
  const paired = (a: number, b: number) => {
    const mean = a - b, hw = Math.abs(mean) * 0.2 + 0.5;
    return { mean, low: mean - hw, high: mean + hw, n: 3, significant: Math.abs(mean) > hw };
  };
  return rows.map((r) => {
    const b = base.get(key(r));
    if (!b || r.strategy === baseline) return r;
    return { ...r, vsBaseline: {
      p95Ms: paired(r.p95Ms.mean, b.p95Ms.mean),
      throughput: paired(r.throughput.mean, b.throughput.mean),
      errorRate: paired(r.errorRate.mean, b.errorRate.mean),
    } };
  });
}

function timeseries(strategy: string, p: Profile, users: number, n: number | null): TimeSeries {
  const cap = capacity(p, n ?? 1);
  const windows = Array.from({ length: 30 }, (_, i) => {
    const t = i * 5;
    const ramp = Math.min(1, (t + 5) / 15);
    const offered = users * ramp * (1 + 0.03 * Math.sin(t / 7));
    const rho = Math.min(0.97, offered / cap);
    return {
      t, offered, throughput: Math.min(offered, cap) * (i === 0 ? 0.8 : 1),
      p95Ms: i === 0 ? null : (3 * p.serviceMs) / (1 - rho),
      errors: t >= 90 && t < 100 ? 12 : 0,
      queues: { app: rho / (1 - rho), db: (0.4 * rho) / (1 - 0.4 * rho) },
    };
  });
  return { strategy, point: n === null ? { users } : { users, instances: n }, window: 5, windows };
}

export function buildResults(options: FixtureOptions = {}): ExperimentResults {
  const names = options.strategies ?? ['baseline', 'cache', 'replicas'];
  const users = options.users ?? [500, 1000, 2000, 4000, 8000];
  const instances = options.instances === undefined ? [1, 2, 4, 8] : options.instances;
  const reps = options.replications ?? 3;
  const profile = (i: number) => PROFILES[i % PROFILES.length]!;
  const rows: ResultRow[] = [];
  names.forEach((name, i) => {
    for (const n of instances ?? [null]) for (const u of users) rows.push(row(name, profile(i), u, n, reps));
  });
  const baseline = names[0]!;
  const tsIndex = Math.min(1, names.length - 1);
  return {
    experiment: {
      name: 'strategies', description: 'Scaling strategies for the user-management service',
      hash: '3f9a1c0e7b2d', seed: 1, replications: reps, duration: 120, warmup: 30, baseline,
    },
    strategies: names.map((name, i) => ({ name, description: ['The monolith as is', 'Redis cache in front of the db', 'Two read replicas'][i % 3] })),
    axes: [
      { name: 'users', label: 'users', values: users },
      ...(instances ? [{ name: 'instances', label: 'app instances', values: instances }] : []),
    ],
    slos: [
      { text: 'p95 < 200ms', metric: 'p95', op: '<', threshold: SLO_P95 },
      { text: 'errors < 0.1%', metric: 'errors', op: '<', threshold: SLO_ERRORS },
    ],
    rows: withBaseline(rows, baseline),
    tenX: names.map((strategy, i) => {
      const s = scenario(profile(i), instances?.[0] ?? 1, users[0]! * 10);
      return { strategy, baseOffered: users[0]!, tenXOffered: users[0]! * 10,
        pass: s.p95 < SLO_P95 && s.errorRate < SLO_ERRORS, p95Ms: s.p95, errorRate: s.errorRate };
    }),
    timeseries: [timeseries(names[tsIndex]!, profile(tsIndex), users[3] ?? users[0]!, instances ? (instances[2] ?? instances[0]!) : null)],
    diagnosis: names.map((strategy, i) => ({
      strategy,
      findings: [
        `${profile(i).parts[0]![0]} is 99% busy at ${users.at(-1)} users: the bottleneck.`,
        `p95 passes the ${SLO_P95} ms SLO at ${users[1]} users on one instance.`,
      ],
    })),
  };
}
