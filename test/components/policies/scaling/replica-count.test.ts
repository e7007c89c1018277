// The replica calculator: ceil(ready × metric / target) outside the tolerance, Kubernetes'
// whole-percentage utilisation, and starting (unready) replicas counted as idle on a scale-up.
import { describe, expect, it } from 'vitest';
import { metricReplicas, usageRatio, type MetricTarget } from '../../../../src/components/policies/scaling/replica-count.js';

const cpu = (target: number, tolerance = 0.1): MetricTarget => ({ target, kind: 'utilization', tolerance: { up: tolerance, down: tolerance } });
const avg = (target: number): MetricTarget => ({ target, kind: 'average', tolerance: { up: 0.1, down: 0.1 } });

describe('metricReplicas', () => {
  it('is ceil(ready × ratio) outside the tolerance and the current count inside it', () => {
    expect(metricReplicas(4, { value: 0.9, ready: 4, unready: 0 }, cpu(0.6))).toBe(6); // 1.5 × 4
    expect(metricReplicas(4, { value: 0.65, ready: 4, unready: 0 }, cpu(0.6))).toBe(4); // 65/60 = 1.083
    expect(metricReplicas(4, { value: 0.2, ready: 4, unready: 0 }, cpu(0.6))).toBe(2); // ceil(1.333)
    expect(metricReplicas(7, { value: 0.9, ready: 4, unready: 0 }, cpu(0.6))).toBe(6); // current is only the "no change" answer
  });

  it('tolerances up and down are separate and inclusive', () => {
    const t: MetricTarget = { target: 0.5, kind: 'utilization', tolerance: { up: 0.2, down: 0 } };
    expect(metricReplicas(10, { value: 0.6, ready: 10, unready: 0 }, t)).toBe(10); // 1.2: within up
    expect(metricReplicas(10, { value: 0.61, ready: 10, unready: 0 }, t)).toBe(13); // 1.22 → 12.2
    expect(metricReplicas(10, { value: 0.49, ready: 10, unready: 0 }, t)).toBe(10); // 0.98 → ceil(9.8) = 10
    expect(metricReplicas(10, { value: 0.44, ready: 10, unready: 0 }, t)).toBe(9); // 0.88 → 8.8
  });

  it('utilisation is truncated to a whole percent; plain averages are not', () => {
    expect(usageRatio(0.659, cpu(0.6))).toBeCloseTo(65 / 60, 12);
    expect(usageRatio(0.29, cpu(0.5))).toBe(29 / 50); // 0.29 × 100 is 28.999… in binary
    expect(usageRatio(6.59, avg(6))).toBeCloseTo(6.59 / 6, 12);
    expect(metricReplicas(3, { value: 6.7, ready: 3, unready: 0 }, avg(6))).toBe(4); // 1.1167 × 3 = 3.35
  });

  it('on a scale-up, starting replicas count as idle: damped within the tolerance', () => {
    // 4 ready at 80 % (target 50 %): alone 1.6 → ceil(6.4) = 7; with 2 starting the load spread
    // over 6 is 53 % → 1.06, within → stay at the current 6
    expect(metricReplicas(6, { value: 0.8, ready: 4, unready: 2 }, cpu(0.5))).toBe(6);
    expect(metricReplicas(4, { value: 0.8, ready: 4, unready: 0 }, cpu(0.5))).toBe(7);
    // 4 ready at 90 %, 2 starting: 60 % over 6 → 1.2 → ceil(7.2) = 8
    expect(metricReplicas(6, { value: 0.9, ready: 4, unready: 2 }, cpu(0.5))).toBe(8);
  });

  it('starting replicas never turn a scale-up into a scale-down', () => {
    // 2 ready at 100 %, 4 starting: 33 % over 6 → below 1 → keep 6 (not ceil(0.66 × 6) = 4)
    expect(metricReplicas(6, { value: 1, ready: 2, unready: 4 }, cpu(0.5))).toBe(6);
    // on a scale-down starting replicas are simply left out
    expect(metricReplicas(6, { value: 0.2, ready: 4, unready: 2 }, cpu(0.5))).toBe(2);
  });

  it('needs a ready replica', () => {
    expect(() => metricReplicas(3, { value: 0, ready: 0, unready: 3 }, cpu(0.5))).toThrow(/ready/);
  });
});
