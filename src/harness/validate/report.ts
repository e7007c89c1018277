/**
 * report.html: one self-contained page (vega, vega-lite and vega-embed inlined from
 * node_modules, so it opens offline) with the machine it ran on, the CPU layout, a chart of
 * predicted against measured latency and throughput per configuration, and the error table.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TARGETS } from './compare.js';
import { configSpec } from './report-specs.js';
import type { ConfigResult, LevelResult, ValidationResult } from './result.js';

const require = createRequire(import.meta.url);

/** The package's folder: up from its entry point to the package.json naming it (the
 * packages export no ./package.json to resolve directly). */
function packageDir(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === pkg) return dir;
    } catch {
      // no package.json here: keep climbing
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the folder of package ${pkg}`);
    dir = up;
  }
}

function browserBuild(pkg: string, file: string): string {
  const dir = packageDir(pkg);
  // a literal "</script" inside the code would end the inline script early
  return readFileSync(join(dir, 'build', file), 'utf8').replace(/<\/script/gi, '<\\/script');
}

const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
const num = (x: number | null, d = 2) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));
const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);

function cell(measured: number | null, predicted: number | null, err: number | null, ok: boolean | null, digits = 2): string {
  const cls = ok === null ? '' : ok ? ' class="pass"' : ' class="fail"';
  return `<td>${num(measured, digits)}</td><td>${num(predicted, digits)}</td><td${cls}>${pct(err)}</td>`;
}

function levelRow(l: LevelResult, unit: string, tasks: boolean): string {
  const m = l.measured;
  const p = l.predicted;
  const e = l.errors;
  const v = l.verdict;
  const c = l.context;
  return `<tr${v.targeted ? '' : ' class="untargeted"'}><td>${num(l.load, unit === 'users' ? 0 : 1)}</td><td>${(l.share * 100).toFixed(0)}%</td>`
    + cell(m.throughput, p.throughput, e.throughput, v.throughput, 1) + cell(m.p50, p.p50, e.p50, v.p50) + cell(m.p95, p.p95, e.p95, v.p95)
    + cell(m.p99, p.p99, e.p99, null) + `<td>${num(m.poolWaitMs, 3)}</td><td>${num(p.poolWaitMs, 3)}</td>`
    + `<td>${m.hitRatio === null ? '–' : num(m.hitRatio * 100, 1)}</td><td>${p.hitRatio === null ? '–' : num(p.hitRatio * 100, 1)}</td>`
    + (tasks ? cell(m.taskP50, p.taskP50, e.taskP50, null) + cell(m.taskP95, p.taskP95, e.taskP95, null) : '')
    + `<td>${num(c.loopMsPerRequest, 3)}</td><td>${num(c.driverMsPerRequest, 3)}</td><td>${num(c.pgMsPerRequest, 3)}</td><td>${num(c.otherCores, 2)}</td></tr>`;
}

function configSection(c: ConfigResult, i: number): string {
  const s = c.saturation;
  const sat = `Saturation: measured ${num(s.measured, 1)} req/s, predicted ${num(s.predicted, 1)} req/s (${pct(s.error)}`
    + `${s.withinTarget === null ? (s.reached ? '' : '; not reached, so not judged') : s.withinTarget ? ', within target' : ', outside target'}).`;
  const tasks = c.levels.some((l) => l.measured.taskP50 !== null || l.predicted.taskP50 !== null);
  const head = '<tr><th rowspan="2">load</th><th rowspan="2">of sat.</th><th colspan="3">throughput (req/s)</th><th colspan="3">p50 (ms)</th>'
    + '<th colspan="3">p95 (ms)</th><th colspan="3">p99 (ms)</th><th colspan="2">pool wait (ms)</th><th colspan="2">hit ratio (%)</th>'
    + (tasks ? '<th colspan="3">task p50 (ms)</th><th colspan="3">task p95 (ms)</th>' : '')
    + '<th colspan="3">measured CPU per request (ms)</th><th rowspan="2">other<br>processes<br>(cores)</th></tr>'
    + `<tr>${'<th>meas.</th><th>pred.</th><th>err</th>'.repeat(4)}${'<th>meas.</th><th>pred.</th>'.repeat(2)}${tasks ? '<th>meas.</th><th>pred.</th><th>err</th>'.repeat(2) : ''}<th>loop</th><th>driver</th><th>pg</th></tr>`;
  return `<section><h2>${esc(c.title)}</h2><p>Model: <a href="${esc(c.model)}">${esc(c.model)}</a>. ${esc(sat)}</p>`
    + `<div id="chart-${i}"></div><table>${head}${c.levels.map((l) => levelRow(l, c.loadUnit, tasks)).join('')}</table></section>`;
}

export function reportHtml(r: ValidationResult): string {
  const m = r.machine;
  const specs = r.configurations.map((c) => configSpec(c));
  const summary = `${r.summary.levels.passed} of ${r.summary.levels.checked} targeted figures within target; `
    + `saturation within ${TARGETS.saturation * 100}% for ${r.summary.saturation.passed} of ${r.summary.saturation.checked} configurations.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>stacksim validation</title>
<style>body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;font-size:12px;margin:1em 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f4f4f4}.pass{background:#dff0d8}.fail{background:#f2dede}
tr.untargeted td{color:#888}section{margin-bottom:2.5em}</style>
<script>${browserBuild('vega', 'vega.min.js')}</script><script>${browserBuild('vega-lite', 'vega-lite.min.js')}</script>
<script>${browserBuild('vega-embed', 'vega-embed.min.js')}</script></head><body>
<h1>stacksim validation (${esc(r.plan)} plan)</h1>
<p>${esc(summary)}</p>
<p>Targets, at loads up to ${r.targets.loadShare! * 100}% of the measured saturation: throughput within ${TARGETS.throughput * 100}%,
p50 within ${TARGETS.p50 * 100}%, p95 within ${TARGETS.p95 * 100}%; grey rows are beyond that load and not judged.</p>
<p>The model of each configuration is calibrated from the real API at light load (see the
model files): the event loop thread's CPU and the load driver's per request (they share CPU 0),
Postgres's CPU per query (/proc), the query time beyond it (loopback, wake-ups, fsync; its shape
from per-request Server-Timing), and the client side (404 requests). CPU per request falls as the
rate grows on this virtual machine (processes that idle between requests pay for waking up), so
demands are the slope of busy time against rate between two calibration windows, on a core slowed
by the busy time that did not scale. The columns on the right show the CPU per request measured
at each level: where they drift from the calibrated demand, so does the prediction.</p>
<p>Machine: ${esc(m.cpuModel)}, ${m.cpuCount} CPUs, ${(m.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB, ${esc(m.platform)} ${esc(m.osRelease)}, Node ${esc(m.nodeVersion)};
load average ${m.loadAverage.map((x) => x.toFixed(2)).join(' ')}. ${esc(r.layout.note)}. Started ${esc(r.startedAt)}, took ${r.wallSec.toFixed(0)} s.</p>
${r.configurations.map(configSection).join('\n')}
<script>const specs = ${JSON.stringify(specs).replace(/</g, '\\u003c')};
specs.forEach((s, i) => vegaEmbed('#chart-' + i, s, { actions: false }).catch((e) => { document.getElementById('chart-' + i).textContent = String(e); }));</script>
</body></html>
`;
}

export async function writeReport(r: ValidationResult, file: string): Promise<void> {
  await writeFile(file, reportHtml(r));
}
