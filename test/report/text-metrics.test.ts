import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advanceWidths, makeMeasure } from '../../src/report/text-metrics.js';

const SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const MONO = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';

describe.skipIf(!existsSync(SANS) || !existsSync(MONO))('advance widths read from the font file', () => {
  it('a monospaced font gives every printable ASCII character the same width (0.602 em)', () => {
    const w = advanceWidths(readFileSync(MONO));
    const widths = new Set<number | null>();
    for (let c = 0x21; c < 0x7f; c++) widths.add(w(c));
    expect([...widths]).toEqual([1233 / 2048]);
  });

  it('DejaVu Sans: tabular digits, i narrower than m, unknown code points unmapped', () => {
    const w = advanceWidths(readFileSync(SANS));
    const digits = new Set([...'0123456789'].map((d) => w(d.codePointAt(0)!)));
    expect(digits.size).toBe(1);
    expect(w(0x69)!).toBeLessThan(w(0x6d)! / 2);
    expect(w(0x2014)).not.toBeNull(); // the em dash used in chart titles
    expect(w(0xe000)).toBeNull(); // private use area: no glyph
  });

  it('measures text in px, bold wider than regular, falling back for missing glyphs', () => {
    const measure = makeMeasure(advanceWidths(readFileSync(SANS)), advanceWidths(readFileSync(SANS.replace('.ttf', '-Bold.ttf'))));
    const regular = measure('Offered load (req/s)', 12, false);
    expect(regular).toBeGreaterThan(90);
    expect(regular).toBeLessThan(140); // Vega's guess, 0.8 em a character, would be 192 px
    expect(measure('Offered load (req/s)', 12, true)).toBeGreaterThan(regular);
    expect(measure('\ue000', 10, false)).toBeCloseTo(6, 10);
  });
});
