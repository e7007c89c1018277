/**
 * LatencyHistogram against exact percentiles of the same samples (sorted arrays here), for the
 * shapes latencies take, plus merge, serialisation, bounded memory and input checking.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LatencyHistogram, nearestRank } from '../../../src/engine/stats/histogram.js';
import { RELATIVE_ERROR } from '../../../src/engine/stats/log-buckets.js';
import { distributions, exactPercentile, normalSource, sample } from './samples.js';

/** Percentiles checked, in hundredths of a percent: every integer percentile plus the tails. */
const Q_HUNDREDTHS = [...Array.from({ length: 101 }, (_, i) => i * 100), 1, 10, 50, 9950, 9990, 9999];
/** The stated guarantee, with room only for the last bits of the representative's arithmetic. */
const BOUND = RELATIVE_ERROR * (1 + 1e-12);

function record(values: ArrayLike<number>): LatencyHistogram {
  const h = new LatencyHistogram();
  for (let i = 0; i < values.length; i++) h.record(values[i]!);
  return h;
}

function worstRelativeError(h: LatencyHistogram, values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  let worst = 0;
  for (const qh of Q_HUNDREDTHS) {
    const exact = exactPercentile(sorted, qh);
    const estimate = h.percentile(qh / 100)!;
    worst = Math.max(worst, exact === 0 ? Math.abs(estimate) : Math.abs(estimate - exact) / exact);
  }
  return worst;
}

describe('LatencyHistogram percentiles', () => {
  it('states a guarantee within the required 1%', () => {
    expect(RELATIVE_ERROR).toBeCloseTo(1 / 257, 15);
    expect(RELATIVE_ERROR).toBeLessThan(0.01);
  });

  for (const [name, make] of Object.entries(distributions)) {
    it(`are within ${(RELATIVE_ERROR * 100).toFixed(2)}% of exact for ${name}`, () => {
      const values = sample(100_000, make(7));
      const h = record(values);
      expect(worstRelativeError(h, values)).toBeLessThanOrEqual(BOUND);
      expect(h.count).toBe(100_000);
      expect(h.min).toBe(Math.min(...values));
      expect(h.max).toBe(Math.max(...values));
      const exactMean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(Math.abs(h.mean! - exactMean) / exactMean).toBeLessThan(1e-12);
    });
  }

  it('holds the bound on arbitrary sample sets, zeros included (fast-check)', () => {
    const value = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e4, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 500 }), (values) => {
        const data = Float64Array.from(values);
        return worstRelativeError(record(data), data) <= BOUND;
      }),
      { numRuns: 300, seed: 20240611 },
    );
  });

  it('returns exact min and max at q = 0 and q = 100, and nearest-rank in between', () => {
    const h = record([0.003, 0.001, 0.002, 0.004]);
    expect(h.percentile(0)).toBe(0.001);
    expect(h.percentile(100)).toBe(0.004);
    expect(h.percentile(25)).toBeCloseTo(0.001, 4); // rank 1
    expect(h.percentile(25.1)).toBeCloseTo(0.002, 4); // rank 2
    expect(h.percentile(50)).toBeCloseTo(0.002, 4);
    expect(h.percentile(75)).toBeCloseTo(0.003, 4);
  });

  it('ranks by the nearest-rank rule despite binary rounding of q n / 100', () => {
    expect(nearestRank(99, 100)).toBe(99);
    expect(nearestRank(99.9, 1000)).toBe(999);
    expect(nearestRank(0, 10)).toBe(1);
    expect(nearestRank(100, 10)).toBe(10);
    expect(nearestRank(50, 3)).toBe(2);
    expect(nearestRank(10.000001, 10)).toBe(2);
  });

  it('handles zero values, tiny and huge values', () => {
    const h = record([0, 0, 0, 1e-3]);
    expect(h.percentile(50)).toBe(0);
    expect(h.percentile(75)).toBe(0);
    expect(h.percentile(76)).toBe(1e-3); // clamped to the exact max
    expect(h.min).toBe(0);
    expect(h.mean).toBe(0.00025);
    const extremes = record([5e-324, Number.MAX_VALUE]);
    expect(extremes.percentile(100)).toBe(Number.MAX_VALUE);
    expect(extremes.percentile(0)).toBe(5e-324);
    const allZero = record([0, 0]);
    expect([allZero.percentile(0), allZero.percentile(99), allZero.percentile(100)]).toEqual([0, 0, 0]);
  });

  it('is undefined, never NaN, while empty', () => {
    const h = new LatencyHistogram();
    expect([h.count, h.sum, h.mean, h.min, h.max, h.percentile(50)]).toEqual([0, 0, undefined, undefined, undefined, undefined]);
  });

  it('rejects bad input naming the parameter', () => {
    const h = new LatencyHistogram();
    for (const bad of [-1e-9, NaN, Infinity, -Infinity]) {
      expect(() => h.record(bad)).toThrow(/value must be a finite number of seconds >= 0/);
    }
    h.record(1);
    for (const bad of [-1, 100.5, NaN]) expect(() => h.percentile(bad)).toThrow(/q must be a number in \[0, 100\]/);
    expect(h.count).toBe(1);
  });
});

