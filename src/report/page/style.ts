/**
 * The report's stylesheet: system fonts only (DejaVu Sans first, as in the charts), a
 * reading width that suits a laptop, tabular figures in tables, pass/fail marks that do not
 * rely on colour alone, and print rules (no split figures, colours kept, wide tables shrink).
 */

export const STYLE = `
:root {
  --ink: #1f2328; --muted: #5b636b; --rule: #d8dde2; --band: #f5f7f9;
  --pass: #1e7b34; --pass-bg: #e6f4ea; --fail: #b3261e; --fail-bg: #fce8e6;
  font-family: "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); background: #fff; line-height: 1.5;
}
body { margin: 0; }
main { max-width: 1280px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 1.75rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 20px 0 6px; display: flex; align-items: center; gap: 8px; }
p.lead { font-size: 1.05rem; color: var(--muted); margin: 0 0 16px; }
dl.meta { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0; font-size: 0.9rem; color: var(--muted); }
dl.meta div { display: flex; gap: 6px; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
nav.toc { margin: 16px 0 0; font-size: 0.9rem; }
nav.toc a { margin-right: 16px; color: #2f6fb0; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; flex: none; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.84rem; font-variant-numeric: tabular-nums; width: 100%; }
th, td { padding: 4px 7px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
th { font-weight: bold; background: var(--band); border-bottom: 2px solid var(--rule); vertical-align: bottom; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
tr.group td { background: var(--band); font-weight: bold; border-top: 2px solid var(--rule); }
tr.group td span { vertical-align: middle; }
.ci { display: block; font-size: 0.76rem; color: var(--muted); }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: bold; white-space: nowrap; }
.verdict.pass { color: var(--pass); background: var(--pass-bg); }
.verdict.fail { color: var(--fail); background: var(--fail-bg); }
.why { display: block; font-size: 0.74rem; color: var(--fail); }
td.slo { min-width: 10.5em; }
.sig { font-size: 0.74rem; color: var(--muted); }
td .sig { display: block; }
.desc { font-weight: normal; font-size: 0.8rem; color: var(--muted); }
ul.findings { margin: 4px 0 12px; padding-left: 22px; }
ul.findings li { margin: 2px 0; }
p.note, figcaption { color: var(--muted); font-size: 0.9rem; }
figure.chart { margin: 28px 0; }
figure.chart figcaption { margin-top: 4px; font-style: italic; }
.vega { overflow-x: auto; }
.vega svg { max-width: 100%; height: auto; }
.vega-embed { display: block !important; }
footer { margin-top: 48px; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  main { max-width: none; padding: 0; }
  nav.toc, .vega-embed .vega-actions, .vega-embed summary { display: none !important; }
  h2 { break-after: avoid; }
  figure.chart, tr, h3 { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 0.68rem; }
  th, td { padding: 3px 4px; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
/* Landscape: the results table and the faceted charts are wider than a portrait page. */
@page { size: A4 landscape; margin: 12mm; }
`;
