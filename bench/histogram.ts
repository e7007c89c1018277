/**
 * Benchmark behind the choice of histogram in src/engine/stats/histogram.ts: records/s on 10^7
 * lognormal latencies (median 50 ms, sigma 1.5, cv ~2.9) and the worst relative percentile error
 * against the sorted sample, for our log-linear histogram, a DDSketch-style Math.log index, and
 * hdr-histogram-js (JS and WebAssembly, values in integer nanoseconds). Run: npx tsx bench/histogram.ts
 * Figures on the shared 2-core dev box (4 runs, load from other jobs, so ranges): LatencyHistogram
 * 75-128 M records/s, 0.30% worst error; Math.log index 46-57 M/s; hdr js 6-10 M/s; hdr wasm
 * 15-37 M/s, 0.58% worst error. Hence the hand-written histogram (see its header).
 */
import * as hdr from 'hdr-histogram-js';
import { LatencyHistogram, nearestRank } from '../src/engine/stats/histogram.js';

const N = Number(process.env.N ?? 1e7);
const RUNS = 5;
const QS = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

interface Candidate {
  name: string;
  make(): { record(x: number): void; percentile(q: number): number };
  done?(h: unknown): void;
}

/** DDSketch-style: index = ceil(log(x) / log(gamma)) into a dense array grown on demand. */
class LogIndexSketch {
  private static readonly gamma = (1 + 0.005) / (1 - 0.005);
  private static readonly invLogGamma = 1 / Math.log(LogIndexSketch.gamma);
  private counts = new Float64Array(0);
  private offset = 0;
  private n = 0;
  record(x: number): void {
    if (!(x > 0 && x < Infinity)) throw new RangeError(`bad value ${x}`);
    this.n++;
    const i = Math.ceil(Math.log(x) * LogIndexSketch.invLogGamma) - this.offset;
    if (i >= 0 && i < this.counts.length) this.counts[i] = this.counts[i]! + 1;
    else this.grow(i + this.offset);
  }
  private grow(index: number): void {
    const start = this.counts.length === 0 ? index - 512 : Math.min(this.offset, index - 512);
    const end = Math.max(this.offset + this.counts.length, index + 512);
    const next = new Float64Array(end - start);
    next.set(this.counts, this.offset - start);
    this.counts = next;
    this.offset = start;
    this.counts[index - start]! += 1;
  }
  percentile(q: number): number {
    const rank = nearestRank(q, this.n);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return (2 * LogIndexSketch.gamma ** (this.offset + i)) / (LogIndexSketch.gamma + 1);
    }
    return NaN;
  }
}

/** hdr-histogram-js on integer nanoseconds; `exact` adds what LatencyHistogram also keeps
 * (input check, exact count, sum, min, max), which HDR only knows to bucket resolution. */
function hdrCandidate(useWebAssembly: boolean, digits: 2 | 3, exact: boolean): Candidate {
  const build = () => hdr.build({ bitBucketSize: 32, lowestDiscernibleValue: 1, highestTrackableValue: 2 ** 40, numberOfSignificantValueDigits: digits, useWebAssembly });
  const name = `hdr-histogram-js ${useWebAssembly ? 'wasm' : 'js'}, ${digits} digits${exact ? ' + exact sum/min/max' : ''}`;
  const percentile = (h: hdr.Histogram) => (q: number) => h.getValueAtPercentile(q) / 1e9;
  const make = exact
    ? () => {
        const h = build();
        const w = { h, n: 0, sum: 0, min: Infinity, max: -Infinity, percentile: percentile(h),
          record(x: number) {
            if (!(x >= 0 && x < Infinity)) throw new RangeError(`bad value ${x}`);
            this.n++;
            this.sum += x;
            if (x < this.min) this.min = x;
            if (x > this.max) this.max = x;
            h.recordValue(Math.round(x * 1e9));
          } };
        return w;
      }
    : () => {
        const h = build();
        return { h, record: (x: number) => h.recordValue(Math.round(x * 1e9)), percentile: percentile(h) };
      };
  return { name, make, done: (w) => (w as { h: hdr.Histogram }).h.destroy() };
}

const candidates: Candidate[] = [
  { name: 'LatencyHistogram (log-linear bits)', make: () => new LatencyHistogram() as never },
  { name: 'DDSketch-style Math.log index', make: () => new LogIndexSketch() },
  hdrCandidate(false, 2, false),
  hdrCandidate(false, 3, false),
  hdrCandidate(true, 2, false),
  hdrCandidate(true, 2, true),
];

function lognormalSample(n: number, seed: number): Float64Array {
  let s = seed >>> 0; // mulberry32: a fixed, fast generator so every run sees the same values
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    out[i] = 0.05 * Math.exp(1.5 * z);
  }
  return out;
}

async function main(): Promise<void> {
  await hdr.initWebAssembly();
  const values = lognormalSample(N, 42);
  const sorted = Float64Array.from(values).sort();
  console.log(`${N.toExponential(0)} lognormal values; best of ${RUNS} runs; node ${process.version}`);
  const order = process.env.REVERSE ? [...candidates].reverse() : candidates;
  for (const c of order) {
    // A fresh loop per candidate keeps each call site monomorphic, so no candidate pays for
    // the ones measured before it.
    const loop = new Function('h', 'v', 'for (let i = 0; i < v.length; i++) h.record(v[i]);') as
      (h: { record(x: number): void }, v: Float64Array) => void;
    let best = Infinity;
    let worstError = 0;
    for (let run = 0; run < RUNS; run++) {
      const h = c.make();
      const t0 = performance.now();
      loop(h, values);
      best = Math.min(best, performance.now() - t0);
      if (run === 0) {
        for (const q of QS) {
          const exact = sorted[nearestRank(q, N) - 1]!;
          worstError = Math.max(worstError, Math.abs(h.percentile(q) - exact) / exact);
        }
      }
      c.done?.(h);
    }
    if (c.name.startsWith('LatencyHistogram')) {
      const h = c.make() as unknown as LatencyHistogram;
      loop(h, values);
      console.log(`  (LatencyHistogram after ${N} records: ${h.allocatedBuckets} buckets, ${(h.allocatedBuckets * 8) / 1024} KB of counts)`);
    }
    const rate = (N / best) * 1000;
    console.log(`${c.name.padEnd(52)} ${(rate / 1e6).toFixed(1).padStart(6)} M records/s  ${((best * 1e6) / N).toFixed(1).padStart(5)} ns/record  max percentile error ${(worstError * 100).toFixed(3)}%`);
  }
}

await main();
