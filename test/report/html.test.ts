import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportHtml, writeReport } from '../../src/report/html.js';
import { escapeHtml, jsonForScript } from '../../src/report/page/escape.js';
import { buildResults } from './fixture.js';

const HOSTILE = '<script>alert("x")</script>';

describe('report.html', () => {
  const results = buildResults();
  const html = reportHtml(results);

  it('inlines vega, vega-lite and vega-embed and loads no script from the network', () => {
    for (const lib of ['vega', 'vega-lite', 'vega-embed']) expect(html).toContain(`<script data-library="${lib}">`);
    expect(html.length).toBeGreaterThan(700_000);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*\shref=["']?https?:/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  it('embeds every chart spec and a figure to render it into', () => {
    for (const name of ['latency-vs-load', 'throughput-vs-load', 'throughput-vs-instances', 'cost-vs-p95', 'utilisation', 'timeseries']) {
      expect(html).toContain(`id="chart-${name}"`);
      expect(html).toContain(`"name":"${name}"`);
    }
  });

  it('has one table row per strategy × point, with verdicts as marks and words', () => {
    const section = html.slice(html.indexOf('<section id="results">'), html.indexOf('<section id="slos">'));
    const rows = section.match(/<tr>/g) ?? [];
    expect(rows.length).toBe(1 + results.rows.length);
    expect(section.match(/class="group"/g)?.length).toBe(3);
    const passing = results.rows.filter((r) => r.pass).length;
    expect(section.match(/✓ pass/g)?.length).toBe(passing);
    expect(section.match(/✗ fail/g)?.length).toBe(results.rows.length - passing);
    // First baseline row: users 500 on 1 instance, p95 90 ms (86–94), $0.60/h.
    expect(section).toMatch(/<td class="num">500<\/td><td class="num">1<\/td><td class="num">500<\/td>/);
    expect(section).toContain('<td class="num">90<span class="ci">86–94</span></td>');
  });

  it('states the 10× verdicts, the SLO verdicts and the diagnosis', () => {
    expect(html).toContain('Handles 10× load');
    expect(html).toContain('5,000 req/s: p95 9.0 s, errors 48%');
    expect(html).toContain('p95 &lt; 200ms');
    expect(html).toContain('<li>db is 99% busy at 8000 users: the bottleneck.</li>');
  });

  it('is deterministic: the same results give the same bytes', () => {
    expect(reportHtml(buildResults())).toBe(html);
  });

  it('escapes strategy names from user files everywhere', () => {
    const page = reportHtml(buildResults({ strategies: ['baseline', HOSTILE, 'x'] }));
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // In the embedded chart data the name is JSON with "<" written as \u003c.
    expect(page).toContain('\\u003cscript\\u003ealert(\\"x\\")\\u003c/script\\u003e');
    const scriptOpens = page.match(/<script/g)?.length ?? 0;
    expect(scriptOpens).toBe(5); // chart data, three libraries, the bootstrap
  });

  it('writeReport writes report.html in the folder', async () => {
    const dir = join('out', 'test', 'report-html');
    const file = await writeReport(results, dir);
    expect(file).toBe(join(dir, 'report.html'));
    expect(readFileSync(file, 'utf8')).toBe(html);
  });
});

describe('escaping helpers', () => {
  it('escapeHtml covers the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('jsonForScript cannot close a script element and still parses back', () => {
    const value = { s: '</script><!-- \u2028 & >' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
