// Sweep axes: ranges expand to exactly the values a person would list (no float drift, the
// end included when a step lands on it), and points are the product in a fixed order.
import { describe, expect, it } from 'vitest';
import { describePoint, expandRange, pointKey, rangeCount, sweepPoints } from '../../src/experiment/sweep.js';

describe('expandRange', () => {
  it('includes both ends when the steps land on the end', () => {
    expect(expandRange({ from: 100, to: 2000, step: 100 })).toEqual(Array.from({ length: 20 }, (_, i) => 100 * (i + 1)));
  });

  it('stops before an end the steps do not land on', () => {
    expect(expandRange({ from: 1, to: 10, step: 4 })).toEqual([1, 5, 9]);
  });

  it('has no binary-float noise with decimal steps', () => {
    expect(expandRange({ from: 0.1, to: 0.5, step: 0.1 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rangeCount({ from: 0, to: 1, step: 0.1 })).toBe(11);
  });

  it('gives one value when from equals to, and none for a reversed range', () => {
    expect(expandRange({ from: 5, to: 5, step: 1 })).toEqual([5]);
    expect(expandRange({ from: 5, to: 4, step: 1 })).toEqual([]);
  });
});

describe('sweepPoints', () => {
  it('is the product, first axis outermost', () => {
    const points = sweepPoints([{ name: 'users', values: [1, 2] }, { name: 'cores', values: [4, 8, 16] }]);
    expect(points).toEqual([
      { users: 1, cores: 4 }, { users: 1, cores: 8 }, { users: 1, cores: 16 },
      { users: 2, cores: 4 }, { users: 2, cores: 8 }, { users: 2, cores: 16 },
    ]);
    expect(sweepPoints([])).toEqual([{}]);
  });

  it('keys and describes points', () => {
    expect(pointKey({ cores: 8, users: 1 }, ['users', 'cores'])).toBe('users=1,cores=8');
    expect(describePoint({ users: 2000 }, [{ name: 'users' }])).toBe('2000 users');
    expect(describePoint({ rate: 120 }, [{ name: 'rate', unit: '/s' }])).toBe('rate 120/s');
    expect(describePoint({ users: 1, cores: 8 }, [{ name: 'users' }, { name: 'cores' }])).toBe('users=1, cores=8');
  });
});
