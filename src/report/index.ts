/**
 * The report layer's public face: charts (Vega-Lite specs), their headless rendering to
 * SVG/PNG, the self-contained HTML report, and the analyses they rest on (knee, USL, Pareto).
 */
export { buildCharts, CHARTS, type BuiltChart } from './charts/index.js';
export type { ChartDef, ChartFn, VegaLiteSpec } from './charts/types.js';
export { chartSvg, compileChart, renderCharts, svgToPng, type RenderedChart } from './render.js';
export { reportHtml, writeReport } from './html.js';
export { findKnee, p95SloMs, type Knee, type KneeOptions, type KneePoint } from './knee.js';
export { fitUsl, uslThroughput, type UslFit, type UslParams, type UslPoint } from './usl.js';
export { paretoFrontier } from './pareto.js';
