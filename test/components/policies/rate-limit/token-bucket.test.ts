// Token bucket arithmetic: a full bucket admits `burst` at once, then one request per 1/rate
// seconds; refills never exceed the burst; refusals do not consume.
import { describe, expect, it } from 'vitest';
import { takeToken, tokenBucket, tokenBucketPolicy } from '../../../../src/components/policies/rate-limit/token-bucket.js';

describe('token bucket', () => {
  it('rate 10/s burst 5: 100 simultaneous requests → exactly 5 admitted', () => {
    const b = tokenBucket(5, 0);
    const admitted = Array.from({ length: 100 }, () => takeToken(b, 0, 10, 5)).filter(Boolean).length;
    expect(admitted).toBe(5);
  });

  it('then exactly one per 100 ms under a request every 10 ms (float times included)', () => {
    const b = tokenBucket(5, 0);
    for (let i = 0; i < 5; i++) takeToken(b, 0, 10, 5);
    const times: number[] = [];
    for (let k = 1; k <= 300; k++) if (takeToken(b, k * 0.01, 10, 5)) times.push(k * 0.01);
    expect(times.length).toBe(30);
    times.forEach((t, i) => expect(t).toBeCloseTo((i + 1) * 0.1, 9));
  });

  it('refills up to the burst only, after any idle time', () => {
    const b = tokenBucket(3, 0);
    for (let i = 0; i < 3; i++) expect(takeToken(b, 0, 2, 3)).toBe(true);
    expect(takeToken(b, 0, 2, 3)).toBe(false);
    // 100 s idle: 200 tokens due, but the bucket holds 3
    const later = Array.from({ length: 10 }, () => takeToken(b, 100, 2, 3)).filter(Boolean).length;
    expect(later).toBe(3);
  });

  it('a refusal consumes nothing: half a token stays half a token', () => {
    const b = tokenBucket(1, 0);
    expect(takeToken(b, 0, 1, 1)).toBe(true);
    expect(takeToken(b, 0.5, 1, 1)).toBe(false);
    expect(b.tokens).toBeCloseTo(0.5, 12);
    expect(takeToken(b, 1, 1, 1)).toBe(true);
  });

  it('over a long run the admitted count is burst + rate × time', () => {
    const policy = tokenBucketPolicy(7, 4);
    const s = policy.fresh(0);
    let admitted = 0;
    // a request every 1 ms for 1000 s: 1,000,000 decisions
    for (let k = 0; k <= 1_000_000; k++) if (policy.allow(s, k * 0.001)) admitted++;
    expect(admitted).toBe(4 + 7 * 1000);
  });

  it('rejects a rate or burst that defines no bucket, naming the parameter', () => {
    expect(() => tokenBucketPolicy(0, 5)).toThrow(/rate must be .* \(got 0\)/);
    expect(() => tokenBucketPolicy(10, 0.5)).toThrow(/burst must be .* \(got 0.5\)/);
  });
});
