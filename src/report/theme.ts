/**
 * The look shared by every chart: one font (DejaVu Sans, the only family the headless
 * renderer and CI machines are sure to have), one colour per strategy that never changes
 * between charts (the baseline dark grey so the alternatives stand out), and a quiet config.
 */
import type { Config } from 'vega-lite';
import type { ExperimentResults } from '../experiment/results.js';

export const FONT = 'DejaVu Sans';
export const BASELINE_COLOUR = '#4a4a4a';
/** Threshold lines (SLO, the 80% utilisation guide): red, distinct from every strategy colour. */
export const ALERT_COLOUR = '#c62828';
export const MUTED_COLOUR = '#8c8c8c';

/** Tableau-like hues without grey (grey is the baseline's) and with red last (red means alarm). */
const PALETTE = [
  '#2f6fb0', '#ef8a17', '#3c9a4b', '#8a5fb5', '#17a2b8', '#a0612f', '#d45da0', '#b5a31b', '#e04b4b',
];

/** Single charts are this big; a facet panel is smaller so several fit on a laptop screen. */
export const SIZE = { width: 560, height: 320, panelWidth: 260, panelHeight: 190 } as const;

export interface StrategyColours {
  domain: string[];
  range: string[];
}

/** Strategy order as declared, then any strategy that appears only in rows. */
export function strategyNames(results: ExperimentResults): string[] {
  const names = results.strategies.map((s) => s.name);
  for (const r of results.rows) if (!names.includes(r.strategy)) names.push(r.strategy);
  return names;
}

export function strategyColours(results: ExperimentResults): StrategyColours {
  const domain = strategyNames(results);
  let next = 0;
  const range = domain.map((name) => {
    if (name === results.experiment.baseline) return BASELINE_COLOUR;
    const colour = PALETTE[next % PALETTE.length] ?? BASELINE_COLOUR;
    next++;
    return colour;
  });
  return { domain, range };
}

/** The colour channel every chart uses for strategies, so legends and hues agree. */
export function strategyColour(results: ExperimentResults, legend = true) {
  const { domain, range } = strategyColours(results);
  return {
    field: 'strategy',
    type: 'nominal' as const,
    title: 'Strategy',
    scale: { domain, range },
    ...(legend ? {} : { legend: null }),
  };
}

export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 12,
  view: { stroke: null },
  title: {
    font: FONT, fontSize: 17, fontWeight: 'bold', anchor: 'start', offset: 12,
    subtitleFont: FONT, subtitleFontSize: 13, subtitleColor: '#505050', subtitlePadding: 6,
  },
  axis: {
    labelFont: FONT, titleFont: FONT, labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal',
    titleColor: '#303030', labelColor: '#404040', gridColor: '#e8e8e8', domainColor: '#9a9a9a',
    tickColor: '#9a9a9a', titlePadding: 8,
  },
  legend: {
    labelFont: FONT, titleFont: FONT, labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'bold',
    labelLimit: 220, symbolStrokeWidth: 2.5,
  },
  header: { labelFont: FONT, titleFont: FONT, labelFontSize: 13, titleFontSize: 13 },
  text: { font: FONT },
};
