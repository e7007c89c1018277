/**
 * The report in a real browser: headless Chromium (Debian's `chromium` package) opens
 * report.html from disk with networking disabled, every chart must render through the
 * inlined vega-embed with no console error, and a full-page screenshot must not be blank.
 * Set STACKSIM_SKIP_BROWSER=1 to skip on a machine without Chromium; otherwise its absence fails.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/report/charts/index.js';
import { writeReport } from '../../src/report/html.js';
import { buildResults } from './fixture.js';
import { decodePng, pixelStats } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const OUT = join('out', 'test');
const skip = process.env.STACKSIM_SKIP_BROWSER === '1';

interface PageGlobals {
  __chartsDone?: boolean;
  __chartsError?: string;
  document: { querySelectorAll(sel: string): ArrayLike<{ id: string; querySelectorAll(sel: string): { length: number } }> };
}

describe.skipIf(skip)('report.html in headless Chromium', () => {
  it('renders every chart without console errors or network requests; the screenshot is not blank', async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get update && apt-get install -y chromium", `
        + 'or set STACKSIM_SKIP_BROWSER=1 to skip this test');
    }
    const results = buildResults({ strategies: ['baseline', 'cache', '<img src=x onerror=alert(1)>'] });
    const file = resolve(await writeReport(results, join(OUT, 'report-browser')));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      // These callbacks run in the page, where globalThis is the window (no DOM types here).
      await page.waitForFunction(() => {
        const w = globalThis as unknown as PageGlobals;
        return w.__chartsDone === true || w.__chartsError !== undefined;
      }, null, { timeout: 20_000 });
      const state = await page.evaluate(() => {
        const w = globalThis as unknown as PageGlobals;
        return {
          error: w.__chartsError ?? null,
          charts: Array.from(w.document.querySelectorAll('.vega')).map((el) => ({
            id: el.id, marks: el.querySelectorAll('svg.marks').length, texts: el.querySelectorAll('svg.marks text').length,
          })),
        };
      });
      expect(state.error).toBeNull();
      // every chart the fixture has data for (it has no worker queue, replica or shard figures)
      expect(state.charts.map((c) => c.id)).toEqual(buildCharts(results).map((c) => `chart-${c.name}`));
      for (const c of state.charts) {
        expect(c.marks, c.id).toBe(1);
        expect(c.texts, c.id).toBeGreaterThan(10);
      }
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
      const shot = await page.screenshot({ fullPage: true });
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'report.png'), shot);
      const png = decodePng(shot);
      expect(png.width).toBe(1366);
      expect(png.height).toBeGreaterThan(4000);
      const stats = pixelStats(png.data, png.channels);
      expect(stats.distinct).toBeGreaterThan(500);
      expect(stats.inked).toBeGreaterThan(0.03);
    } finally {
      await browser.close();
    }
  }, 45_000);
});