describe('LatencyHistogram bins', () => {
  it('lists non-empty buckets in order, counts summing to count', () => {
    const values = sample(10_000, distributions['bimodal: 90% cache hits ~5 ms, 10% misses ~2 s']!(3));
    const bins = record([0, ...values]).bins();
    expect(bins[0]).toEqual({ lower: 0, upper: 2 ** -1022, count: 1 });
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(10_001);
    for (let i = 1; i < bins.length; i++) {
      expect(bins[i]!.lower).toBeGreaterThanOrEqual(bins[i - 1]!.upper);
      expect(bins[i]!.upper / bins[i]!.lower).toBeLessThanOrEqual(1 + 1 / 128);
    }
  });
});

describe('LatencyHistogram memory', () => {
  it('stays within the octaves spanned by min..max after 10^7 records', () => {
    const z = normalSource(11);
    const h = new LatencyHistogram();
    for (let i = 0; i < 10_000_000; i++) h.record(0.05 * Math.exp(1.5 * z()));
    const octaves = Math.floor(Math.log2(h.max!)) - Math.floor(Math.log2(h.min!)) + 1;
    expect(h.count).toBe(10_000_000);
    expect(h.allocatedBuckets).toBe(octaves * 128); // one 128-bucket chunk per power of two
    expect(h.allocatedBuckets).toBeLessThanOrEqual(24 * 128); // ~200 KB would mean a leak, not a range
  });

  it('keeps its allocation across reset, forgetting the values', () => {
    const h = record([0.001, 0.5, 2]);
    const allocated = h.allocatedBuckets;
    h.reset();
    expect([h.count, h.sum, h.min, h.percentile(50)]).toEqual([0, 0, undefined, undefined]);
    expect(h.allocatedBuckets).toBe(allocated);
    h.record(0.25);
    expect(h.percentile(50)).toBe(0.25);
    expect(h.toJSON()).toEqual(record([0.25]).toJSON());
  });
});

describe('LatencyHistogram merge', () => {
  const values = sample(50_000, distributions['lognormal cv 3 (median 20 ms)']!(5));

  it('of two halves equals one histogram of everything', () => {
    const whole = record(values);
    const merged = record(values.subarray(0, 20_000)).merge(record(values.subarray(20_000)));
    expect(merged.toJSON()).toEqual(whole.toJSON());
    for (const q of [0, 1, 50, 90, 99, 99.9, 100]) expect(merged.percentile(q)).toBe(whole.percentile(q));
    expect([merged.count, merged.min, merged.max]).toEqual([whole.count, whole.min, whole.max]);
  });

  it('grows to cover disjoint ranges on either side', () => {
    const sorted = Float64Array.from(values).sort();
    const low = sorted.subarray(0, 25_000);
    const high = sorted.subarray(25_000);
    expect(record(low).merge(record(high)).toJSON()).toEqual(record(values).toJSON());
    expect(record(high).merge(record(low)).toJSON()).toEqual(record(values).toJSON());
  });

  it('with an empty histogram changes nothing, into an empty one copies', () => {
    const h = record(values);
    expect(record(values).merge(new LatencyHistogram()).toJSON()).toEqual(h.toJSON());
    expect(new LatencyHistogram().merge(h).toJSON()).toEqual(h.toJSON());
  });
});

describe('LatencyHistogram JSON', () => {
  const h = record([0, ...sample(20_000, distributions['log-uniform 1e-6..1e4 s']!(9))]);

  it('round-trips through toJSON/fromJSON, JSON text and structuredClone', () => {
    const json = h.toJSON();
    for (const copy of [json, JSON.parse(JSON.stringify(json)), structuredClone(json)]) {
      const back = LatencyHistogram.fromJSON(copy);
      expect(back.toJSON()).toEqual(json);
      for (const q of [0, 5, 50, 99, 100]) expect(back.percentile(q)).toBe(h.percentile(q));
      expect([back.count, back.sum, back.min, back.max]).toEqual([h.count, h.sum, h.min, h.max]);
    }
  });

  it('is compact and deterministic', () => {
    const json = h.toJSON();
    expect(JSON.stringify(json)).toBe(JSON.stringify(LatencyHistogram.fromJSON(json).toJSON()));
    expect(json.counts.length).toBeLessThanOrEqual(34 * 128); // 10 decades ~ 34 octaves, zero runs folded
    const sparse = record([0.001, 1000]).toJSON();
    expect(sparse.counts).toHaveLength(3); // count, one run of empty buckets, count
    expect(sparse.counts[1]).toBeLessThan(0);
  });

  it('serialises an empty histogram with null min and max', () => {
    const json = new LatencyHistogram().toJSON();
    expect(json).toMatchObject({ count: 0, zeros: 0, sum: 0, min: null, max: null, counts: [] });
    expect(LatencyHistogram.fromJSON(json).count).toBe(0);
  });

  it('rejects malformed data naming the field', () => {
    const json = record([0.1, 0.2]).toJSON();
    expect(() => LatencyHistogram.fromJSON(null)).toThrow(/data must be/);
    expect(() => LatencyHistogram.fromJSON({ ...json, subBits: 6 })).toThrow(/subBits must be 7/);
    expect(() => LatencyHistogram.fromJSON({ ...json, count: 3 })).toThrow(/count must be zeros \+ sum of positive counts \(2\)/);
    expect(() => LatencyHistogram.fromJSON({ ...json, counts: [1, 0.5] })).toThrow(/counts\[1\] must be a non-zero integer/);
    expect(() => LatencyHistogram.fromJSON({ ...json, min: -1 })).toThrow(/min must be a finite number >= 0/);
    expect(() => LatencyHistogram.fromJSON({ ...json, start: 2047 * 128 })).toThrow(/start must be an index/);
  });
});
