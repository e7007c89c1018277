/**
 * Text widths for headless Vega. Without the `canvas` package Vega guesses 0.8 em per
 * character, which is ~40% too wide for DejaVu Sans: legends drift, titles reserve empty
 * space. We read the real advance widths from the font file (cmap format 4 + hmtx) and hand
 * Vega a width function through its documented hook (`textMetrics.width`, as vl-convert does).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as vega from 'vega';

const FILES = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};
/** DejaVu Sans' mean advance over ASCII text, used when the font file is absent. */
const FALLBACK_EM = 0.6;

/** Advance width in em of each BMP code point, from a TrueType file. */
export function advanceWidths(ttf: Buffer): (codePoint: number) => number | null {
  const tables = new Map<string, number>();
  const numTables = ttf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(ttf.toString('latin1', rec, rec + 4), ttf.readUInt32BE(rec + 8));
  }
  const head = tables.get('head'), hhea = tables.get('hhea'), hmtx = tables.get('hmtx'), cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error('advanceWidths: not a TrueType font with head, hhea, hmtx and cmap tables');
  }
  const unitsPerEm = ttf.readUInt16BE(head + 18);
  const nMetrics = ttf.readUInt16BE(hhea + 34);
  const advance = (glyph: number) => ttf.readUInt16BE(hmtx + 4 * Math.min(glyph, nMetrics - 1)) / unitsPerEm;
  const glyphOf = cmapFormat4(ttf, cmap);
  return (cp) => {
    const g = glyphOf(cp);
    return g === 0 ? null : advance(g);
  };
}

/** Glyph lookup in the Unicode BMP subtable (platform 3 encoding 1, or platform 0). */
function cmapFormat4(ttf: Buffer, cmap: number): (cp: number) => number {
  const n = ttf.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = ttf.readUInt16BE(rec), encoding = ttf.readUInt16BE(rec + 2);
    const at = cmap + ttf.readUInt32BE(rec + 4);
    if (ttf.readUInt16BE(at) === 4 && (platform === 0 || (platform === 3 && encoding === 1))) sub = at;
  }
  if (sub < 0) throw new Error('advanceWidths: the font has no format-4 Unicode cmap');
  const segs = ttf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segs; i++) {
      if (ttf.readUInt16BE(ends + 2 * i) < cp) continue;
      const start = ttf.readUInt16BE(starts + 2 * i);
      if (start > cp) return 0;
      const delta = ttf.readUInt16BE(deltas + 2 * i);
      const rangeAt = ranges + 2 * i, range = ttf.readUInt16BE(rangeAt);
      if (range === 0) return (cp + delta) & 0xffff;
      const g = ttf.readUInt16BE(rangeAt + range + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

type Widths = (cp: number) => number | null;

function load(file: string): Widths | null {
  return existsSync(file) ? advanceWidths(readFileSync(file)) : null;
}

/** Width in px of `text` at `size` px, bold or not. */
export function makeMeasure(regular: Widths | null, bold: Widths | null) {
  const cache = new Map<string, number>();
  return (text: string, size: number, isBold: boolean): number => {
    const widths = (isBold ? bold : regular) ?? regular;
    let em = 0;
    for (const ch of text) {
      const key = (isBold ? 'b' : 'r') + ch;
      let w = cache.get(key);
      if (w === undefined) {
        w = widths?.(ch.codePointAt(0) ?? 0) ?? FALLBACK_EM;
        cache.set(key, w);
      }
      em += w;
    }
    return em * size;
  };
}

interface TextItem { fontSize?: number | string; fontWeight?: string | number; limit?: number }

let installed = false;

/** Makes every headless Vega view in this process measure text with DejaVu Sans' metrics. */
export function useFontMetrics(): void {
  if (installed) return;
  installed = true;
  const measure = makeMeasure(load(FILES.regular), load(FILES.bold));
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const s = text == null ? '' : String(text).trim();
    const weight = item.fontWeight;
    const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600) || Number(weight) >= 600;
    const w = measure(s, size, bold);
    // Vega truncates to `limit` when drawing; the truncated text is at most that wide.
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}
