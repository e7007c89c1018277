// The query cost model: index probes grow with log2(rows), scans linearly, pages with
// per_row, writes with write_base and indexes; the defaults have the documented magnitudes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COSTS as C, lookupCost, meanQueryCost, type QueryShape, type TableShape } from '../../../src/components/database/query-cost.js';

const table = (rows: number, extra: Partial<TableShape> = {}): TableShape => ({ rows, row_bytes: 100, indexes: 1, ...extra });
const read = (lookup: QueryShape['lookup'], rows = 1, joins = 0): QueryShape => ({ lookup, rows, write: false, joins });

describe('query cost model', () => {
  it('makes an indexed lookup far cheaper than a scan, and the scan linear in the table', () => {
    const t = table(1_000_000);
    const pk = meanQueryCost(read('pk'), t, C);
    const scan = meanQueryCost(read('scan'), t, C);
    expect(pk).toBeCloseTo(C.base + C.per_level * Math.log2(1e6) + C.per_row, 15);
    expect(scan).toBeCloseTo(C.base + C.scan_per_row * 1e6 + C.per_row, 15);
    expect(scan / pk).toBeGreaterThan(1000);
    // doubling the table doubles the scan's lookup part, and adds exactly one level to a probe
    expect(lookupCost('scan', table(2e6), C)).toBeCloseTo(2 * lookupCost('scan', t, C), 15);
    expect(lookupCost('index', table(2e6), C) - lookupCost('index', t, C)).toBeCloseTo(C.per_level, 15);
  });

  it('prices a page of 20 rows at 20 × per_row on top of the probe', () => {
    const t = table(1_000_000);
    expect(meanQueryCost(read('none', 20), t, C)).toBeCloseTo(C.base + 20 * C.per_row, 15);
    expect(meanQueryCost(read('index', 20), t, C) - meanQueryCost(read('index', 1), t, C)).toBeCloseTo(19 * C.per_row, 15);
  });

  it('charges joins and writes, which cost more than reads', () => {
    const t = table(1000, { indexes: 3 });
    expect(meanQueryCost(read('pk', 1, 2), t, C) - meanQueryCost(read('pk'), t, C)).toBeCloseTo(2 * C.per_join, 15);
    const update = meanQueryCost({ lookup: 'pk', rows: 1, write: true, joins: 0 }, t, C);
    expect(update - meanQueryCost(read('pk'), t, C)).toBeCloseTo(C.write_base + 3 * C.per_index, 15);
    const insert = meanQueryCost({ lookup: 'none', rows: 1, write: true, joins: 0 }, t, C);
    expect(insert).toBeGreaterThan(meanQueryCost(read('pk'), t, C));
  });

  it('scales scans by row width and has the documented default magnitudes', () => {
    expect(lookupCost('scan', table(10_000, { row_bytes: 300 }), C)).toBeCloseTo(3 * lookupCost('scan', table(10_000), C), 15);
    // ~50 µs for a primary-key probe of 1M rows, ~1 ms per 10k rows scanned, ~200 µs per insert
    expect(C.base + lookupCost('pk', table(1e6), C)).toBeCloseTo(50e-6, 6);
    expect(lookupCost('scan', table(10_000), C)).toBeCloseTo(1e-3, 12);
    expect(meanQueryCost({ lookup: 'none', rows: 1, write: true, joins: 0 }, table(1e6), C)).toBeCloseTo(195e-6, 12);
    // an empty table costs no probe (no log of 0)
    expect(lookupCost('pk', table(0), C)).toBe(0);
  });
});
