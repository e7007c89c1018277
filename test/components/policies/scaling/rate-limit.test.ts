// Scaling policies: the bound of each policy from the replica count at the start of its
// period (changes inside the period undone, both directions), combined by selectPolicy.
import { describe, expect, it } from 'vitest';
import { changeInPeriod, scaleDownLimit, scaleUpLimit } from '../../../../src/components/policies/scaling/rate-limit.js';
import type { ScalingRules } from '../../../../src/components/policies/scaling/behavior.js';

const rules = (select: ScalingRules['select'], ...policies: ScalingRules['policies']): ScalingRules => ({ window: 0, select, policies });

describe('scaling policy limits', () => {
  it('counts a change while it is younger than the period (Kubernetes: After(now - period))', () => {
    const events = [{ t: 0, change: 2 }, { t: 40, change: 3 }];
    expect(changeInPeriod(events, 60, 60)).toBe(3); // the event at 0 is exactly 60 s old: out
    expect(changeInPeriod(events, 59, 60)).toBe(5);
    expect(changeInPeriod(events, 100, 60)).toBe(0);
  });

  it('scale-up: start of period = current − added + removed; Pods adds, Percent multiplies (ceil)', () => {
    const history = { up: [{ t: 50, change: 4 }], down: [{ t: 55, change: 1 }] };
    // current 10 at t=60: start = 10 − 4 + 1 = 7 → pods 7 + 3 = 10; percent ceil(7 × 1.5) = 11
    expect(scaleUpLimit(10, history, rules('max', { type: 'pods', value: 3, period: 60 }, { type: 'percent', value: 50, period: 60 }), 60)).toBe(11);
    expect(scaleUpLimit(10, history, rules('min', { type: 'pods', value: 3, period: 60 }, { type: 'percent', value: 50, period: 60 }), 60)).toBe(10);
    expect(scaleUpLimit(10, history, rules('disabled', { type: 'pods', value: 3, period: 60 }), 60)).toBe(10);
  });

  it('scale-down: Pods subtracts, Percent truncates; max selects the larger change (lower bound)', () => {
    const none = { up: [], down: [] };
    const both = rules('max', { type: 'pods', value: 2, period: 60 }, { type: 'percent', value: 25, period: 60 });
    expect(scaleDownLimit(9, none, both, 0)).toBe(6); // pods 7, trunc(9 × 0.75 = 6.75) = 6 → 6
    expect(scaleDownLimit(9, none, { ...both, select: 'min' }, 0)).toBe(7);
    expect(scaleDownLimit(9, { up: [], down: [{ t: 10, change: 2 }] }, both, 30)).toBe(8); // start 11: pods 9, trunc(8.25) = 8
  });
});
