import { describe, expect, it } from 'vitest';
import { buildCharts, CHARTS } from '../../src/report/charts/index.js';
import { costVsP95 } from '../../src/report/charts/cost-vs-p95.js';
import { latencyVsLoad } from '../../src/report/charts/latency-vs-load.js';
import { throughputVsInstances } from '../../src/report/charts/throughput-vs-instances.js';
import { timeseries } from '../../src/report/charts/timeseries.js';
import { compileChart } from '../../src/report/render.js';
import { BASELINE_COLOUR, FONT, strategyColours } from '../../src/report/theme.js';
import { buildResults, PROFILES } from './fixture.js';

const grid = buildResults();
const single = buildResults({ instances: null });

/** Rows of the inline dataset of a spec (the charts put their main data at the top). */
function values(spec: object): Record<string, unknown>[] {
  return ((spec as { data?: { values?: unknown[] } }).data?.values ?? []) as Record<string, unknown>[];
}

function subtitle(spec: object): string {
  return ((spec as { title: { subtitle: string[] } }).title.subtitle).join('\n');
}

describe('chart registry', () => {
  it('builds every chart for results with an instances axis and a time series', () => {
    // queue-depth, replicas and shard-load need figures this fixture lacks (capacity-charts.test.ts)
    const capacity = ['queue-depth', 'replicas', 'shard-load'];
    expect(buildCharts(grid).map((c) => c.name)).toEqual(CHARTS.map((c) => c.name).filter((n) => !capacity.includes(n)));
  });

  it('leaves out throughput-vs-instances without an instances axis, and timeseries without windows', () => {
    const names = buildCharts({ ...single, timeseries: [] }).map((c) => c.name);
    expect(names).toEqual(['latency-vs-load', 'throughput-vs-load', 'cost-vs-p95', 'utilisation']);
    expect(throughputVsInstances(single)).toBeNull();
    expect(timeseries({ ...single, timeseries: [] })).toBeNull();
  });

  it('every spec compiles with Vega-Lite without a warning, in DejaVu Sans', () => {
    for (const results of [grid, single]) {
      for (const chart of buildCharts(results)) {
        expect(compileChart(chart.spec).warnings, chart.name).toEqual([]);
        expect((chart.spec as { config: { font: string } }).config.font).toBe(FONT);
      }
    }
  });

  it('a results file without sweep axes (one point per strategy) still charts cleanly', () => {
    const one = buildResults({ users: [1000], instances: null });
    const flat = { ...one, axes: [], rows: one.rows.map((r) => ({ ...r, point: {} })), timeseries: [] };
    const charts = buildCharts(flat);
    expect(charts.map((c) => c.name)).toEqual(['latency-vs-load', 'throughput-vs-load', 'cost-vs-p95', 'utilisation']);
    for (const chart of charts) expect(compileChart(chart.spec).warnings, chart.name).toEqual([]);
    expect((costVsP95(flat)!.title as { text: string }).text).toBe('Cost vs p95 — cheapest to meet every SLO: cache, $0.75/h');
  });

  it('results with no rows draw nothing rather than an empty frame', () => {
    const empty = { ...single, rows: [], timeseries: [] };
    expect(buildCharts(empty)).toEqual([]);
  });
});

describe('colours', () => {
  it('one colour per strategy, the same in every chart; the baseline dark grey', () => {
    const { domain, range } = strategyColours(grid);
    expect(domain).toEqual(['baseline', 'cache', 'replicas']);
    expect(range[0]).toBe(BASELINE_COLOUR);
    expect(new Set(range).size).toBe(3);
    const json = JSON.stringify(buildCharts(grid).map((c) => c.spec));
    const scales = json.match(/"domain":\["baseline","cache","replicas"\],"range":\[[^\]]*\]/g) ?? [];
    expect(scales.length).toBeGreaterThanOrEqual(4);
    expect(new Set(scales).size).toBe(1);
  });
});

describe('latency-vs-load', () => {
  it('marks one knee per strategy where p95 first breaks 2× light load or the SLO', () => {
    const rows = values(latencyVsLoad(single)!);
    const knees = rows.filter((r) => r.knee).map((r) => [r.strategy, r.offered]);
    // Fixture on one instance: baseline p95 is 90 ms at 500 and 1 s at 1000 users; cache
    // 23 ms, 36 ms, then 420 ms at 2000; replicas 43 ms at 500 and 107 ms at 1000 (> 2×).
    expect(knees).toEqual([['baseline', 1000], ['cache', 2000], ['replicas', 1000]]);
    expect(latencyVsLoad(single)!.title).toMatchObject({ text: 'p95 latency vs offered load — cache holds out longest' });
  });

  it('draws one panel per instance count when instances are swept too', () => {
    const spec = latencyVsLoad(grid)! as { facet?: { field: string } };
    expect(spec.facet?.field).toBe('panel');
    expect(new Set(values(spec).map((r) => r.panel))).toEqual(new Set(['app instances = 1', 'app instances = 2', 'app instances = 4', 'app instances = 8']));
    expect(subtitle(spec)).toContain('app instances = 8 — knee at');
  });

  it('has no SLO rule when there is no p95 SLO, and skips bands without intervals', () => {
    const results = buildResults({ instances: null, replications: 1 });
    const json = JSON.stringify(latencyVsLoad({ ...results, slos: [] }));
    expect(json).not.toContain('SLO p95');
    expect(values(latencyVsLoad(results)!).every((r) => r.p95Low === null)).toBe(true);
  });
});

describe('throughput-vs-instances', () => {
  it('fits the USL to the highest throughput per N and reports the planted σ and κ', () => {
    const text = subtitle(throughputVsInstances(grid)!);
    for (const [i, name] of ['baseline', 'cache', 'replicas'].entries()) {
      const p = PROFILES[i]!;
      expect(text).toContain(`${name}: σ = ${p.sigma.toFixed(3)} (contention), κ = ${p.kappa.toFixed(4)} (coherency)`);
    }
  });

  it('needs an axis named instances or labelled so', () => {
    const renamed = { ...grid, axes: grid.axes.map((a) => (a.name === 'instances' ? { ...a, name: 'n', label: 'replicas' } : a)) };
    expect(throughputVsInstances(renamed)).toBeNull();
    const labelled = { ...renamed, axes: renamed.axes.map((a) => (a.name === 'n' ? { ...a, label: 'web instances' } : a)) };
    const relabelledRows = { ...labelled, rows: labelled.rows.map((r) => ({ ...r, point: { users: r.point.users!, n: r.point.instances! } })) };
    expect(throughputVsInstances(relabelledRows)).not.toBeNull();
  });
});

describe('cost-vs-p95', () => {
  it('outlines the Pareto frontier within each load and names the cheapest option meeting the SLOs', () => {
    const spec = costVsP95(single)!;
    const rows = values(spec);
    const at = (users: string) => rows.filter((r) => r.panel === `users = ${users}` && r.frontier).map((r) => r.strategy);
    // On one instance cache ($0.75/h) beats replicas ($1.00/h) on p95, and the baseline is
    // cheapest ($0.60/h): the frontier is cache and baseline. At 8,000 users all three hit
    // the same 9 s ceiling, so only the cheapest is left on it.
    expect(at('500').sort()).toEqual(['baseline', 'cache']);
    expect(at('8,000')).toEqual(['baseline']);
    expect((spec.title as { text: string }).text).toBe('Cost vs p95 — cheapest to meet every SLO at users = 1,000: cache, $0.75/h');
  });
});
