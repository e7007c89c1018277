/**
 * report.html: one self-contained page a team can open from disk, mail or print. Verdicts
 * first (SLOs, 10× load, knees), then the bottleneck diagnosis, the charts (Vega-Lite specs
 * rendered in the page by vega-embed, the libraries inlined: no network), and the full table.
 * Deterministic: the same results give the same bytes (no timestamps; run-info.json has those).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExperimentResults } from '../experiment/results.js';
import { buildCharts, type BuiltChart } from './charts/index.js';
import { fmtNumber } from './format.js';
import { inlineLibraries } from './page/assets.js';
import { escapeHtml, jsonForScript } from './page/escape.js';
import { resultsTable } from './page/results-table.js';
import { STYLE } from './page/style.js';
import { diagnosisSection, glanceTable, sloTable, tenXTable } from './page/verdicts.js';

function header(results: ExperimentResults): string {
  const e = results.experiment;
  const meta: [string, string][] = [
    ['Baseline', e.baseline], ['Replications', String(e.replications)], ['Measured', `${fmtNumber(e.duration)} s`],
    ['Warm-up', `${fmtNumber(e.warmup)} s`], ['Seed', String(e.seed)], ['Hash', e.hash],
    ['SLOs', results.slos.map((s) => s.text).join(', ') || 'none'],
  ];
  return `<header>
<h1>${escapeHtml(e.name)}</h1>
${e.description ? `<p class="lead">${escapeHtml(e.description)}</p>` : ''}
<dl class="meta">${meta.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>
<nav class="toc"><a href="#verdicts">Verdicts</a><a href="#diagnosis">Bottlenecks</a><a href="#charts">Charts</a><a href="#results">Results</a><a href="#slos">SLOs</a><a href="#tenx">10× load</a></nav>
</header>`;
}

function figure(chart: BuiltChart): string {
  return `<figure class="chart" id="fig-${chart.name}">
<div class="vega" id="chart-${chart.name}"></div>
<figcaption>${escapeHtml(chart.caption)}</figcaption>
</figure>`;
}

/** Renders every chart and resolves `window.__chartsReady`; a failure is logged, not swallowed. */
const BOOTSTRAP = `
(function () {
  var charts = JSON.parse(document.getElementById('stacksim-charts').textContent);
  var options = { mode: 'vega-lite', renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false } };
  window.__chartsReady = Promise.all(charts.map(function (c) {
    return vegaEmbed('#chart-' + c.name, c.spec, Object.assign({ downloadFileName: c.name }, options));
  })).then(function () { window.__chartsDone = true; }, function (err) {
    window.__chartsError = String(err && err.message || err);
    console.error('stacksim report: a chart failed to render:', err);
  });
})();
`;

function scripts(charts: BuiltChart[]): string {
  const libs = inlineLibraries().map((l) => `<script data-library="${l.name}">\n${l.code}\n</script>`).join('\n');
  const specs = charts.map((c) => ({ name: c.name, spec: c.spec }));
  return `<script type="application/json" id="stacksim-charts">${jsonForScript(specs)}</script>
${libs}
<script>${BOOTSTRAP}</script>`;
}

export function reportHtml(results: ExperimentResults): string {
  const charts = buildCharts(results);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(results.experiment.name)} — stacksim report</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${header(results)}
<section id="verdicts"><h2>Verdicts</h2>
${glanceTable(results)}
<p class="note">Knee: the first load where p95 exceeds twice its light-load value or breaks the p95 SLO. Intervals are 95% confidence intervals over ${escapeHtml(String(results.experiment.replications))} replications.</p>
</section>
<section id="diagnosis"><h2>Bottlenecks</h2>
${diagnosisSection(results)}
</section>
<section id="charts"><h2>Charts</h2>
<noscript><p class="note">The charts need JavaScript; the same charts are next to this file as SVG and PNG.</p></noscript>
${charts.map(figure).join('\n')}
</section>
<section id="results"><h2>Results</h2>
${resultsTable(results)}
</section>
<section id="slos"><h2>SLO verdicts</h2>
${sloTable(results)}
</section>
<section id="tenx"><h2>Handles 10× load?</h2>
${tenXTable(results)}
</section>
<footer>stacksim · experiment ${escapeHtml(results.experiment.name)} · hash ${escapeHtml(results.experiment.hash)} · seed ${escapeHtml(String(results.experiment.seed))}</footer>
</main>
${scripts(charts)}
</body>
</html>
`;
}

/** Writes `<outDir>/report.html` and returns its path. */
export async function writeReport(results: ExperimentResults, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, 'report.html');
  await writeFile(file, reportHtml(results));
  return file;
}
