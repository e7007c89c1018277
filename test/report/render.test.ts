import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VegaLiteSpec } from '../../src/report/charts/types.js';
import { buildCharts } from '../../src/report/charts/index.js';
import { chartSvg, renderCharts, svgToPng } from '../../src/report/render.js';
import { buildResults } from './fixture.js';
import { decodePng, pixelStats } from './png.js';

const OUT = join('out', 'test', 'report-render');

/** Text every chart must show: its title and its axis titles. */
const EXPECTED_TEXT: Record<string, string[]> = {
  'latency-vs-load': ['p95 latency vs offered load — cache holds out longest', 'Offered load (req/s)', 'Latency (ms)', 'SLO p95 200 ms', 'Strategy'],
  'throughput-vs-load': ['Throughput vs offered load — cache peaks highest', 'Offered load (req/s)', 'Achieved throughput (req/s)'],
  'throughput-vs-instances': ['Throughput vs app instances — cache scales highest', 'app instances (N)', 'Capacity: peak throughput (req/s)'],
  'cost-vs-p95': ['Cost vs p95 — cheapest to meet every SLO', 'p95 latency (ms)', 'Cost ($/hour)', 'users = 8,000'],
  'utilisation': ['Utilisation by component', 'users', 'replica', 'Utilisation'],
  'timeseries': ['Over time — cache at users 4,000, app instances 4', 'Simulated time (s)', 'Queue length', 'p95 (ms)'],
};

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no svg size');
  return { width: Number(m[1]), height: Number(m[2]) };
}

describe('renderCharts', () => {
  it('writes .vl.json, .svg and .png for every chart, with titles and axis titles in the SVG', async () => {
    rmSync(OUT, { recursive: true, force: true });
    const rendered = await renderCharts(buildResults(), OUT);
    expect(rendered.map((r) => r.name)).toEqual(Object.keys(EXPECTED_TEXT));
    for (const r of rendered) {
      expect(r.warnings, r.name).toEqual([]);
      expect(r.files).toEqual(['.vl.json', '.svg', '.png'].map((ext) => join(OUT, `${r.name}${ext}`)));
      for (const f of r.files) expect(existsSync(f), f).toBe(true);
      const spec = JSON.parse(readFileSync(r.files[0]!, 'utf8')) as { $schema: string };
      expect(spec.$schema).toContain('vega-lite/v6');
      const svg = readFileSync(r.files[1]!, 'utf8');
      for (const text of EXPECTED_TEXT[r.name]!) expect(svg, `${r.name}: ${text}`).toContain(text);
      expect(svg).toContain('font-family="DejaVu Sans');
    }
  }, 20_000);

  it('PNGs are twice the SVG size and not blank: many colours, real ink', async () => {
    const results = buildResults({ instances: null });
    for (const { name, spec } of buildCharts(results)) {
      const svg = await chartSvg(spec);
      const { png, width, height, pixels } = svgToPng(svg);
      const size = svgSize(svg);
      expect(width, name).toBe(Math.round(size.width * 2));
      expect(height, name).toBe(Math.round(size.height * 2));
      const decoded = decodePng(png);
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      // The decoded file and resvg's own pixel buffer agree, so the PNG is what was drawn.
      expect(decoded.data.equals(pixels)).toBe(true);
      const stats = pixelStats(pixels, 4);
      expect(stats.distinct, name).toBeGreaterThan(100);
      expect(stats.inked, name).toBeGreaterThan(0.02);
      expect(stats.inked, name).toBeLessThan(0.9);
    }
  }, 20_000);

  it('renders without Vega warnings when there are no intervals (one replication) and no sweep axes', async () => {
    const one = buildResults({ users: [1000], instances: null, replications: 1 });
    const flat = { ...one, axes: [], rows: one.rows.map((r) => ({ ...r, point: {} })) };
    for (const results of [buildResults({ instances: null, replications: 1 }), flat]) {
      for (const { name, spec } of buildCharts(results)) {
        const warnings: string[] = [];
        await chartSvg(spec, warnings);
        expect(warnings, name).toEqual([]);
      }
    }
  });

  it('an escaped strategy name survives into the SVG as text, not markup', async () => {
    const results = buildResults({ instances: null, strategies: ['base', '<b>"x" & y</b>', 'third'] });
    const svg = await chartSvg(buildCharts(results)[0]!.spec);
    expect(svg).toContain('&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('reports Vega-Lite warnings instead of hiding them', async () => {
    const bad: VegaLiteSpec = {
      data: { values: [{ a: 1 }] }, mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'a', type: 'ordinal' } },
    };
    const warnings: string[] = [];
    await chartSvg(bad, warnings);
    expect(warnings.join('\n')).toMatch(/shape/);
  });
});
