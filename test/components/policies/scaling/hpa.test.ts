// The HPA timeline against a hand computation: a recorded metric trace replayed sync by
// sync through hpaDecide, compared with the replica counts worked out by hand from the
// Kubernetes rules (tolerance, stabilisation windows, Pods/Percent policies, selectPolicy).
import { describe, expect, it } from 'vitest';
import { DEFAULT_BEHAVIOR, type HpaBehavior, type ScalingRules } from '../../../../src/components/policies/scaling/behavior.js';
import { hpaDecide, hpaState, type HpaSpec } from '../../../../src/components/policies/scaling/hpa.js';

const SYNC = 15;

function spec(fields: Partial<HpaSpec> = {}): HpaSpec {
  return {
    target: 0.5, kind: 'utilization', tolerance: { up: 0.1, down: 0.1 },
    minReplicas: 1, maxReplicas: 10, behavior: DEFAULT_BEHAVIOR, ...fields,
  };
}

/** Replays `trace` (the metric at each sync, t = 15, 30, …) from `initial` replicas that
 * are ready at once; returns the replica count after each sync. */
function replay(trace: number[], s: HpaSpec, initial: number): number[] {
  const state = hpaState();
  let current = initial;
  return trace.map((value, i) => {
    current = hpaDecide(state, current, { value, ready: current, unready: 0 }, SYNC * (i + 1), s).desired;
    return current;
  });
}

const rules = (r: Partial<ScalingRules>, base: ScalingRules): ScalingRules => ({ ...base, ...r });
const behavior = (up: Partial<ScalingRules>, down: Partial<ScalingRules>): HpaBehavior => ({
  scaleUp: rules(up, DEFAULT_BEHAVIOR.scaleUp),
  scaleDown: rules(down, DEFAULT_BEHAVIOR.scaleDown),
});

describe('HPA timeline with the default behavior (target 50 %, min 1, max 10, from 2)', () => {
  // t=15  50 %: ratio 1.00, within 10 %                          → 2
  // t=30  54 %: ratio 1.08, within                                → 2
  // t=45  56 %: ratio 1.12 → ceil(1.12×2 = 2.24) = 3; limit max(ceil(2×2), 2+4) = 6 → 3
  // t=60  90 %: ratio 1.8 → ceil(5.4) = 6; the event at 45 is 15 s old (out) → start 3, limit 7 → 6
  // t=75 100 %: ratio 2 → 12, capped by max_replicas                → 10
  // t=90 100 %: 20 wanted, at max                                 → 10
  // t=105…375 20 %: ratio 0.4 → ceil(4.0) = 4, but the recommendation of 20 made at t=90 is
  //   inside the 300 s scale-down window until t=390                → 10
  // t=390 20 %: highest recommendation in (90, 390] is 4; 100 %/15 s allows it → 4
  // t=405 50 %: within                                            → 4
  const trace = [0.5, 0.54, 0.56, 0.9, 1, 1, ...Array<number>(19).fill(0.2), 0.2, 0.5];
  const byHand = [2, 2, 3, 6, 10, 10, ...Array<number>(19).fill(10), 4, 4];

  it('equals the hand-computed timeline', () => {
    expect(replay(trace, spec(), 2)).toEqual(byHand);
  });

  it('a 10 % tolerance is inclusive and utilisation is a whole percentage (55.9 % reads 55 %)', () => {
    const one = (value: number, current = 4): number =>
      hpaDecide(hpaState(), current, { value, ready: current, unready: 0 }, 15, spec({ maxReplicas: 20 })).desired;
    expect(one(0.559)).toBe(4); // 55/50 = 1.1: within
    expect(one(0.56)).toBe(5); // 1.12 → ceil(4.48)
    expect(one(0.45)).toBe(4); // 0.9: within; 0.44 would be ceil(3.52) = 4 anyway
    expect(one(0.29, 10)).toBe(10); // 0.58 → 6, held by the initial recommendation (window)
  });
});

