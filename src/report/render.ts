/**
 * Headless rendering: each chart's Vega-Lite spec → Vega (warnings collected, not printed) →
 * SVG through a View with no renderer → PNG through resvg at 2× for crisp text. Files go to
 * `<outDir>/<name>.vl.json|.svg|.png`. Fonts: DejaVu Sans from its file when present (fast,
 * and the same glyphs as the SVG asks for), otherwise whatever the system provides.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { LoggerInterface } from 'vega';
import { compile } from 'vega-lite';
import type { ExperimentResults } from '../experiment/results.js';
import { buildCharts } from './charts/index.js';
import type { VegaLiteSpec } from './charts/types.js';
import { useFontMetrics } from './text-metrics.js';
import { FONT } from './theme.js';

const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/** A logger that keeps warnings for the caller instead of writing to the console. */
export function collectingLogger(warnings: string[]): LoggerInterface {
  let level = 2;
  const logger: LoggerInterface = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) { throw new Error(args.map(String).join(' ')); },
    warn(...args: unknown[]) { warnings.push(args.map(String).join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  return logger;
}

export interface CompiledChart {
  vega: vega.Spec;
  /** Vega-Lite compiler warnings (a clean chart has none). */
  warnings: string[];
}

export function compileChart(spec: VegaLiteSpec): CompiledChart {
  const warnings: string[] = [];
  const out = compile(spec, { logger: collectingLogger(warnings) });
  return { vega: out.spec, warnings };
}

/** The chart as an SVG string; Vega runtime warnings are appended to `warnings`. */
export async function chartSvg(spec: VegaLiteSpec, warnings: string[] = []): Promise<string> {
  useFontMetrics();
  const compiled = compileChart(spec);
  warnings.push(...compiled.warnings);
  const view = new vega.View(vega.parse(compiled.vega), {
    renderer: 'none', logger: collectingLogger(warnings),
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function pngOptions(scale = 2): ResvgRenderOptions {
  const files = FONT_FILES.filter((f) => existsSync(f));
  return {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: files.length > 0
      ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: FONT }
      : { loadSystemFonts: true, defaultFontFamily: FONT },
  };
}

export function svgToPng(svg: string, scale = 2): { png: Buffer; width: number; height: number; pixels: Buffer } {
  const image = new Resvg(svg, pngOptions(scale)).render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}

export interface RenderedChart {
  name: string;
  /** Paths written: the .vl.json, .svg and .png of the chart. */
  files: string[];
  warnings: string[];
}

/** Writes every chart the results have data for; charts without data are left out. */
export async function renderCharts(results: ExperimentResults, outDir: string): Promise<RenderedChart[]> {
  await mkdir(outDir, { recursive: true });
  const rendered: RenderedChart[] = [];
  for (const { name, spec } of buildCharts(results)) {
    const warnings: string[] = [];
    const svg = await chartSvg(spec, warnings);
    const files = [join(outDir, `${name}.vl.json`), join(outDir, `${name}.svg`), join(outDir, `${name}.png`)];
    await writeFile(files[0]!, `${JSON.stringify(spec, null, 2)}\n`);
    await writeFile(files[1]!, svg);
    await writeFile(files[2]!, svgToPng(svg).png);
    rendered.push({ name, files, warnings });
  }
  return rendered;
}