describe('HPA policies per period and selectPolicy (sync 15 s, target 50 %, max 50)', () => {
  const up = (select: 'min' | 'max') => behavior(
    { select, policies: [{ type: 'pods', value: 2, period: 60 }, { type: 'percent', value: 100, period: 60 }] },
    {},
  );

  it('selectPolicy Min takes the smaller bound: +2 pods per 60 s', () => {
    // t=15: 4 → want 8; bounds from 4: pods 6, percent 8 → min 6
    // t=30…60: the +2 at t=15 is inside the period → start 4 → bound 6 → stay 6
    // t=75: the event is 60 s old (out) → start 6: pods 8, percent 12 → 8
    // t=90…120 stay 8; t=135: start 8 → pods 10 → 10
    const got = replay(Array<number>(9).fill(1), spec({ maxReplicas: 50, behavior: up('min') }), 4);
    expect(got).toEqual([6, 6, 6, 6, 8, 8, 8, 8, 10]);
  });

  it('selectPolicy Max takes the larger bound: doubling per 60 s', () => {
    // t=15: bounds 6 and 8 → 8 (= wanted); t=30…60: start 4 → 8; t=75: start 8 → 16 (= wanted);
    // t=90…120: start 8 → 16; t=135: start 16 → 32
    const got = replay(Array<number>(9).fill(1), spec({ maxReplicas: 50, behavior: up('max') }), 4);
    expect(got).toEqual([8, 8, 8, 8, 16, 16, 16, 16, 32]);
  });

  it('Pods scale-down policy: at most 1 pod per 30 s (window 0)', () => {
    // util 10 % → ratio 0.2 → wanted ceil(0.2 × n) = 2; from 10: t=15 start 10 → 9;
    // t=30: the -1 at 15 is inside 30 s → start 10 → bound 9 → 9; t=45: start 9 → 8; …
    const b = behavior({}, { window: 0, policies: [{ type: 'pods', value: 1, period: 30 }] });
    const got = replay(Array<number>(8).fill(0.1), spec({ minReplicas: 2, behavior: b }), 10);
    expect(got).toEqual([9, 9, 8, 8, 7, 7, 6, 6]);
  });

  it('Percent scale-down truncates: 10 % per 15 s removes one pod from 10 down to 2', () => {
    // trunc(10×0.9)=9, trunc(9×0.9=8.1)=8, 7.2→7, 6.3→6, 5.4→5, 4.5→4, 3.6→3, 2.7→2, then min 2
    const b = behavior({}, { window: 0, policies: [{ type: 'percent', value: 10, period: 15 }] });
    const got = replay(Array<number>(10).fill(0.05), spec({ minReplicas: 2, behavior: b }), 10);
    expect(got).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 2, 2]);
  });

  it('Percent scale-up rounds up, so 10 % of 3 still adds a pod', () => {
    const b = behavior({ policies: [{ type: 'percent', value: 10, period: 15 }] }, {});
    expect(replay([1, 1, 1], spec({ behavior: b }), 3)).toEqual([4, 5, 6]); // ceil(3.3), ceil(4.4), ceil(5.5)
  });

  it('selectPolicy Disabled never scales that way; the other direction still works', () => {
    const b = behavior({}, { window: 0, select: 'disabled' });
    expect(replay([0.1, 0.1, 1, 0.1], spec({ behavior: b }), 4)).toEqual([4, 4, 8, 8]);
  });
});

describe('HPA stabilisation windows', () => {
  it('a scale-up window takes the lowest recommendation of the last 60 s', () => {
    // from 2, util 100 % wants 4 (50 % wants 2). The up window holds a record made at t while
    // now - t < 60: the initial 2 (t=15) and the dip to 2 (t=45) keep the count at 2 until
    // t=105, when only the 4s of t=60, 75, 90 remain; t=120 wants 8, but the 4s hold it at 4.
    const b = behavior({ window: 60 }, { window: 0 });
    const trace = [1, 1, 0.5, 1, 1, 1, 1, 1];
    expect(replay(trace, spec({ behavior: b }), 2)).toEqual([2, 2, 2, 2, 2, 2, 4, 4]);
  });

  it('outside min/max the count is clamped first, whatever the metric', () => {
    const s = spec({ minReplicas: 3, maxReplicas: 5 });
    expect(hpaDecide(hpaState(), 1, { value: 0, ready: 1, unready: 0 }, 15, s)).toMatchObject({ desired: 3, reason: 'below_min' });
    expect(hpaDecide(hpaState(), 9, { value: 1, ready: 9, unready: 0 }, 15, s)).toMatchObject({ desired: 5, reason: 'above_max' });
  });

  it('no ready replica: no metrics, no change, nothing recorded beyond the initial count', () => {
    const state = hpaState();
    const d = hpaDecide(state, 3, { value: 0, ready: 0, unready: 3 }, 15, spec());
    expect(d).toMatchObject({ desired: 3, reason: 'no_metrics' });
    expect(state.recommendations).toEqual([{ t: 15, replicas: 3 }]);
    expect(state.up).toEqual([]);
  });
});
